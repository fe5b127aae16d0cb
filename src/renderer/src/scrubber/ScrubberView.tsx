import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import { ThemeProvider } from '@mui/material/styles';
import { useRef, useState } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { useApiQuery } from '../api/use-api-query';
import { EventTrack } from '../labelling/EventTrack';
import { labellingShortcuts } from '../labelling/labelling-shortcuts';
import { LabellingInspector } from '../labelling/LabellingInspector';
import { LabellingToolbar } from '../labelling/LabellingToolbar';
import { MarkKeysDialog } from '../labelling/MarkKeysDialog';
import { useLabelling } from '../labelling/use-labelling';
import { DifferencePanel } from './DifferencePanel';
import { FaceBoxPanel } from './FaceBoxPanel';
import { playbackRates } from './frame-math';
import { FramePanel } from './FramePanel';
import { FrameStage } from './FrameStage';
import { RecordingHeader } from './RecordingHeader';
import { ShortcutSheet } from './ShortcutSheet';
import { Timeline } from './Timeline';
import { TransportBar } from './TransportBar';
import { useFaceBox } from './use-face-box';
import { useFaceDetection } from './use-face-detection';
import { useScrubber } from './use-scrubber';
import { useScrubberKeys } from './use-scrubber-keys';
import { useViewport } from './use-viewport';
import { workspaceTheme } from './workspace-theme';

/** One empty list, so that "nothing loaded yet" keeps its identity between renders. */
const none: never[] = [];

export interface ScrubberViewProps {
  recording: Recording;
  /** A newer state of the recording (e.g. after its face box was saved). */
  onRecordingChange: (recording: Recording) => void;
  /** An event to open at start (`#/label/<recording>?event=<id>`): selected, jumped to and looped. */
  eventId?: number | null;
}

