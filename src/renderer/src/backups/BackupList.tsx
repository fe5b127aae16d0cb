import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { BackupCheck, BackupInfo, BackupReason } from '../../../shared/api/backups';
import { formatBytes } from '../common/media-format';

const reasonText: Record<BackupReason, string> = { manual: 'Manual', scheduled: 'Automatic', 'before-restore': 'Before restore' };

function contents(backup: BackupInfo): string {
  const counts = backup.manifest?.counts;
  if (!counts) return '';
  return `${counts.recordings} recordings, ${counts.frameFiles} frame files, ${counts.runs} training runs`;
}

export interface BackupListProps {
  backups: BackupInfo[];
  checks: Record<string, BackupCheck>;
  checking: string | null;
  onVerify: (backup: BackupInfo) => void;
  onRestore: (backup: BackupInfo) => void;
  onDelete: (backup: BackupInfo) => void;
}

/** The backups, newest first, with what each holds and what can be done with it. */
export function BackupList({ backups, checks, checking, onVerify, onRestore, onDelete }: BackupListProps) {
  if (backups.length === 0) return <Typography color="text.secondary">No backups yet.</Typography>;
  return (
    <Table size="small" aria-label="Backups">
      <TableHead>
        <TableRow>
          <TableCell>Made</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell align="right">Size</TableCell>
          <TableCell>Contents</TableCell>
          <TableCell align="right">Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {backups.map((backup) => {
          const { manifest } = backup;
          const check = checks[backup.name];
          return (
            <TableRow key={backup.name} aria-label={`Backup ${backup.name}`}>
              <TableCell title={backup.name}>{manifest ? new Date(manifest.createdAt).toLocaleString() : backup.name}</TableCell>
              <TableCell>{manifest ? reasonText[manifest.reason] : 'Unreadable'}</TableCell>
              <TableCell align="right">{manifest ? formatBytes(manifest.bytes.total) : ''}</TableCell>
              <TableCell>
                {manifest ? contents(backup) : <Alert severity="warning">{backup.problem}</Alert>}
                {check && (
                  <Alert severity={check.ok ? 'success' : 'error'} sx={{ mt: 0.5 }}>
                    {check.ok ? 'Verified: the backup is complete and sound' : check.problems.join('; ')}
                  </Alert>
                )}
              </TableCell>
              <TableCell align="right">
                <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }}>
                  {manifest && (
                    <>
                      <Button size="small" onClick={() => onVerify(backup)} loading={checking === backup.name}>
                        Verify
                      </Button>
                      <Button size="small" onClick={() => onRestore(backup)}>
                        Restore…
                      </Button>
                    </>
                  )}
                  <Button size="small" color="error" onClick={() => onDelete(backup)}>
                    Delete…
                  </Button>
                </Stack>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
