import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { TrainingDataPreview } from '../../../shared/api/training-preview';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/** "largest class 40, smallest 4 (10 : 1)": the imbalance in one line. */
function imbalance(totals: readonly number[], classes: readonly string[]): string {
  if (totals.length < 2) return '';
  const max = Math.max(...totals);
  const min = Math.min(...totals);
  if (max === min) return `Every class has ${max} sample${max === 1 ? '' : 's'}.`;
  const name = (n: number) => classes[totals.indexOf(n)];
  return `Largest class ${name(max)} (${max}), smallest ${name(min)} (${min})${min > 0 ? `: ${(max / min).toFixed(1)} to 1` : ''}.`;
}

/** The samples a run would train on, per subject and class, what is left out and why, and whether a run can start. */
export function ClassCounts({ preview, current, error }: { preview: TrainingDataPreview | undefined; current: boolean; error?: string | undefined }) {
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!preview) return <Typography color="text.secondary">Counting the samples…</Typography>;
  const totals = preview.classes.map((_, c) => preview.subjects.reduce((n, s) => n + (s.counts[c] ?? 0), 0));
  const datasets = new Set(preview.subjects.map((s) => s.dataset)).size > 1;
  return (
    <Stack spacing={1} sx={{ opacity: current ? 1 : 0.6 }} data-testid="class-counts">
      <Typography variant="subtitle2" component="h3">
        {preview.samples} samples of {preview.subjects.length} subjects. {imbalance(totals, preview.classes)}
      </Typography>
      {preview.subjects.length > 0 && (
        <Table size="small" aria-label="Class counts per subject" sx={{ width: 'auto' }}>
          <TableHead>
            <TableRow>
              <TableCell>Subject</TableCell>
              {datasets && <TableCell>Dataset</TableCell>}
              {preview.classes.map((c) => (
                <TableCell key={c} align="right">
                  {c}
                </TableCell>
              ))}
              <TableCell align="right">All</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.subjects.map((s) => (
              <TableRow key={`${s.dataset}/${s.subject}`}>
                <TableCell>{s.subject}</TableCell>
                {datasets && <TableCell>{s.dataset}</TableCell>}
                {s.counts.map((n, c) => (
                  <TableCell key={preview.classes[c]} align="right" sx={{ ...numeric, color: n === 0 ? 'text.disabled' : undefined }}>
                    {n}
                  </TableCell>
                ))}
                <TableCell align="right" sx={numeric}>
                  {s.counts.reduce((a, b) => a + b, 0)}
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell sx={{ fontWeight: 600 }}>All subjects</TableCell>
              {datasets && <TableCell />}
              {totals.map((n, c) => (
                <TableCell key={preview.classes[c]} align="right" sx={{ ...numeric, fontWeight: 600 }}>
                  {n}
                </TableCell>
              ))}
              <TableCell align="right" sx={{ ...numeric, fontWeight: 600 }}>
                {preview.samples}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
      {preview.dropped.map((d) => (
        <Typography key={d.reason} variant="body2" color="text.secondary">
          Left out: {d.events} event{d.events === 1 ? '' : 's'}, {d.reason}
        </Typography>
      ))}
      {preview.problem && (
        <Alert severity="warning" data-testid="training-data-problem">
          A run would stop before training: {preview.problem}
        </Alert>
      )}
    </Stack>
  );
}
