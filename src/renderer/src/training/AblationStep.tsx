import Checkbox from '@mui/material/Checkbox';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ablationRows } from '../../../shared/api/training';
import type { TrainingWizard } from './use-training-wizard';
import { groupOf, rowNumbers, runNameOf, type AblationRow } from './wizard-form';

/** The paper's accuracy on SDU per row (Table 5), for orientation. */
const paperAccuracy: Record<AblationRow, string> = { 1: '39.9 %', 2: '42.8 %', 3: '46.3 %', 4: '44.6 %', 5: '48.7 %', 6: '53.9 %' };
const yes = (on: boolean) => (on ? 'yes' : '–');

/** Which rows of Table 5 to run: one row is one run; several are launched together as a group. */
export function AblationStep({ w }: { w: TrainingWizard }) {
  const { form } = w;
  const toggle = (row: AblationRow, on: boolean) => w.edit({ rows: on ? [...form.rows, row].sort((a, b) => a - b) : form.rows.filter((r) => r !== row) });
  const group = groupOf(form);
  return (
    <Stack spacing={2}>
      <Typography color="text.secondary">One row is one run. Choose several to run them one after another with the same settings, as a group.</Typography>
      <Table size="small" aria-label="Ablation rows" sx={{ width: 'auto' }}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>Row</TableCell>
            <TableCell>DAO attention</TableCell>
            <TableCell>L_div</TableCell>
            <TableCell>IDNet + MINE</TableCell>
            <TableCell align="right">Paper (SDU)</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rowNumbers.map((row) => (
            <TableRow key={row} selected={form.rows.includes(row)}>
              <TableCell padding="checkbox">
                <Checkbox checked={form.rows.includes(row)} onChange={(e) => toggle(row, e.target.checked)} slotProps={{ input: { 'aria-label': `Row ${row}` } }} />
              </TableCell>
              <TableCell>{row === 6 ? '6 (the full method)' : row}</TableCell>
              <TableCell>{yes(ablationRows[row].dao)}</TableCell>
              <TableCell>{yes(ablationRows[row].divergence)}</TableCell>
              <TableCell>{yes(ablationRows[row].decoupling)}</TableCell>
              <TableCell align="right">{paperAccuracy[row]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {w.problems['rows'] && <Typography color="error">{w.problems['rows']}</Typography>}
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        <TextField label="Run name" value={form.name} onChange={(e) => w.edit({ name: e.target.value })} placeholder={form.rows[0] ? runNameOf({ ...form, name: '' }, form.rows[0]) : ''} helperText="Empty: named after preset and protocol" slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 280 }} />
        {(form.rows.length > 1 || form.repeats > 1) && (
          <TextField label="Group" value={form.group} onChange={(e) => w.edit({ group: e.target.value })} placeholder={group} helperText="The runs of this launch share it" slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 280 }} />
        )}
      </Stack>
    </Stack>
  );
}
