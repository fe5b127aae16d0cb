import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ImportReport } from '../../../shared/api/datasets';
import { defectGroups, rowName, type DefectGroup } from './report-summary';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
/** A preview shows a few rows of each defect; the report shows every one. */
const previewExamples = 3;

function Group({ group, all }: { group: DefectGroup; all: boolean }) {
  const shown = all ? group.items : group.items.slice(0, previewExamples);
  const rows = group.items.length;
  return (
    <Box component="li" data-testid="defect-group" data-code={group.code} sx={{ listStyle: 'none' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.25 }}>
        <Typography variant="subtitle2">{group.title}</Typography>
        <Chip size="small" variant="outlined" label={group.code} sx={{ fontFamily: mono, fontSize: 11 }} />
        <Typography variant="body2" color="text.secondary" data-testid="defect-count">
          {rows} {rows === 1 ? 'row' : 'rows'}
        </Typography>
      </Stack>
      <Table size="small" aria-label={group.title} sx={{ tableLayout: 'fixed', '& td': { py: 0.25, px: 1, verticalAlign: 'top', overflowWrap: 'anywhere' }, mb: 1 }}>
        <TableBody>
          {shown.map(({ row, defect }, i) => (
            <TableRow key={`${row.row}-${i}`} data-testid="defect-row">
              <TableCell sx={{ width: 72 }}>row {row.row}</TableCell>
              <TableCell sx={{ fontFamily: mono, fontSize: 12, width: 180 }}>{rowName(row)}</TableCell>
              <TableCell>{defect.message}</TableCell>
              <TableCell sx={{ color: 'text.secondary', width: '32%' }}>→ {defect.action}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {shown.length < rows && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: -0.5, mb: 1, pl: 1 }}>
          … and {rows - shown.length} more (the import report lists every one)
        </Typography>
      )}
    </Box>
  );
}

/** The defects found in the rows that are imported, by kind, each with what the importer does about it. */
export function DefectsSection({ report, all }: { report: ImportReport; all: boolean }) {
  const groups = defectGroups(report);
  return (
    <Box component="section" aria-label="Defects">
      <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
        Defects
      </Typography>
      {groups.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          None: every row reads cleanly.
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0 }}>
          {groups.map((group) => (
            <Group key={group.code} group={group} all={all} />
          ))}
        </Box>
      )}
    </Box>
  );
}
