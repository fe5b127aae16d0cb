import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import type { BackupCheck, BackupInfo, RestoreResult } from '../../../shared/api/backups';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { BackupList } from './BackupList';
import { ScheduleForm } from './ScheduleForm';
import { useBackups } from './use-backups';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography variant="h3" component="h3" id={id} sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/**
 * Backups of the whole workstation (database, frames, run folders): back up now, the automatic
 * schedule, and the list to verify, restore or delete. A restore replaces every project's data,
 * so the app reloads afterwards to show it.
 */
export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const b = useBackups();
  const [checks, setChecks] = useState<Record<string, BackupCheck>>({});
  const [checking, setChecking] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [deleting, setDeleting] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const { running } = b;

  const verify = async (backup: BackupInfo) => {
    setChecking(backup.name);
    const outcome = await b.verify.run({ name: backup.name });
    setChecking(null);
    if (outcome.ok) setChecks((c) => ({ ...c, [backup.name]: outcome.value }));
  };
  const restore = async () => {
    if (!restoring) return;
    const outcome = await b.restore.run({ name: restoring.name });
    if (!outcome.ok) return;
    setRestoring(null);
    setRestored(outcome.value);
    b.list.reload();
  };
  const remove = async () => {
    if (!deleting) return;
    if ((await b.remove.run({ name: deleting.name })).ok) {
      setDeleting(null);
      b.list.reload();
    }
  };
  // Every page read the data that the restore replaced: start afresh.
  const close = restored ? () => window.location.reload() : onClose;

  return (
    <Dialog open onClose={close} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>Backups</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={3}>
          {restored && (
            <Alert severity="success" action={<Button onClick={() => window.location.reload()}>Reload the app</Button>}>
              Restored the backup {restored.restored}. The data as it was before is kept as the backup {restored.safetyBackup}.
            </Alert>
          )}
          <Section title="Back up now">
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              Copies the database, the frames and the training run folders while you keep working. Frames are hard-linked, so a backup takes little
              more space than the database.
            </Typography>
            {running ? (
              <Stack spacing={1} data-testid="backup-progress">
                <Typography variant="body2">{running.status === 'queued' ? 'Waiting for other jobs…' : running.message}</Typography>
                <LinearProgress variant={running.status === 'queued' ? 'indeterminate' : 'determinate'} value={running.progress * 100} aria-label="Backup progress" />
                <Box>
                  <Button onClick={() => void b.cancel.run(running.id)} loading={b.cancel.pending}>
                    Cancel backup
                  </Button>
                </Box>
              </Stack>
            ) : (
              <Button variant="contained" onClick={() => void b.start.run()} loading={b.start.pending}>
                Back up now
              </Button>
            )}
            {b.start.error && <Alert severity="error" sx={{ mt: 1 }}>{b.start.error.message}</Alert>}
          </Section>
          <Section title="Schedule">
            {b.schedule.data && <ScheduleForm key={JSON.stringify(b.schedule.data)} schedule={b.schedule.data} save={b.saveSchedule} onSaved={b.schedule.reload} />}
            {b.schedule.error && <Alert severity="error">{b.schedule.error.message}</Alert>}
          </Section>
          <Section title="Backups">
            <Box sx={{ height: 2, mb: 1 }}>{b.list.loading && <LinearProgress aria-label="Loading backups" />}</Box>
            {(b.list.error ?? b.verify.error) && <Alert severity="error">{(b.list.error ?? b.verify.error)?.message}</Alert>}
            {b.list.data && <BackupList backups={b.list.data} checks={checks} checking={checking} onVerify={(x) => void verify(x)} onRestore={setRestoring} onDelete={setDeleting} />}
          </Section>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={close}>
          Close
        </Button>
      </DialogActions>
      {restoring && (
        <ConfirmDialog
          open
          title="Restore this backup?"
          confirmLabel="Restore"
          destructive
          pending={b.restore.pending}
          error={b.restore.error?.message}
          onConfirm={() => void restore()}
          onClose={() => {
            b.restore.reset();
            setRestoring(null);
          }}
        >
          Every project, recording, label and training run is replaced with the backup made {restoring.manifest ? new Date(restoring.manifest.createdAt).toLocaleString() : restoring.name}.
          The data as it is now is first kept as a “before restore” backup. No job may be running.
        </ConfirmDialog>
      )}
      {deleting && (
        <ConfirmDialog
          open
          title="Delete this backup?"
          confirmLabel="Delete backup"
          destructive
          pending={b.remove.pending}
          error={b.remove.error?.message}
          onConfirm={() => void remove()}
          onClose={() => {
            b.remove.reset();
            setDeleting(null);
          }}
        >
          The backup {deleting.name} is removed from the disk. The data you are working on is not changed.
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
