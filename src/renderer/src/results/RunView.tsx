import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { EpochRecord, Run } from '../../../shared/api/training';
import { ClassesSection } from './ClassesSection';
import { ConfigSection } from './ConfigSection';
import { CurvesSection } from './CurvesSection';
import { DecouplingSection } from './DecouplingSection';
import { FoldsTable } from './MetricsTables';
import { RunOverview } from './RunOverview';
import { Section } from './Section';
import { foldCurves } from './training-curves';
import { useRun } from './use-run';

/** Folds that have epoch rows or a result (a fold in training has rows before its result). */
function foldsWithData(run: Run, epochs: readonly EpochRecord[]) {
  const numbers = [...new Set([...run.folds.map((f) => f.fold), ...epochs.map((e) => e.fold)])].sort((a, b) => a - b);
  return numbers.map((fold) => ({ fold, name: run.folds.find((f) => f.fold === fold)?.name ?? `fold ${fold + 1} (training)` }));
}

function RunSections({ run, epochs }: { run: Run; epochs: readonly EpochRecord[] }) {
  const folds = foldsWithData(run, epochs);
  const [chosenFold, setFold] = useState<number | null>(null);
  const fold = chosenFold ?? folds[0]?.fold ?? 0;
  const foldName = folds.find((f) => f.fold === fold)?.name ?? `fold ${fold + 1}`;
  const curves = foldCurves(epochs, fold, run.folds.find((f) => f.fold === fold)?.chosenEpoch ?? null);
  return (
    <Stack spacing={2}>
      <RunOverview run={run} epochs={epochs} />
      <Section title="Folds" testId="folds-section">
        {run.folds.length === 0 ? <Typography color="text.secondary">No fold has finished yet.</Typography> : <FoldsTable run={run} />}
      </Section>
      <ClassesSection run={run} />
      <CurvesSection run={run} folds={folds} fold={fold} onFold={setFold} curves={curves} />
      <DecouplingSection run={run} fold={fold} foldName={foldName} curves={curves} />
      <ConfigSection run={run} />
    </Stack>
  );
}

/** One training run in full; re-read while its job runs. */
export function RunView({ runId, liveKey }: { runId: number; liveKey: string }) {
  const { run, epochs } = useRun(runId, liveKey);
  if (run.error) return <Alert severity="error">{run.error.message}</Alert>;
  if (epochs.error) return <Alert severity="error">{epochs.error.message}</Alert>;
  if (!run.data || !epochs.data) return <LinearProgress aria-label="Loading the run" />;
  // Keyed by run: a newly opened run starts with its own first fold and pooled scope.
  return <RunSections key={run.data.id} run={run.data} epochs={epochs.data} />;
}
