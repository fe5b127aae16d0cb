import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';
import type { TrainingConfig } from '../../../shared/api/training';
import { RunCurves } from './RunCurves';
import { RunFolds } from './RunFolds';
import { RunHeader } from './RunHeader';
import { RunLog } from './RunLog';
import { RunProgressPanel } from './RunProgressPanel';
import { useRunView } from './use-run-view';

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2, minWidth: 0 }}>
      <Typography variant="h3" component="h2" id={id} sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** One training run at `#/train/<id>`, live while it trains; it reattaches to its job after a reload. */
export function RunView({ runId, onClone }: { runId: number; onClone: (config: TrainingConfig) => void }) {
  const v = useRunView(runId);
  const run = v.run.data;
  if (!run) {
    return v.run.error ? <Alert severity="error">{v.run.error.message}</Alert> : <Typography color="text.secondary">Opening run #{runId}…</Typography>;
  }
  return (
    <Stack spacing={2} data-testid="run-view" data-run-id={run.id}>
      <RunHeader run={run} v={v} onClone={() => onClone(run.config)} />
      <Part title="Progress">
        <RunProgressPanel v={v} />
      </Part>
      <Part title="Curves">
        <RunCurves digest={v.digest} plan={v.plan} folds={v.folds.folds} onFold={v.setCurvesFold} />
      </Part>
      <Part title="Log">
        <RunLog run={run} v={v} />
      </Part>
      <Part title="Folds">
        <RunFolds run={run} />
      </Part>
    </Stack>
  );
}
