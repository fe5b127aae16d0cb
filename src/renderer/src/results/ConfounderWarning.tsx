import Alert from '@mui/material/Alert';
import type { Run } from '../../../shared/api/training';
import { confounders } from './comparison';

/** Warns when runs shown side by side differ in more than the model, so their differences mislead. */
export function ConfounderWarning({ runs }: { runs: readonly Run[] }) {
  const differences = confounders(runs);
  if (differences.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 1.5 }} data-testid="confounder-warning">
      These runs differ in {new Intl.ListFormat('en', { type: 'conjunction' }).format(differences)}, not only in the model: their differences are not the model’s alone.
    </Alert>
  );
}
