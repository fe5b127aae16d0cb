import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { StoredImportReport } from '../../../shared/api/datasets';
import type { Project } from '../../../shared/api/projects';
import { useApiQuery } from '../api/use-api-query';
import { baseName } from '../import/import-paths';
import { ReportView } from './ReportView';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

function ReportList({ reports, onOpen }: { reports: StoredImportReport[]; onOpen: (id: number) => void }) {
  if (reports.length === 0) return <Typography color="text.secondary">No dataset has been imported into this project yet.</Typography>;
  return (
    <Table size="small" aria-label="Saved import reports" sx={{ '& td, & th': { px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell>Imported</TableCell>
          <TableCell>Sheet</TableCell>
          <TableCell>Coder</TableCell>
          <TableCell align="right">Rows</TableCell>
          <TableCell align="right">Imported</TableCell>
          <TableCell align="right">With defects</TableCell>
          <TableCell align="right">Skipped</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {[...reports].reverse().map((r) => (
          <TableRow key={r.id} data-testid="saved-report">
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{when.format(new Date(r.createdAt))}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.sheet ? baseName(r.sheet) : `${baseName(r.root)} (folders)`}</TableCell>
            <TableCell>{r.annotator}</TableCell>
            <TableCell align="right" sx={numeric}>{r.counts.rows}</TableCell>
            <TableCell align="right" sx={numeric}>{r.counts.imported}</TableCell>
            <TableCell align="right" sx={numeric}>{r.counts.flagged}</TableCell>
            <TableCell align="right" sx={numeric}>{r.counts.skipped}</TableCell>
            <TableCell align="right">
              <Button size="small" onClick={() => onOpen(r.id)} aria-label={`Open import report #${r.id}`}>
                Open
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The reports of the project's dataset imports, as saved when each import finished; any can be reopened in full. */
export function ImportReportsDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const titleId = useId();
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useApiQuery('datasets.reports', { projectId: project.id });
  const opened = useApiQuery('datasets.report', openId === null ? null : { id: openId });
  const error = openId === null ? list.error : opened.error;
  const loading = openId === null ? list.loading : opened.loading;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>{openId === null ? `Import reports of “${project.name}”` : `Import report #${openId}`}</DialogTitle>
      <DialogContent dividers>
        {loading && <LinearProgress aria-label="Loading" sx={{ mb: 1 }} />}
        {error && <Alert severity="error">{error.message}</Alert>}
        {openId === null && list.data && <ReportList reports={list.data} onOpen={setOpenId} />}
        {openId !== null && opened.data && <ReportView report={opened.data.report} kind="report" />}
      </DialogContent>
      <DialogActions>
        {openId !== null && <Button onClick={() => setOpenId(null)}>All reports</Button>}
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
