import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Metrics, Run } from '../../../shared/api/training';

const percent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

function MetricCells({ m }: { m: Metrics }) {
  return (
    <>
      <TableCell align="right">{m.samples}</TableCell>
      <TableCell align="right">{percent(m.accuracy)}</TableCell>
      <TableCell align="right">{percent(m.uf1)}</TableCell>
      <TableCell align="right">{percent(m.uar)}</TableCell>
    </>
  );
}

/** The folds finished so far (kept when a run is cancelled) and their pooled metrics; the Results page has the rest. */
export function RunFolds({ run }: { run: Run }) {
  if (run.folds.length === 0) return <Typography color="text.secondary">No fold has finished yet.</Typography>;
  return (
    <Table size="small" aria-label="Finished folds" data-testid="run-folds">
      <TableHead>
        <TableRow>
          <TableCell>Fold</TableCell>
          <TableCell>Model kept</TableCell>
          <TableCell align="right">Test samples</TableCell>
          <TableCell align="right">Accuracy</TableCell>
          <TableCell align="right">UF1</TableCell>
          <TableCell align="right">UAR</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {run.folds.map((f) => (
          <TableRow key={f.fold} data-testid="run-fold-row">
            <TableCell>{f.name}</TableCell>
            <TableCell>
              epoch {f.chosenEpoch}: {f.chosenBecause}
            </TableCell>
            <MetricCells m={f.metrics} />
          </TableRow>
        ))}
        {run.pooled && (
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>Pooled (MEGC 2019)</TableCell>
            <TableCell />
            <MetricCells m={run.pooled} />
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
