import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import type { TrainingConfig } from '../../../shared/api/training';
import { hrefOf, useHashId } from '../app/use-hash-route';
import { useJobsContext } from '../jobs/jobs-context';
import { RunsList } from './RunsList';
import { RunView } from './RunView';
import { TrainingWizard } from './TrainingWizard';
import { useTrainingRuns } from './use-training-runs';
import { useTrainingWizard } from './use-training-wizard';
import { NoProjectsPage } from '../common/NoProjectsPage';

/**
 * The Train page: the project's runs and the wizard that launches new ones at `#/train`, one run
 * live at `#/train/<id>`. The wizard's state lives here, so looking at a run and coming back (or
 * cloning a run into it) keeps it.
 */
export function TrainPage() {
  const runId = useHashId();
  const w = useTrainingWizard();
  const list = useTrainingRuns(w.project?.id ?? null, w.launched);
  const { jobs } = useJobsContext();

  // Once the first launched job has made its run, open it (from the overview only).
  const firstLaunched = w.launched[0];
  const launchedRun = firstLaunched ? list.runs.data?.find((r) => r.jobId === firstLaunched.id) : undefined;
  const { forgetLaunched } = w;
  useEffect(() => {
    // Someone who went to look at another run meanwhile is not taken away from it.
    if (runId !== null) forgetLaunched();
    else if (launchedRun) {
      forgetLaunched();
      window.location.hash = hrefOf('train', launchedRun.id);
    }
  }, [runId, launchedRun, forgetLaunched]);
  const launchedJob = firstLaunched ? jobs.find((j) => j.id === firstLaunched.id) : undefined;

  const clone = (config: TrainingConfig) => {
    w.load(config);
    window.location.hash = hrefOf('train');
  };

  if (runId !== null) return <RunView key={runId} runId={runId} onClone={clone} />;
  if (w.projects.data && w.projects.data.length === 0) {
    return <NoProjectsPage title="Train" hint="create one in the Library and label events, then train on them here." />;
  }
  return (
    <Stack spacing={2} data-testid="train-page">
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">Train</Typography>
        <Typography color="text.secondary">MENet with IDNet and MINE (MODEL.md), cross-validated over subjects, as jobs you can leave, cancel and resume.</Typography>
      </Stack>
      <Paper component="section" aria-label="Runs" sx={{ p: 2 }}>
        <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
          Runs of {w.project?.name ?? 'the project'}
        </Typography>
        <RunsList list={list} />
      </Paper>
      {launchedJob?.status === 'failed' && <Alert severity="error">The run could not start: {launchedJob.error}</Alert>}
      {firstLaunched && !launchedRun && launchedJob?.status !== 'failed' && <Alert severity="info">Launched; the run opens as soon as its job starts.</Alert>}
      <TrainingWizard w={w} />
    </Stack>
  );
}
