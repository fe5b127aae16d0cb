import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { useStableCallback } from '../common/use-stable-callback';
import { FileBrowser } from '../import/FileBrowser';
import { useFileBrowser } from '../import/use-file-browser';
import { ArchiveJobStatus } from './ArchiveJobStatus';
import { useStartedJob } from '../jobs/use-started-job';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

/** Opens a project archive from the backend machine as a new project, then shows it. */
export function ImportArchiveDialog({ onClose, onImported }: { onClose: () => void; onImported: (projectId: number) => void }) {
  const titleId = useId();
  const browser = useFileBrowser('mer.archive.lastDir');
  const [file, setFile] = useState<string | null>(null);
  const x = useStartedJob('projects.import-archive');
  const result = x.result;
  const projectId = result?.projectId;

  const imported = useStableCallback(onImported);
  useEffect(() => {
    if (projectId !== undefined) imported(projectId);
  }, [projectId, imported]);

  const done = result ? `Imported as the project “${result.project}”${result.project === result.archivedAs ? '' : ` (the archive’s name “${result.archivedAs}” was taken)`}` : '';
  return (
    <Dialog open onClose={x.running ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>Import project archive</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            Pick a project archive ({'.merproj'}) on the backend machine. It becomes a new project; nothing already here changes, and a
            damaged or incomplete archive is refused as a whole.
          </Typography>
          <FileBrowser browser={browser} mode="archive" selected={file ? [file] : []} onToggle={(path) => setFile((f) => (f === path ? null : path))} />
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            Archive{' '}
            <Typography component="span" variant="body2" sx={{ fontFamily: mono }} data-testid="archive-chosen">
              {file ?? 'none chosen'}
            </Typography>
          </Typography>
          {x.startError && <Typography color="error">{x.startError}</Typography>}
          {x.job && <ArchiveJobStatus job={x.job} done={done} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {x.running ? <Button onClick={x.cancel}>Cancel import</Button> : <Button onClick={onClose}>{result ? 'Close' : 'Cancel'}</Button>}
        <Button variant="contained" onClick={() => file !== null && void x.start({ file })} disabled={x.running || file === null || result !== null}>
          Import
        </Button>
      </DialogActions>
    </Dialog>
  );
}
