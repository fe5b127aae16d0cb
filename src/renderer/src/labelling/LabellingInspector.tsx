import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { Recording } from '../../../shared/api/recordings';
import type { Subject } from '../../../shared/api/subjects';
import { EventFilters } from '../events/EventFilters';
import { EventsTable } from '../events/EventsTable';
import { useEventPage } from '../events/use-event-page';
import { EventPanel } from './EventPanel';
import { HistoryPanel } from './HistoryPanel';
import type { Labelling, PanelId } from './use-labelling';

export interface LabellingInspectorProps {
  labelling: Labelling;
  recording: Recording;
  labelSet: readonly string[];
  subjects: readonly Subject[];
  frameNow: number;
  onJump: (frame: number) => void;
}

/** The side panel of labelling: the event being edited, this recording's events, and a history. */
export function LabellingInspector(props: LabellingInspectorProps) {
  const { labelling: l, recording, labelSet, subjects } = props;
  const { panel: tab, setPanel: setTab } = l;
  const list = useEventPage({ recordingId: recording.id }, 15);
  return (
    <Box component="aside" aria-label="Labelling" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Tabs value={tab} onChange={(_, v: PanelId) => setTab(v)} variant="fullWidth" sx={{ minHeight: 38, borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { minHeight: 38, py: 0.5 } }}>
        <Tab value="event" label={l.draft ? 'New event' : l.selected ? `Event ${l.selected.id}` : 'Event'} onMouseDown={(e) => e.preventDefault()} />
        <Tab value="events" label={`Events${list.total ? ` (${list.total})` : ''}`} onMouseDown={(e) => e.preventDefault()} />
        <Tab value="history" label="History" onMouseDown={(e) => e.preventDefault()} />
      </Tabs>
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        {tab === 'event' && <EventPanel {...props} />}
        {tab === 'events' && (
          <Box sx={{ p: 1.25 }}>
            <EventFilters filter={list.filter} onChange={list.setFilter} onClear={list.clearFilter} labelSet={labelSet} subjects={subjects} annotators={l.session.annotators} dense />
            <EventsTable
              list={list}
              dense
              selectedId={l.selected?.id ?? null}
              onOpen={(e) => {
                if (l.annotator && e.annotatorId !== l.annotator.id) l.list.setCompare(true);
                l.select(e);
              }}
            />
          </Box>
        )}
        {tab === 'history' && <HistoryPanel event={l.selected} subjects={subjects} />}
      </Box>
    </Box>
  );
}
