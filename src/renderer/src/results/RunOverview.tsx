import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { EpochRecord, Run } from '../../../shared/api/training';
import { Metric } from '../agreement/Metric';
import { jobStatusColors, jobStatusLabels } from '../jobs/job-text';
import { formatAccuracy, formatScore } from './format';
import { ablationRowOf } from './comparison';
import { RunProjects } from './RunProjects';
import { SaveModelDialog } from './SaveModelDialog';
import { Section } from './Section';
import { useRunExports, type RunExport } from './use-run-exports';

const exportButtons: { what: RunExport; label: string }[] = [
  { what: 'metrics-csv', label: 'Metrics CSV' },
  { what: 'predictions-csv', label: 'Predictions CSV' },
  { what: 'json', label: 'JSON' },
  { what: 'latex', label: 'LaTeX table' },
];

function protocolWords(run: Run): string {
  const { protocol, folds, onlyFolds } = run.config.protocol;
  const base = { kfold: `${folds}-fold, subject-independent`, loso: 'leave one subject out', megc: 'MEGC 2019 (LOSO)', saved: `the split saved in ${run.config.protocol.saved?.path ?? '?'}` }[protocol];
  return onlyFolds === null ? base : `${base}, only folds ${onlyFolds.map((f) => f + 1).join(', ')}`;
}

/** The run's name, state and pooled figures, with the downloads of its results. */
export function RunOverview({ run, epochs }: { run: Run; epochs: readonly EpochRecord[] }) {
  const exports = useRunExports(run, epochs);
  const row = ablationRowOf(run.config.ablation);
  const pooled = run.pooled;
  const [savingModel, setSavingModel] = useState(false);
  return (
    <Section title={`${run.name} · #${run.id}`} testId="run-overview" actions={<Chip size="small" label={jobStatusLabels[run.status]} color={jobStatusColors[run.status]} variant="outlined" />}>
      <Typography color="text.secondary" sx={{ mb: 1.5 }}>
        Trained on <RunProjects config={run.config} /> · {protocolWords(run)} · {run.config.model.preset} model · {row === null ? 'custom ablation switches' : `Table 5 row ${row}`}
        {run.group !== null && ` · group ${run.group}`} · {run.classes.length} classes · {run.message}
      </Typography>
      <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 2, mb: 2 }}>
        <Metric label="Accuracy (pooled)" value={formatAccuracy(pooled?.accuracy ?? null)} testId="pooled-accuracy" />
        <Metric label="UF1 (MEGC 2019)" value={formatScore(pooled?.uf1 ?? null)} testId="pooled-uf1" />
        <Metric label="UAR (MEGC 2019)" value={formatScore(pooled?.uar ?? null)} testId="pooled-uar" />
        <Metric label="Test samples" value={String(pooled?.samples ?? 0)} note={`${run.folds.length} fold${run.folds.length === 1 ? '' : 's'} finished`} testId="pooled-samples" />
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} role="group" aria-label="Download results">
        <Typography variant="body2" color="text.secondary">
          Download:
        </Typography>
        {exportButtons.map((b) => (
          <Button key={b.what} variant="outlined" loading={exports.busy === b.what} disabled={pooled === null} onClick={() => void exports.download(b.what)}>
            {b.label}
          </Button>
        ))}
        <Button variant="outlined" disabled={run.folds.length === 0} onClick={() => setSavingModel(true)}>
          Save model (TensorFlow.js)…
        </Button>
      </Stack>
      {savingModel && <SaveModelDialog run={run} open onClose={() => setSavingModel(false)} />}
      {exports.error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {exports.error}
        </Alert>
      )}
    </Section>
  );
}