/** The Label page's workspace for one recording: frame tools, frame, event inspector, transport and timeline. */
export function ScrubberView({ recording, onRecordingChange, eventId = null }: ScrubberViewProps) {
  const scrubber = useScrubber(recording);
  const viewport = useViewport({ width: recording.width, height: recording.height });
  const tool = useFaceBox(recording, onRecordingChange);
  const detection = useFaceDetection(recording, tool);
  const project = useApiQuery('projects.get', { id: recording.projectId });
  const subjects = useApiQuery('subjects.list', { projectId: recording.projectId });
  const labelSet = project.data?.labelSet ?? none;
  const labelling = useLabelling(recording, labelSet, scrubber, eventId);
  const [helpOpen, setHelpOpen] = useState(false);
  const [keysOpen, setKeysOpen] = useState(false);
  const jumpRef = useRef<HTMLInputElement>(null);
  const { playback } = scrubber;

  useScrubberKeys(
    {
      step: scrubber.step,
      home: () => scrubber.seek(recording.firstFrame),
      end: () => scrubber.seek(recording.lastFrame),
      togglePlay: playback.toggle,
      shuttle: playback.shuttle,
      pause: playback.pause,
      slower: () => playback.setRateIndex(Math.min(playbackRates.length - 1, playback.rateIndex + 1)),
      faster: () => playback.setRateIndex(Math.max(0, playback.rateIndex - 1)),
      focusJump: () => {
        jumpRef.current?.focus();
        jumpRef.current?.select();
      },
      setIn: scrubber.setIn,
      setOut: scrubber.setOut,
      toggleLoop: scrubber.toggleLoop,
      clearLoop: scrubber.clearLoop,
      toggleDifference: () => scrubber.setDifference({ enabled: !scrubber.difference.enabled }),
      zoom: viewport.zoomBy,
      fit: viewport.fit,
      actualSize: viewport.actualSize,
      toggleBoxTool: () => tool.setActive(!tool.active),
      // Enter saves what is being drawn or marked: the face box first, else the event.
      saveBox: () => (tool.draft ? !tool.dragging && tool.save() : labelling.commit()),
      escape: () => {
        if (tool.draft) tool.discard();
        else if (tool.active) tool.setActive(false);
        else if (labelling.draft) labelling.discardDraft();
        else playback.pause();
      },
      help: () => setHelpOpen(true),
    },
    labelling.keyAction,
  );

  const notice = labelling.undo.notice;
  return (
    <ThemeProvider theme={workspaceTheme}>
      <Box
        data-testid="scrubber"
        sx={{
          flex: 1,
          minHeight: 0,
          display: 'grid',
          gridTemplateColumns: '272px minmax(0, 1fr) 372px',
          gridTemplateRows: 'auto minmax(0, 1fr) auto auto',
          bgcolor: 'background.default',
          color: 'text.primary',
        }}
      >
        <Box sx={{ gridColumn: '1 / 4' }}>
          <RecordingHeader
            recording={recording}
            actions={<LabellingToolbar labelling={labelling} projectId={recording.projectId} recordingId={recording.id} onKeys={() => setKeysOpen(true)} />}
          />
        </Box>
        <Box sx={{ gridColumn: 1, gridRow: 2, overflow: 'auto', bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider' }} component="aside" aria-label="Frame tools">
          <FramePanel scrubber={scrubber} />
          <DifferencePanel scrubber={scrubber} />
          <FaceBoxPanel faceBox={recording.faceBox} tool={tool} detection={detection} frame={scrubber.shown?.frame ?? scrubber.target} />
        </Box>
        <Box sx={{ gridColumn: 2, gridRow: 2, minWidth: 0, minHeight: 0, display: 'grid', gridTemplate: 'minmax(0, 1fr) / minmax(0, 1fr)' }}>
          <FrameStage
            width={recording.width}
            height={recording.height}
            shown={scrubber.shown}
            target={scrubber.target}
            difference={scrubber.difference}
            viewport={viewport}
            faceBox={recording.faceBox}
            tool={tool}
            timeOf={scrubber.timeOf}
          />
        </Box>
        <Box sx={{ gridColumn: 3, gridRow: 2, minHeight: 0, bgcolor: 'background.paper', borderLeft: 1, borderColor: 'divider' }}>
          <LabellingInspector labelling={labelling} recording={recording} labelSet={labelSet} subjects={subjects.data ?? none} frameNow={scrubber.frameNow} onJump={scrubber.seek} />
        </Box>
        <Box sx={{ gridColumn: '1 / 4', gridRow: 3 }}>
          <TransportBar scrubber={scrubber} viewport={viewport} jumpRef={jumpRef} onHelp={() => setHelpOpen(true)} />
        </Box>
        <Box sx={{ gridColumn: '1 / 4', gridRow: 4 }}>
          <Timeline
            recording={recording}
            shown={scrubber.shown?.frame ?? null}
            target={scrubber.target}
            loop={scrubber.loop}
            onSeek={scrubber.seek}
            track={(t, playhead) => (
              <EventTrack
                t={t}
                first={recording.firstFrame}
                last={recording.lastFrame}
                playhead={playhead}
                events={labelling.events}
                draft={labelling.draft}
                selectedId={labelling.selected?.id ?? null}
                compare={labelling.list.compare}
                coders={labelling.list.coders}
                canEdit={labelling.canEdit}
                onSelect={labelling.select}
                onSpan={labelling.applySpan}
              />
            )}
          />
        </Box>
      </Box>
      <ShortcutSheet open={helpOpen} onClose={() => setHelpOpen(false)} extra={labellingShortcuts(labelling.bindings, labelSet)} />
      {keysOpen && <MarkKeysDialog bindings={labelling.bindings} onSave={labelling.setBindings} onClose={() => setKeysOpen(false)} />}
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={labelling.undo.dismiss} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }} sx={{ bottom: { xs: 140 } }}>
        <Alert severity={notice?.severity ?? 'info'} variant="filled" onClose={labelling.undo.dismiss} data-testid="undo-notice" sx={{ maxWidth: 640 }}>
          {notice?.text}
        </Alert>
      </Snackbar>
    </ThemeProvider>
  );
}
