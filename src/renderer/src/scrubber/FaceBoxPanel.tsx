import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { FaceBox } from '../../../shared/api/recordings';
import { Facts, PanelSection } from './PanelSection';
import type { FaceBoxTool } from './use-face-box';
import type { FaceDetection } from './use-face-detection';

function describe(box: FaceBox): string {
  return `${box.width}×${box.height} at (${box.x}, ${box.y})`;
}

const keep = (e: { preventDefault: () => void }) => e.preventDefault();

export interface FaceBoxPanelProps {
  faceBox: FaceBox | null;
  tool: FaceBoxTool;
  detection: FaceDetection;
  /** The frame on screen, which the detector looks at. */
  frame: number;
}

/** The recording's face box (frame pixels): draw it or have it detected, then save, discard or clear it. */
export function FaceBoxPanel({ faceBox, tool, detection, frame }: FaceBoxPanelProps) {
  return (
    <PanelSection title="Face box">
      <Facts rows={[['Saved', faceBox ? describe(faceBox) : 'none', 'face-box-saved'], ...(tool.draft ? ([[tool.draftFrom === 'detector' ? 'Detected' : 'Drawn', describe(tool.draft), 'face-box-drawn']] as [string, string, string][]) : [])]} />
      <Stack direction="row" spacing={0.75} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 0.75 }}>
        {tool.draft && !tool.dragging ? (
          <>
            <Button variant="contained" onMouseDown={keep} onClick={tool.save} loading={tool.pending}>
              Save face box
            </Button>
            <Button onMouseDown={keep} onClick={tool.discard}>
              Discard
            </Button>
          </>
        ) : (
          <Button variant={tool.active ? 'contained' : 'outlined'} onMouseDown={keep} onClick={() => tool.setActive(!tool.active)} aria-pressed={tool.active}>
            {tool.active ? 'Drawing… (B to stop)' : faceBox ? 'Redraw (B)' : 'Draw face box (B)'}
          </Button>
        )}
        {!tool.draft && !tool.active && (
          <Button variant="outlined" onMouseDown={keep} onClick={() => detection.detect(frame)} loading={detection.running}>
            Detect face
          </Button>
        )}
        {faceBox && !tool.draft && (
          <Button color="error" onMouseDown={keep} onClick={tool.clear} disabled={tool.pending}>
            Clear face box
          </Button>
        )}
      </Stack>
      {detection.outcome && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.75 }} data-testid="face-detection">
          Detector: {detection.outcome}
        </Typography>
      )}
      {detection.error && (
        <Alert severity="error" sx={{ mt: 1 }} role="alert">
          {detection.error}
        </Alert>
      )}
      {tool.active && !tool.draft && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.75 }}>
          Drag a rectangle around the face on the frame.
        </Typography>
      )}
      {tool.hint && (
        <Typography variant="caption" color="warning.main" sx={{ display: 'block', mt: 0.75 }}>
          {tool.hint}
        </Typography>
      )}
      {tool.error && (
        <Alert severity="error" sx={{ mt: 1 }} role="alert">
          {tool.error.message}
        </Alert>
      )}
    </PanelSection>
  );
}
