import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Subject } from '../../../shared/api/subjects';
import type { ImportForm } from './use-import-form';

export interface ImportFieldsProps {
  form: ImportForm;
  subjects: readonly Subject[];
}

/** Where the import goes: subject, names and codes, and how its frames are stored. */
export function ImportFields({ form, subjects }: ImportFieldsProps) {
  const { mode } = form;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1.5}>
        <TextField
          select
          label="Subject"
          value={form.subjectId ?? ''}
          onChange={(e) => form.setSubjectId(e.target.value === '' ? null : Number(e.target.value))}
          helperText={subjects.length === 0 ? 'Add subjects in the Library to assign one' : undefined}
        >
          <MenuItem value="">— none —</MenuItem>
          {subjects.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.code}
            </MenuItem>
          ))}
        </TextField>
        {mode !== 'images' && (
          <TextField
            select
            label="Stored frames"
            value={form.frameFormat}
            onChange={(e) => form.setFrameFormat(e.target.value === 'png' ? 'png' : 'jpg')}
          >
            <MenuItem value="jpg">JPEG (compact)</MenuItem>
            <MenuItem value="png">PNG (lossless, larger)</MenuItem>
          </TextField>
        )}
        {mode === 'images' && (
          <TextField
            label="Frame rate (fps)"
            value={form.fpsText}
            onChange={(e) => form.setFpsText(e.target.value)}
            error={form.fpsInvalid}
            helperText={form.fpsInvalid ? 'must be a positive number' : 'Image files carry no frame rate'}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
        )}
      </Stack>
      {(mode === 'images' || (mode === 'video' && form.selectedVideos.length === 1)) && (
        <Stack direction="row" spacing={1.5}>
          <TextField label="Name" value={form.name} onChange={(e) => form.setName(e.target.value)} helperText="Empty: the file or folder name" />
          {mode === 'images' && (
            <TextField label="Stimulus" value={form.stimulus} onChange={(e) => form.setStimulus(e.target.value)} helperText="e.g. EP02_01f" />
          )}
        </Stack>
      )}
      {mode === 'session' && (
        <>
          <Stack direction="row" spacing={1.5}>
            <TextField
              label="Captured on"
              type="date"
              value={form.session.capturedOn}
              onChange={(e) => form.setSession({ ...form.session, capturedOn: e.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField label="Operator" value={form.session.operator} onChange={(e) => form.setSession({ ...form.session, operator: e.target.value })} />
          </Stack>
          <TextField
            label="Camera settings"
            value={form.session.camera}
            onChange={(e) => form.setSession({ ...form.session, camera: e.target.value })}
            multiline
            minRows={2}
            helperText="One per line, e.g. “fps: 200” or “lens: 35 mm”"
          />
          <TextField label="Notes" value={form.session.notes} onChange={(e) => form.setSession({ ...form.session, notes: e.target.value })} multiline minRows={2} />
        </>
      )}
    </Stack>
  );
}
