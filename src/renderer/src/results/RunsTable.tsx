import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { RunSummary } from '../../../shared/api/training';
import { jobStatusColors, jobStatusLabels } from '../jobs/job-text';
import { formatAccuracy, formatScore } from './format';

interface RunsTableProps {
  runs: readonly RunSummary[];
  openRunId: number | null;
  checked: readonly number[];
  onOpen: (id: number) => void;
  onToggle: (id: number) => void;
  onOpenGroup: (group: string) => void;
}

/** The project's training runs, newest first: pick one to open, tick several to compare. */
export function RunsTable({ runs, openRunId, checked, onOpen, onToggle, onOpenGroup }: RunsTableProps) {
  return (
    <TableContainer sx={{ maxHeight: 320 }}>
      <Table stickyHeader aria-label="Training runs">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">Compare</TableCell>
            <TableCell>Run</TableCell>
            <TableCell>Group</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Test samples</TableCell>
            <TableCell align="right">Accuracy</TableCell>
            <TableCell align="right">UF1</TableCell>
            <TableCell align="right">UAR</TableCell>
            <TableCell>Started</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id} hover selected={run.id === openRunId} aria-selected={run.id === openRunId} data-testid="run-row" onClick={() => onOpen(run.id)} sx={{ cursor: 'pointer' }}>
              <TableCell padding="checkbox" onClick={(e) => e.stopPropagation()}>
                <Checkbox checked={checked.includes(run.id)} onChange={() => onToggle(run.id)} slotProps={{ input: { 'aria-label': `Compare ${run.name} (#${run.id})` } }} />
              </TableCell>
              <TableCell>
                {run.name} <span style={{ opacity: 0.6 }}>#{run.id}</span>
              </TableCell>
              <TableCell onClick={(e) => e.stopPropagation()}>
                {run.group !== null && (
                  <Button size="small" onClick={() => onOpenGroup(run.group!)} aria-label={`Ablation matrix ${run.group}`}>
                    {run.group}
                  </Button>
                )}
              </TableCell>
              <TableCell>
                <Chip size="small" label={jobStatusLabels[run.status]} color={jobStatusColors[run.status]} variant="outlined" />
              </TableCell>
              <TableCell align="right">{run.pooled?.samples ?? '—'}</TableCell>
              <TableCell align="right">{formatAccuracy(run.pooled?.accuracy ?? null)}</TableCell>
              <TableCell align="right">{formatScore(run.pooled?.uf1 ?? null)}</TableCell>
              <TableCell align="right">{formatScore(run.pooled?.uar ?? null)}</TableCell>
              <TableCell>{new Date(run.createdAt).toLocaleString()}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
