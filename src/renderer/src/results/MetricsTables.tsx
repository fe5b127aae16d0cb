import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { Metrics, Run } from '../../../shared/api/training';
import { formatAccuracy, formatScore } from './format';

/** Each fold's metrics and the epoch it kept (and why), then the pooled figures (MEGC 2019). */
export function FoldsTable({ run }: { run: Run }) {
  return (
    <Table aria-label="Metrics per fold" data-testid="folds-table">
      <TableHead>
        <TableRow>
          <TableCell>Fold</TableCell>
          <TableCell align="right">Train / validation / test</TableCell>
          <TableCell align="right">Accuracy</TableCell>
          <TableCell align="right">UF1</TableCell>
          <TableCell align="right">UAR</TableCell>
          <TableCell align="right">Epoch kept</TableCell>
          <TableCell>Why</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {run.folds.map((f) => (
          <TableRow key={f.fold} data-testid="fold-row">
            <TableCell>{f.name}</TableCell>
            <TableCell align="right">
              {f.trainSamples} / {f.validationSamples} / {f.testSamples}
            </TableCell>
            <TableCell align="right">{formatAccuracy(f.metrics.accuracy)}</TableCell>
            <TableCell align="right">{formatScore(f.metrics.uf1)}</TableCell>
            <TableCell align="right">{formatScore(f.metrics.uar)}</TableCell>
            <TableCell align="right">{f.chosenEpoch}</TableCell>
            <TableCell sx={{ color: 'text.secondary' }}>{f.chosenBecause}</TableCell>
          </TableRow>
        ))}
        {run.pooled && (
          <TableRow data-testid="pooled-row" sx={{ '& td': { fontWeight: 600 } }}>
            <TableCell>Pooled</TableCell>
            <TableCell align="right">{run.pooled.samples} test</TableCell>
            <TableCell align="right">{formatAccuracy(run.pooled.accuracy)}</TableCell>
            <TableCell align="right">{formatScore(run.pooled.uf1)}</TableCell>
            <TableCell align="right">{formatScore(run.pooled.uar)}</TableCell>
            <TableCell colSpan={2} />
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

/** Per class: samples, recall, precision and F1 (a dash where a value is 0/0). */
export function PerClassTable({ metrics }: { metrics: Metrics }) {
  return (
    <Table aria-label="Metrics per class" data-testid="per-class-table">
      <TableHead>
        <TableRow>
          <TableCell>Class</TableCell>
          <TableCell align="right">Samples</TableCell>
          <TableCell align="right">Recall</TableCell>
          <TableCell align="right">Precision</TableCell>
          <TableCell align="right">F1</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {metrics.perClass.map((c) => (
          <TableRow key={c.label}>
            <TableCell>{c.label}</TableCell>
            <TableCell align="right">{c.support}</TableCell>
            <TableCell align="right">{formatScore(c.recall, 3)}</TableCell>
            <TableCell align="right">{formatScore(c.precision, 3)}</TableCell>
            <TableCell align="right">{formatScore(c.f1, 3)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
