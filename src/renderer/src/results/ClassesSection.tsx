import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Run } from '../../../shared/api/training';
import { confusionChart, type ConfusionMode } from './charts/confusion-chart';
import { ChartFigure } from './ChartFigure';
import { runFileStem } from './exports/file-names';
import { PerClassTable } from './MetricsTables';
import { Section } from './Section';

/** Per-class metrics and the confusion matrix, pooled or of one fold. */
export function ClassesSection({ run }: { run: Run }) {
  // -1 = pooled over the folds; otherwise a fold number.
  const [scope, setScope] = useState(-1);
  const [mode, setMode] = useState<ConfusionMode>('counts');
  const fold = run.folds.find((f) => f.fold === scope) ?? null;
  const metrics = fold ? fold.metrics : run.pooled;
  const scopeName = fold ? fold.name : 'pooled';
  const actions = (
    <>
      <TextField select label="Scope" value={fold ? scope : -1} onChange={(e) => setScope(Number(e.target.value))} sx={{ width: 200 }} fullWidth={false}>
        <MenuItem value={-1}>Pooled over folds</MenuItem>
        {run.folds.map((f) => (
          <MenuItem key={f.fold} value={f.fold}>
            {f.name}
          </MenuItem>
        ))}
      </TextField>
      <ToggleButtonGroup size="small" exclusive value={mode} onChange={(_, v: ConfusionMode | null) => v && setMode(v)} aria-label="Confusion matrix values">
        <ToggleButton value="counts">Counts</ToggleButton>
        <ToggleButton value="normalised">Row-normalised</ToggleButton>
      </ToggleButtonGroup>
    </>
  );
  return (
    <Section title="Classes and confusion matrix" actions={actions} testId="classes-section">
      {metrics ? (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(0, 3fr)' }, gap: 3, alignItems: 'start' }}>
          <PerClassTable metrics={metrics} />
          <ChartFigure
            chart={confusionChart({ title: `Confusion matrix, ${scopeName} (${metrics.samples} samples)`, classes: run.classes, matrix: metrics.confusion, mode })}
            fileStem={runFileStem(run, `confusion ${scopeName} ${mode}`)}
            label="the confusion matrix"
          />
        </Box>
      ) : (
        <Typography color="text.secondary">No fold has finished yet.</Typography>
      )}
    </Section>
  );
}
