import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { formatFps } from '../common/media-format';
import { frameSeconds, formatMs, formatSeconds } from './frame-math';
import { Facts, PanelSection } from './PanelSection';
import type { Scrubber } from './use-scrubber';

/** The frame on screen (number, time) and the loop's in and out points. */
export function FramePanel({ scrubber }: { scrubber: Scrubber }) {
  const { recording, shown, loop } = scrubber;
  const frame = shown?.frame ?? null;
  const seconds = frame === null ? null : frameSeconds(frame, recording.firstFrame, recording.fps);
  const frameMs = (1000 * recording.fps.den) / recording.fps.num;
  const loopLength = loop.from !== null && loop.to !== null ? loop.to - loop.from + 1 : null;
  return (
    <>
      <PanelSection title="Frame">
        <Facts
          rows={[
            ['Frame', frame ?? '—', 'panel-frame'],
            ['Time', seconds === null ? '—' : formatSeconds(seconds)],
            ['', seconds === null ? '—' : formatMs(seconds)],
            ['Range', `${recording.firstFrame}–${recording.lastFrame}`],
            ['Rate', `${formatFps(recording.fps)} fps · ${frameMs.toFixed(2)} ms/frame`],
            ['Missing', recording.missingFrames.length === 0 ? 'none' : String(recording.missingFrames.length)],
          ]}
        />
      </PanelSection>
      <PanelSection title="Loop">
        <Facts
          rows={[
            ['In', loop.from ?? '—'],
            ['Out', loop.to ?? '—'],
            ['Length', loopLength === null ? '—' : `${loopLength} frames · ${formatMs((loopLength * recording.fps.den) / recording.fps.num)}`],
          ]}
        />
        <Stack direction="row" spacing={0.75} sx={{ mt: 1 }}>
          <Button variant="outlined" onClick={scrubber.setIn} onMouseDown={(e) => e.preventDefault()}>
            Set in (I)
          </Button>
          <Button variant="outlined" onClick={scrubber.setOut} onMouseDown={(e) => e.preventDefault()}>
            Set out (O)
          </Button>
          <Button onClick={scrubber.clearLoop} onMouseDown={(e) => e.preventDefault()} disabled={loop.from === null && loop.to === null}>
            Clear
          </Button>
        </Stack>
      </PanelSection>
    </>
  );
}
