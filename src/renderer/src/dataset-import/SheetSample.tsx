import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { SheetTab } from '../../../shared/api/datasets';
import { columnLetter } from './column-mapping';

/** The sheet's first rows as a spreadsheet shows them, under the header (or the column letters). */
export function SheetSample({ tab, headerless }: { tab: SheetTab; headerless: boolean }) {
  const columns = Array.from({ length: tab.columnCount }, (_, i) => i);
  return (
    <TableContainer sx={{ maxHeight: 240, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" stickyHeader aria-label="First rows of the sheet" sx={{ '& td, & th': { py: 0.25, px: 1, whiteSpace: 'nowrap', fontSize: 12 } }}>
        <TableHead>
          <TableRow>
            <TableCell>row</TableCell>
            {columns.map((i) => (
              <TableCell key={i}>
                {headerless ? columnLetter(i) : (tab.header[i] ?? '') || <em>({columnLetter(i)}, no title)</em>}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {tab.sample.map((r) => (
            <TableRow key={r.row} data-testid="sample-row">
              <TableCell sx={{ color: 'text.secondary' }}>{r.row}</TableCell>
              {columns.map((i) => (
                <TableCell key={i}>{r.cells[i] ?? ''}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
