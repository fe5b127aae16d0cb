import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { StagePlan } from '../../../shared/domain/training';
import type { CurveSeries, EpochDigest } from './epoch-digest';
import { LineChart, type ChartSeries } from './LineChart';
import type { PlannedFold } from './run-progress';

const lossStyle: Record<string, { label: string; color: string }> = {
  total: { label: 'total', color: '#212121' },
  ce_e: { label: 'ce_e (emotion)', color: '#1565c0' },
  ce_d: { label: 'ce_d (identity)', color: '#8e24aa' },
  div: { label: 'div', color: '#2e7d32' },
  mi: { label: 'mi', color: '#ef6c00' },
};
const accuracyStyle: Record<string, { label: string; color: string; dashed?: boolean }> = {
  train: { label: 'MENet train', color: '#1565c0' },
  validation: { label: 'MENet validation', color: '#c62828' },
  identity: { label: 'IDNet train (subjects)', color: '#8e24aa', dashed: true },
};

const styled = (series: CurveSeries[], styles: Record<string, { label: string; color: string; dashed?: boolean }>): ChartSeries[] =>
  series.map((s) => ({ ...s, ...styles[s.key]! }));

/** Loss terms and accuracies of one fold, epoch by epoch, with a marker where each stage begins. */
export function RunCurves({ digest, plan, folds, onFold }: { digest: EpochDigest | null; plan: readonly StagePlan[]; folds: readonly PlannedFold[]; onFold: (fold: number) => void }) {
  if (!digest || digest.fold === null) return <Typography color="text.secondary">The curves start after the first epoch.</Typography>;
  const markers = digest.stageStarts.map((s) => ({ x: s.x, label: `stage ${s.stage} ${plan.find((p) => p.stage === s.stage)?.trains === 'idnet' ? 'IDNet' : 'MENet'}` }));
  const nameOf = (fold: number) => folds.find((f) => f.index === fold)?.name ?? `fold ${fold + 1}`;
  const percent = (y: number) => `${Math.round(y * 100)} %`;
  return (
    <Stack spacing={1.5} data-testid="run-curves">
      <TextField select size="small" label="Curves of" value={digest.fold} onChange={(e) => onFold(Number(e.target.value))} sx={{ maxWidth: 320 }}>
        {digest.foldsWithEpochs.map((f) => (
          <MenuItem key={f} value={f}>
            {nameOf(f)}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <LineChart title="Loss per term" series={styled(digest.losses, lossStyle)} xMax={digest.length} yFormat={(y) => y.toFixed(2)} markers={markers} />
        <LineChart title="Accuracy" series={styled(digest.accuracy, accuracyStyle)} xMax={digest.length} yDomain={[0, 1]} yFormat={percent} markers={markers} />
      </Box>
    </Stack>
  );
}
