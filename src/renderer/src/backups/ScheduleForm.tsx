import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { BackupSchedule, BackupSettings } from '../../../shared/api/backups';
import type { Backups } from './use-backups';

function issueFor(error: Backups['saveSchedule']['error'], field: keyof BackupSettings): string | undefined {
  return error?.issues?.find((i) => i.path === field)?.message;
}

/** The automatic backup schedule; the stored values come back from the backend after saving. */
export function ScheduleForm({ schedule, save, onSaved }: { schedule: BackupSchedule; save: Backups['saveSchedule']; onSaved: () => void }) {
  const [enabled, setEnabled] = useState(schedule.enabled);
  const [intervalHours, setIntervalHours] = useState(String(schedule.intervalHours));
  const [keep, setKeep] = useState(String(schedule.keep));
  const [saved, setSaved] = useState(false);

  const submit = async () => {
    setSaved(false);
    const outcome = await save.run({ enabled, intervalHours: Number(intervalHours), keep: Number(keep) });
    if (outcome.ok) {
      setSaved(true);
      onSaved();
    }
  };
  const intervalError = issueFor(save.error, 'intervalHours');
  const keepError = issueFor(save.error, 'keep');

  return (
    <Stack spacing={1.5} component="form" noValidate aria-label="Backup schedule" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <FormControlLabel control={<Switch checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />} label="Back up automatically" />
      <Stack direction="row" spacing={2}>
        <TextField label="Every (hours)" type="number" size="small" value={intervalHours} onChange={(e) => setIntervalHours(e.target.value)} disabled={!enabled} error={intervalError !== undefined} helperText={intervalError ?? '1 to 720'} slotProps={{ htmlInput: { min: 1, max: 720 } }} />
        <TextField label="Automatic backups to keep" type="number" size="small" value={keep} onChange={(e) => setKeep(e.target.value)} disabled={!enabled} error={keepError !== undefined} helperText={keepError ?? 'Older ones are removed after a new one succeeds'} slotProps={{ htmlInput: { min: 1, max: 100 } }} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {schedule.nextDueAt ? `Next automatic backup: ${new Date(schedule.nextDueAt).toLocaleString()}` : 'Automatic backups are off.'} Backups you make yourself
        and those made before a restore are never removed automatically.
      </Typography>
      {save.error && !intervalError && !keepError && <Alert severity="error">{save.error.message}</Alert>}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button type="submit" variant="outlined" loading={save.pending}>
          Save schedule
        </Button>
        {saved && <Typography variant="body2" role="status">Schedule saved</Typography>}
      </Stack>
    </Stack>
  );
}
