import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { fieldMessage } from '../api/errors';
import { FileBrowser } from '../import/FileBrowser';
import { joinPath } from '../import/import-paths';
import { writesMegcFile } from './export-params';
import type { Export } from './use-export';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
const noSelection: readonly string[] = [];

/** Where the export goes (a new folder inside the one browsed to) and what it holds. */
export function OutputFields({ x }: { x: Export }) {
  const { form, update } = x;
  const outError = x.problems.out ?? fieldMessage(x.startError, 'out');
  const sizeError = x.problems.frameSize ?? fieldMessage(x.startError, 'frameSize');
  const classes = x.mapping?.toLabels ?? x.project?.labelSet ?? [];
  const megc = writesMegcFile(form.protocol, classes);
  return (
    <Stack spacing={2}>
      <FileBrowser browser={x.browser} mode="folder" selected={noSelection} onToggle={() => undefined} />
      <TextField
        label="New folder for the export"
        value={x.folderName}
        onChange={(e) => update({ folderName: e.target.value })}
        error={outError !== undefined}
        helperText={outError ?? 'Made inside the folder above; it must not exist yet (or be empty)'}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: mono, fontSize: 13 } } }}
      />
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        Export to{' '}
        <Typography component="span" variant="body2" sx={{ fontFamily: mono }} data-testid="export-destination">
          {x.parentDir ? joinPath(x.parentDir, x.folderName) : '…'}
        </Typography>
      </Typography>
      <FormGroup aria-label="What the export holds">
        <FormControlLabel control={<Checkbox checked disabled />} label="manifest.json and a CSV per fold and side (always)" />
        <FormControlLabel
          control={<Checkbox checked={megc} disabled />}
          label={megc ? 'MEGC 2019 ground-truth CSV (the classes are MEGC’s)' : 'MEGC 2019 ground-truth CSV (only for the MEGC classes, subject-independent)'}
        />
        <FormControlLabel
          control={<Checkbox checked={form.copyFrames} onChange={(e) => update({ copyFrames: e.target.checked })} />}
          label="Copy each sample’s frames (onset to offset) as frames/subject/clip/img{n}"
        />
        {form.copyFrames && (
          <Stack spacing={1.5} sx={{ pl: 4, pt: 0.5 }} role="group" aria-label="How the frames are copied">
            <FormControlLabel
              control={<Checkbox checked={form.frameCrop} onChange={(e) => update({ frameCrop: e.target.checked })} />}
              label="Crop to the face box (recordings without one are copied whole)"
            />
            <TextField
              label="Resize to (px)"
              value={form.frameSizeText}
              onChange={(e) => update({ frameSizeText: e.target.value })}
              error={sizeError !== undefined}
              helperText={sizeError ?? 'S for S x S frames, e.g. 224; empty keeps the size. Cropped or resized frames are written as JPEG'}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ maxWidth: 360 }}
            />
          </Stack>
        )}
      </FormGroup>
    </Stack>
  );
}
