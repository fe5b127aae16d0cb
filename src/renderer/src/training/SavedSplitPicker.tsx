import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { TrainingWizard } from './use-training-wizard';

/**
 * Picks a split the Export page saved: the server checks its manifest (same project, events still
 * there) and the folds are copied into the configuration, so the run and its clones keep them even
 * if the folder is edited afterwards.
 */
export function SavedSplitPicker({ w }: { w: TrainingWizard }) {
  const saved = w.form.config.protocol.saved;
  const [folder, setFolder] = useState(saved?.path ?? '');
  const problem = w.savedSplit.error?.message ?? w.problems['protocol.saved'];
  return (
    <Stack spacing={1.5} data-testid="saved-split">
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="Export folder"
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          helperText="The folder the Export page wrote (it holds manifest.json and folds/), on the machine that runs the server"
          sx={{ flex: 1, maxWidth: 640 }}
        />
        <Button variant="outlined" disabled={folder.trim() === '' || w.savedSplit.pending} onClick={() => void w.savedSplit.run(folder.trim())} sx={{ mt: 1 }}>
          Read the split
        </Button>
      </Stack>
      {problem && (
        <Alert severity="error" role="alert">
          {problem}
        </Alert>
      )}
      {saved && !w.savedSplit.error && (
        <Typography variant="body2" data-testid="saved-split-summary">
          {saved.folds.length} folds ({saved.protocol}
          {saved.seed === null ? '' : `, seed ${saved.seed}`}) exported {new Date(saved.createdAt).toLocaleString()} to {saved.path}. The folds are stored with the run: editing the folder later does not change it.
        </Typography>
      )}
    </Stack>
  );
}
