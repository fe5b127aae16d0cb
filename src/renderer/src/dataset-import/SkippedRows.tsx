import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ImportReport } from '../../../shared/api/datasets';
import { rowName, skippedRows } from './report-summary';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

/** The rows that cannot be imported, each with why: none is dropped without a word. */
export function SkippedRows({ report }: { report: ImportReport }) {
  const rows = skippedRows(report);
  return (
    <Box component="section" aria-label="Rows not imported">
      <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
        Rows that cannot be imported
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          None.
        </Typography>
      ) : (
        <TableContainer sx={{ maxHeight: 280 }}>
          <Table size="small" aria-label="Skipped rows" sx={{ '& td': { py: 0.25, px: 1, verticalAlign: 'top' } }}>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.row} data-testid="skipped-row">
                  <TableCell sx={{ whiteSpace: 'nowrap', width: 64 }}>row {row.row}</TableCell>
                  <TableCell sx={{ fontFamily: mono, fontSize: 12, whiteSpace: 'nowrap' }}>{rowName(row)}</TableCell>
                  <TableCell>{row.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
