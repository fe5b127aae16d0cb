import Box from '@mui/material/Box';
import { ThemeProvider } from '@mui/material/styles';
import { useRef, useState } from 'react';
import type { Recording } from '../../../shared/api/recordings';
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
import { useScrubber } from './use-scrubber';
import { useScrubberKeys } from './use-scrubber-keys';
import { useViewport } from './use-viewport';
import { workspaceTheme } from './workspace-theme';

export interface ScrubberViewProps {
  recording: Recording;
  /** A newer state of the recording (e.g. after its face box was saved). */
  onRecordingChange: (recording: Recording) => void;
}

/** The Label page's workspace for one recording: frame, side panel, transport and timeline. */
export function ScrubberView({ recording, onRecordingChange }: ScrubberViewProps) {
  const scrubber = useScrubber(recording);
  const viewport = useViewport({ width: recording.width, height: recording.height });
  const tool = useFaceBox(recording, onRecordingChange);
  const [helpOpen, setHelpOpen] = useState(false);
  const jumpRef = useRef<HTMLInputElement>(null);
  const { playback } = scrubber;

  useScrubberKeys({
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
    saveBox: () => tool.draft && !tool.dragging && tool.save(),
    escape: () => {
      if (tool.draft) tool.discard();
      else if (tool.active) tool.setActive(false);
      else playback.pause();
    },
    help: () => setHelpOpen(true),
  });

  return (
    <ThemeProvider theme={workspaceTheme}>
      <Box
        data-testid="scrubber"
        sx={{
          flex: 1,
          minHeight: 0,
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr) 300px',
          gridTemplateRows: 'auto minmax(0, 1fr) auto auto',
          bgcolor: 'background.default',
          color: 'text.primary',
        }}
      >
        <Box sx={{ gridColumn: '1 / 3' }}>
          <RecordingHeader recording={recording} />
        </Box>
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
        <Box sx={{ gridColumn: 2, gridRow: '2 / 5', overflow: 'auto', bgcolor: 'background.paper', borderLeft: 1, borderColor: 'divider' }} component="aside" aria-label="Frame tools">
          <FramePanel scrubber={scrubber} />
          <DifferencePanel scrubber={scrubber} />
          <FaceBoxPanel faceBox={recording.faceBox} tool={tool} />
        </Box>
        <TransportBar scrubber={scrubber} viewport={viewport} jumpRef={jumpRef} onHelp={() => setHelpOpen(true)} />
        <Timeline recording={recording} shown={scrubber.shown?.frame ?? null} target={scrubber.target} loop={scrubber.loop} onSeek={scrubber.seek} />
      </Box>
      <ShortcutSheet open={helpOpen} onClose={() => setHelpOpen(false)} />
    </ThemeProvider>
  );
}
