import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Run } from '../../../shared/api/training';
import { classMetrics, classUnion } from './comparison';
import { ConfounderWarning } from './ConfounderWarning';
import { downloadText } from './exports/download';
import { runsFileName } from './exports/file-names';
import { comparisonCsv } from './exports/results-csv';
import { comparisonLatex } from './exports/results-latex';
import { formatAccuracy, formatScore } from './format';
import { Section } from './Section';
import { useRunsById } from './use-runs-by-id';

const yesNo = (on: boolean) => (on ? 'yes' : '—');

function protocolText(r: Run): string {
  const { protocol, folds, onlyFolds } = r.config.protocol;
  const base = protocol === 'kfold' ? `kfold ×${folds}` : protocol;
  return onlyFolds === null ? base : `${base}, fold ${onlyFolds.map((f) => f + 1).join(', ')} only`;
}

/** One figure per row, one run per column. */
function rowsOf(runs: readonly Run[]): { label: string; cells: string[]; strong?: boolean }[] {
  return [
    { label: 'DAO', cells: runs.map((r) => yesNo(r.config.ablation.dao)) },
    { label: 'L_div', cells: runs.map((r) => yesNo(r.config.ablation.divergence)) },
    { label: 'IDNet + MINE', cells: runs.map((r) => yesNo(r.config.ablation.decoupling)) },
    { label: 'Protocol', cells: runs.map(protocolText) },
    { label: 'Test samples', cells: runs.map((r) => String(r.pooled?.samples ?? '—')) },
    { label: 'Accuracy', cells: runs.map((r) => formatAccuracy(r.pooled?.accuracy ?? null)), strong: true },
    { label: 'UF1', cells: runs.map((r) => formatScore(r.pooled?.uf1 ?? null)), strong: true },
    { label: 'UAR', cells: runs.map((r) => formatScore(r.pooled?.uar ?? null)), strong: true },
    ...classUnion(runs).map((c) => ({ label: `F1 ${c}`, cells: runs.map((r) => formatScore(classMetrics(r, c)?.f1 ?? null, 3)) })),
    { label: 'Backend', cells: runs.map((r) => r.backend?.name ?? '—') },
  ];
}

/** Two or more runs side by side: switches, pooled metrics and per-class F1 in columns. */
export function CompareView({ runIds, version }: { runIds: readonly number[]; version: string }) {
  const loaded = useRunsById(runIds, version);
  if (runIds.length < 2) return <Typography color="text.secondary">Tick two or more runs in the list above to compare them.</Typography>;
  if (loaded.error) return <Alert severity="error">{loaded.error.message}</Alert>;
  if (!loaded.runs) return <LinearProgress aria-label="Loading the runs" />;
  const runs = loaded.runs;
  const actions = (
    <>
      <Button variant="outlined" onClick={() => downloadText(runsFileName('comparison', runIds, 'csv'), comparisonCsv(runs), 'text/csv')}>
        CSV
      </Button>
      <Button variant="outlined" onClick={() => downloadText(runsFileName('comparison', runIds, 'tex'), comparisonLatex(runs), 'application/x-tex')}>
        LaTeX table
      </Button>
    </>
  );
  return (
    <Section title={`Comparing ${runs.length} runs`} actions={actions} testId="compare-view">
      <ConfounderWarning runs={runs} />
      <TableContainer>
        <Table aria-label="Runs compared">
          <TableHead>
            <TableRow>
              <TableCell />
              {runs.map((r) => (
                <TableCell key={r.id} align="right">
                  {r.name} #{r.id}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rowsOf(runs).map((row) => (
              <TableRow key={row.label}>
                <TableCell component="th" scope="row">
                  {row.label}
                </TableCell>
                {row.cells.map((cell, i) => (
                  <TableCell key={runs[i]!.id} align="right" sx={row.strong ? { fontWeight: 600 } : undefined}>
                    {cell}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Section>
  );
}
