import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Run } from '../../../shared/api/training';
import { lineChart } from './charts/line-chart';
import { ChartFigure } from './ChartFigure';
import { runFileStem } from './exports/file-names';
import { Section } from './Section';
import type { FoldCurves } from './training-curves';

interface CurvesSectionProps {
  run: Run;
  /** Folds with epoch rows (a running fold has rows before it has a result). */
  folds: readonly { fold: number; name: string }[];
  fold: number;
  onFold: (fold: number) => void;
  curves: FoldCurves;
}

/** Loss terms and accuracies of one fold, epoch by epoch across the training stages. */
export function CurvesSection({ run, folds, fold, onFold, curves }: CurvesSectionProps) {
  const foldName = folds.find((f) => f.fold === fold)?.name ?? `fold ${fold + 1}`;
  const common = { xLabel: 'Epoch of the fold (all stages)', markers: curves.markers, integerX: true };
  const actions = (
    <TextField select label="Fold" value={folds.some((f) => f.fold === fold) ? fold : ''} onChange={(e) => onFold(Number(e.target.value))} sx={{ width: 200 }} fullWidth={false}>
      {folds.map((f) => (
        <MenuItem key={f.fold} value={f.fold}>
          {f.name}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Section title="Training curves" actions={actions} testId="curves-section">
      {curves.epochs === 0 ? (
        <Typography color="text.secondary">No epoch has finished yet.</Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}>
          <ChartFigure chart={lineChart({ ...common, title: `Loss, ${foldName}`, yLabel: 'Mean loss', series: curves.losses })} fileStem={runFileStem(run, `loss ${foldName}`)} label="the loss curves" />
          <ChartFigure
            chart={lineChart({ ...common, title: `Accuracy, ${foldName}`, yLabel: 'Accuracy', series: curves.accuracy, yDomain: [0, 1] })}
            fileStem={runFileStem(run, `accuracy ${foldName}`)}
            label="the accuracy curves"
          />
        </Box>
      )}
    </Section>
  );
}
