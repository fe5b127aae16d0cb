import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ImportChanges } from '../../../shared/api/datasets';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
const shown = (value: string) => value || '(empty)';

/** A newer sheet of a dataset the project already holds: what it changes, field by field. */
export function ChangesSection({ changes }: { changes: ImportChanges }) {
  const earlier = [...new Set(changes.previous.map((p) => p.sheet))].join(', ');
  const fields = Object.entries(changes.fields);
  return (
    <Box component="section" aria-label="Changes since the earlier import" data-testid="report-changes">
      <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
        Changes since the earlier import
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="changes-summary">
        Against {earlier}: {changes.added} added, {changes.changed} changed, {changes.unchanged} unchanged
        {changes.conflicts > 0 && `, ${changes.conflicts} edited in the project since (the project’s values are kept)`}
        {changes.removed.length > 0 && `, ${changes.removed.length} no longer in this sheet (their events are kept)`}.
      </Typography>
      {fields.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 0.5 }}>
          {fields.map(([field, n]) => (
            <Chip key={field} size="small" label={`${field}: ${n}`} data-testid="changed-field" />
          ))}
        </Stack>
      )}
      {changes.items.length > 0 && (
        <TableContainer sx={{ maxHeight: 240 }}>
          <Table size="small" aria-label="Changed rows" sx={{ '& td': { py: 0.25, px: 1, verticalAlign: 'top' } }}>
            <TableBody>
              {changes.items.map((item) => (
                <TableRow key={`${item.key}-${item.row}`} data-testid="changed-row">
                  <TableCell sx={{ fontFamily: mono, fontSize: 12, whiteSpace: 'nowrap' }}>{item.key}</TableCell>
                  <TableCell>
                    {item.fields.map((f) => `${f.field}: ${shown(f.before)} → ${shown(f.after)}`).join('; ')}
                    {item.conflict && (
                      <Typography component="span" variant="body2" color="warning.main">
                        {' '}
                        (edited in the project: not applied)
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {changes.removed.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Not in this sheet: {changes.removed.map((r) => r.key).join(', ')}
        </Typography>
      )}
    </Box>
  );
}
