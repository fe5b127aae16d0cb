import Box from '@mui/material/Box';
import type { LabelEvent } from '../../../shared/api/events';
import type { TimelineRange } from '../scrubber/use-timeline-range';
import { EventBar } from './EventBar';
import type { EventValues } from './event-values';
import { coderColour, packRows, type Span } from './track-math';
import { useTrackDrag } from './use-track-drag';

export interface EventTrackProps {
  t: TimelineRange;
  first: number;
  last: number;
  playhead: number;
  events: LabelEvent[];
  draft: EventValues | null;
  selectedId: number | null;
  compare: boolean;
  coders: { id: number; name: string }[];
  canEdit: (event: LabelEvent) => boolean;
  onSelect: (event: LabelEvent) => void;
  onSpan: (event: LabelEvent, span: Span) => void;
}

const rowHeight = 18;
const ownColour = '#64b5f6';
const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

/** The draft being marked: a dashed bar (or single marks) in its own row above the saved events. */
function DraftBar({ draft, xOf }: { draft: EventValues; xOf: (n: number) => number }) {
  const { onset, apex, offset } = draft;
  const mark = (n: number, label: string) => (
    <Box key={label} sx={{ position: 'absolute', top: 0, height: rowHeight - 2, borderLeft: '2px solid #ffc400' }} style={{ left: xOf(n + 0.5) - 1 }}>
      <Box component="span" sx={{ position: 'absolute', left: 3, fontSize: 10, color: '#ffc400', fontFamily: mono }}>
        {label}
      </Box>
    </Box>
  );
  const both = onset !== undefined && offset !== undefined && onset <= offset;
  return (
    <Box data-testid="draft-bar" sx={{ position: 'absolute', inset: 0 }}>
      {both ? (
        <Box
          sx={{ position: 'absolute', top: 1, height: rowHeight - 4, border: '1.5px dashed #ffc400', borderRadius: '3px', bgcolor: 'rgba(255, 196, 0, 0.16)', boxSizing: 'border-box' }}
          style={{ left: xOf(onset), width: Math.max(3, xOf(offset + 1) - xOf(onset)) }}
        >
          <Box component="span" sx={{ px: 0.5, fontSize: 10.5, color: '#ffe082', whiteSpace: 'nowrap' }}>
            {draft.emotion || 'new event'}
          </Box>
        </Box>
      ) : (
        [onset !== undefined && mark(onset, 'onset'), offset !== undefined && mark(offset, 'offset')]
      )}
      {apex !== undefined && apex !== null && <Box sx={{ position: 'absolute', top: -1, height: rowHeight, width: 2, bgcolor: '#ffc400' }} style={{ left: xOf(apex + 0.5) - 1 }} />}
    </Box>
  );
}

/** Saved events under the timeline (one track per coder in Compare) and the draft being marked. */
export function EventTrack({ t, first, last, playhead, events, draft, selectedId, compare, coders, canEdit, onSelect, onSpan }: EventTrackProps) {
  const drag = useTrackDrag({ frameAt: t.frameAt, first, last, selectedId, onClick: onSelect, onCommit: onSpan });
  const groups = compare
    ? coders.map((c) => ({ key: c.id, name: c.name, colour: coderColour(c.id, coders.map((x) => x.id)), events: events.filter((e) => e.annotatorId === c.id) }))
    : [{ key: 0, name: '', colour: ownColour, events }];
  const visible = (e: LabelEvent) => e.offset + 1 >= t.range.start && e.onset <= t.range.end;
  // Row 0 is the draft's; each coder's events follow in their own rows.
  const placed: ((typeof groups)[number] & ReturnType<typeof packRows> & { top: number })[] = [];
  let top = rowHeight;
  for (const g of groups) {
    const rows = packRows(g.events);
    placed.push({ ...g, ...rows, top });
    top += rows.rows * rowHeight + (compare ? 2 : 0);
  }
  const height = Math.max(top, rowHeight * 3);

  return (
    <Box data-event-track data-testid="event-track" aria-label="Events" sx={{ position: 'relative', height, overflow: 'hidden', borderTop: '1px solid #2a2e33', userSelect: 'none' }}>
      <Box sx={{ position: 'absolute', left: 0, right: 0, top: 0, height: rowHeight, bgcolor: 'rgba(255, 196, 0, 0.04)' }}>
        {draft && <DraftBar draft={draft} xOf={t.xOf} />}
      </Box>
      {placed.map((g) => (
        <Box key={g.key} data-testid={compare ? 'coder-track' : undefined} data-coder={g.name || undefined} sx={{ position: 'absolute', left: 0, right: 0, height: g.rows * rowHeight, borderTop: compare ? '1px solid #23272c' : 'none' }} style={{ top: g.top }}>
          {compare && (
            <Box component="span" sx={{ position: 'absolute', right: 4, top: 1, fontSize: 10, px: 0.5, borderRadius: 0.5, color: g.colour, bgcolor: 'rgba(18,20,23,0.8)', pointerEvents: 'none', zIndex: 4 }}>
              {g.name}
            </Box>
          )}
          {g.events.filter(visible).map((e) => (
            <EventBar
              key={e.id}
              event={e}
              span={drag.spanOf(e)}
              colour={g.colour}
              top={(g.rowOf.get(e.id) ?? 0) * rowHeight + 2}
              height={rowHeight - 4}
              xOf={t.xOf}
              selected={e.id === selectedId}
              editable={canEdit(e)}
              drag={drag}
            />
          ))}
        </Box>
      ))}
      <Box sx={{ position: 'absolute', top: 0, bottom: 0, width: 0, borderLeft: '2px solid rgba(255, 82, 82, 0.8)', pointerEvents: 'none', zIndex: 5 }} style={{ left: t.xOf(playhead + 0.5) - 1 }} />
    </Box>
  );
}
