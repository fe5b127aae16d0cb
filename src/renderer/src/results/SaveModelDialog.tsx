import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';
import { useEffect, useId, useState } from 'react';
import type { Run } from '../../../shared/api/training';
import { FileBrowser } from '../import/FileBrowser';
import { joinPath } from '../import/import-paths';
import { useFileBrowser } from '../import/use-file-browser';
import { useStartedJob } from '../jobs/use-started-job';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
const noSelection: readonly string[] = [];

/**
 * "Save model (TensorFlow.js)…": every finished fold's MENet as model.json + weight shards in a
 * new folder on the backend's machine, chosen as the Export page chooses its folder.
 */
export function SaveModelDialog({ run, open, onClose }: { run: Run; open: boolean; onClose: () => void }) {
  const browser = useFileBrowser('mer.export.lastDir');
  const save = useStartedJob('models.export');
  const [folderName, setFolderName] = useState(`run-${run.id}-tfjs`);
  const [problem, setProblem] = useState<string | null>(null);
  const parentDir = browser.listing?.dir ?? null;
  const { job, result } = save;
  const titleId = useId();
  const busy = save.starting || save.running;
  // Show the new folder in the browser once it exists.
  const savedDir = result?.dir;
  const reloadFolder = browser.reload;
  useEffect(() => {
    if (savedDir) reloadFolder();
  }, [savedDir, reloadFolder]);

  const submit = () => {
    const name = folderName.trim();
    if (!parentDir) return setProblem('Open the folder the model folder goes in');
    if (!name || /[\\/]/.test(name)) return setProblem('Give the new folder a name (without slashes)');
    setProblem(null);
    void save.start({ runId: run.id, out: joinPath(parentDir, name) });
  };
  return (
    // Not a form: the folder browser inside has its own (Enter opens the typed folder).
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Save model (TensorFlow.js)</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {save.startError && <Alert severity="error">{save.startError}</Alert>}
          <Typography variant="body2" color="text.secondary">
            Each finished fold&apos;s MENet (the epoch chosen on validation) becomes fold-N/model.json with its weight shards: classes, input clip and normalisation are in model.json.
          </Typography>
          <FileBrowser browser={browser} mode="folder" selected={noSelection} onToggle={() => undefined} />
          <TextField
            label="New folder for the model"
            value={folderName}
            onChange={(e) => {
              setFolderName(e.target.value);
              setProblem(null);
              save.clear();
            }}
            error={problem !== null}
            helperText={problem ?? 'Made inside the folder above; it must not exist yet (or be empty)'}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: mono, fontSize: 13 } } }}
          />
          {save.running && job && <LinearProgress variant="determinate" value={job.progress * 100} aria-label="Saving the model" />}
          {job?.status === 'failed' && <Alert severity="error">{job.error}</Alert>}
          {result && (
            <Alert severity="success" data-testid="model-export-result">
              Saved {result.models.length} fold model{result.models.length === 1 ? '' : 's'} to{' '}
              <Typography component="span" sx={{ fontFamily: mono, overflowWrap: 'anywhere' }} data-testid="model-export-dir">
                {result.dir}
              </Typography>
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Close
        </Button>
        <Button variant="contained" loading={busy} onClick={submit}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
