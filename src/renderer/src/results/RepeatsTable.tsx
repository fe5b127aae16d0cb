import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Run } from '../../../shared/api/training';
import { ablationRowOf } from './comparison';
import { formatSpread, repeatSets } from './repeat-stats';

/** Runs repeated with other seeds: pooled accuracy, UF1 and UAR as mean ± SD over the repeats that succeeded. */
export function RepeatsTable({ runs }: { runs: readonly Run[] }) {
  const sets = repeatSets(runs);
  if (sets.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 0.5 }}>
        Repeats: mean ± standard deviation over seeds
      </Typography>
      <Table size="small" aria-label="Repeats: mean ± SD" data-testid="repeats-table">
        <TableHead>
          <TableRow>
            <TableCell>Configuration</TableCell>
            <TableCell>Seeds</TableCell>
            <TableCell align="right">Runs</TableCell>
            <TableCell align="right">Accuracy</TableCell>
            <TableCell align="right">UF1</TableCell>
            <TableCell align="right">UAR</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sets.map((set) => {
            const row = ablationRowOf(set.runs[0]!.config.ablation);
            return (
              <TableRow key={set.runs[0]!.id} data-testid="repeats-row">
                <TableCell>{row === null ? 'custom switches' : `Table 5 row ${row}`}</TableCell>
                <TableCell>{set.seeds.join(', ')}</TableCell>
                <TableCell align="right">
                  {set.finished} of {set.runs.length} finished
                </TableCell>
                <TableCell align="right">{formatSpread(set.accuracy, 'accuracy')}</TableCell>
                <TableCell align="right">{formatSpread(set.uf1, 'score')}</TableCell>
                <TableCell align="right">{formatSpread(set.uar, 'score')}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
