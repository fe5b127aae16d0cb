import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { FaceBox } from '../../../shared/api/recordings';
import { Facts, PanelSection } from './PanelSection';
import type { FaceBoxTool } from './use-face-box';

function describe(box: FaceBox): string {
  return `${box.width}×${box.height} at (${box.x}, ${box.y})`;
}

const keep = (e: { preventDefault: () => void }) => e.preventDefault();

/** The recording's face box (frame pixels): draw, save, discard or clear it. */
export function FaceBoxPanel({ faceBox, tool }: { faceBox: FaceBox | null; tool: FaceBoxTool }) {
  return (
    <PanelSection title="Face box">
      <Facts rows={[['Saved', faceBox ? describe(faceBox) : 'none', 'face-box-saved'], ...(tool.draft ? ([['Drawn', describe(tool.draft), 'face-box-drawn']] as [string, string, string][]) : [])]} />
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
        {faceBox && !tool.draft && (
          <Button color="error" onMouseDown={keep} onClick={tool.clear} disabled={tool.pending}>
            Clear face box
          </Button>
        )}
      </Stack>
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
