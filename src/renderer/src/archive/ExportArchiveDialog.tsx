import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { archiveExtension } from '../../../shared/api/project-archive';
import type { Project } from '../../../shared/api/projects';
import { FileBrowser } from '../import/FileBrowser';
import { useFileBrowser } from '../import/use-file-browser';
import { joinPath } from '../import/import-paths';
import { ArchiveJobStatus } from './ArchiveJobStatus';
import { useStartedJob } from '../jobs/use-started-job';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
const noSelection: readonly string[] = [];

/** A file name from the project's name: letters, digits, spaces, dots and dashes only. */
function suggestedName(project: Project): string {
  const safe = project.name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim() || 'project';
  return `${safe}${archiveExtension}`;
}

/** Writes the whole project (rows, frames, runs) into one archive file on the backend machine. */
export function ExportArchiveDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const titleId = useId();
  const browser = useFileBrowser('mer.archive.lastDir');
  const [fileName, setFileName] = useState(() => suggestedName(project));
  const dir = browser.listing?.dir ?? null;
  const out = dir ? joinPath(dir, fileName.trim()) : '';
  const x = useStartedJob('projects.export-archive');
  const result = x.result;

  return (
    <Dialog open onClose={x.running ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>Export “{project.name}” as an archive</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            One file with the project’s subjects, sessions, recordings and their frames, events with their history, label mappings, import
            reports and training runs. Another workstation opens it with “Import project archive…”.
          </Typography>
          <FileBrowser browser={browser} mode="folder" selected={noSelection} onToggle={() => undefined} />
          <TextField
            label="Archive file name"
            value={fileName}
            onChange={(e) => setFileName(e.target.value)}
            error={x.startError !== null}
            helperText={x.startError ?? `Saved in the folder above; ${archiveExtension} is added if missing, and an existing file is never overwritten`}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: mono, fontSize: 13 } } }}
          />
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            Export to{' '}
            <Typography component="span" variant="body2" sx={{ fontFamily: mono }} data-testid="archive-destination">
              {out || '…'}
            </Typography>
          </Typography>
          {x.job && <ArchiveJobStatus job={x.job} done={result ? `Saved ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB)` : ''} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {x.running ? (
          <Button onClick={x.cancel}>Cancel export</Button>
        ) : (
          <Button onClick={onClose}>{result ? 'Close' : 'Cancel'}</Button>
        )}
        <Button variant="contained" onClick={() => out && void x.start({ projectId: project.id, out })} disabled={x.running || !out || fileName.trim() === '' || result !== null}>
          Export
        </Button>
      </DialogActions>
    </Dialog>
  );
}
