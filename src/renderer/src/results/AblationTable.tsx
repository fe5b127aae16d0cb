import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { AblationLine } from './comparison';
import { formatAccuracy, formatAccuracyDelta, formatScore, formatScoreDelta } from './format';

export type DeltaBase = 'first' | 'previous';

const tick = (on: boolean) => (on ? '✓' : '—');

/** One line per run: Table 5 row, switches, pooled metrics, each with its difference. */
export function AblationTable({ lines, base }: { lines: readonly AblationLine[]; base: DeltaBase }) {
  const against = base === 'first' ? 'first row' : 'previous row';
  return (
    <TableContainer>
      <Table aria-label="Ablation matrix">
        <TableHead>
          <TableRow>
            <TableCell>Row</TableCell>
            <TableCell>Run</TableCell>
            <TableCell align="center">DAO</TableCell>
            <TableCell align="center">L_div</TableCell>
            <TableCell align="center">IDNet + MINE</TableCell>
            <TableCell align="right">Accuracy</TableCell>
            <TableCell align="right">Δ vs {against}</TableCell>
            <TableCell align="right">UF1</TableCell>
            <TableCell align="right">Δ vs {against}</TableCell>
            <TableCell align="right">UAR</TableCell>
            <TableCell align="right">Δ vs {against}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((line) => {
            const d = base === 'first' ? line.vsFirst : line.vsPrevious;
            const { ablation } = line.run.config;
            const pooled = line.run.pooled;
            return (
              <TableRow key={line.run.id} data-testid="ablation-row">
                <TableCell data-testid="ablation-row-number">{line.row ?? '—'}</TableCell>
                <TableCell>
                  {line.run.name} #{line.run.id}
                  {line.run.status !== 'succeeded' && ` (${line.run.status})`}
                </TableCell>
                <TableCell align="center" data-testid="switch-dao">
                  {tick(ablation.dao)}
                </TableCell>
                <TableCell align="center" data-testid="switch-divergence">
                  {tick(ablation.divergence)}
                </TableCell>
                <TableCell align="center" data-testid="switch-decoupling">
                  {tick(ablation.decoupling)}
                </TableCell>
                <TableCell align="right" data-testid="ablation-accuracy" sx={{ fontWeight: 600 }}>
                  {formatAccuracy(pooled?.accuracy ?? null)}
                </TableCell>
                <TableCell align="right" data-testid="delta-accuracy">
                  {d ? formatAccuracyDelta(d.accuracy) : ''}
                </TableCell>
                <TableCell align="right">{formatScore(pooled?.uf1 ?? null)}</TableCell>
                <TableCell align="right" data-testid="delta-uf1">
                  {d ? formatScoreDelta(d.uf1) : ''}
                </TableCell>
                <TableCell align="right">{formatScore(pooled?.uar ?? null)}</TableCell>
                <TableCell align="right" data-testid="delta-uar">
                  {d ? formatScoreDelta(d.uar) : ''}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
