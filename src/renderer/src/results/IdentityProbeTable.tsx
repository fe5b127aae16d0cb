import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { IdentityProbe, PooledIdentityProbe, RunDiagnostics } from '../../../shared/api/training-diagnostics';
import { formatAccuracy, formatAccuracyDelta } from './format';

type Probe = Pick<IdentityProbe, 'accuracy' | 'chance' | 'testClips'> | Pick<PooledIdentityProbe, 'accuracy' | 'chance' | 'testClips'>;

const accuracy = (p: Probe | null) => formatAccuracy(p?.accuracy ?? null);
const change = (before: Probe | null, after: Probe | null) => formatAccuracyDelta(before && after ? after.accuracy - before.accuracy : null);

function ProbeCells({ before, after, decoupling }: { before: Probe | null; after: Probe | null; decoupling: boolean }) {
  const reference = after ?? before;
  return (
    <>
      {decoupling && (
        <TableCell align="right" data-testid="probe-before">
          {accuracy(before)}
        </TableCell>
      )}
      <TableCell align="right" data-testid="probe-after">
        {accuracy(after)}
      </TableCell>
      {decoupling && <TableCell align="right">{change(before, after)}</TableCell>}
      <TableCell align="right" data-testid="probe-chance">
        {formatAccuracy(reference?.chance ?? null)}
      </TableCell>
      <TableCell align="right">{reference?.testClips ?? '—'}</TableCell>
    </>
  );
}

/**
 * How well subject identity can be told from MENet's pooled features, per fold and pooled, before
 * and after decoupling, beside chance: the decoupling works when the figure falls towards chance.
 */
export function IdentityProbeTable({ diagnostics }: { diagnostics: RunDiagnostics }) {
  const { decoupling, folds, pooled } = diagnostics;
  if (folds.length === 0) return <Typography color="text.secondary">No fold has finished yet, so nothing has been probed.</Typography>;
  return (
    <>
      <Table size="small" aria-label="Identity probe per fold" data-testid="identity-probe-table">
        <TableHead>
          <TableRow>
            <TableCell>Fold</TableCell>
            {decoupling && <TableCell align="right">Before decoupling (end of stage 2)</TableCell>}
            <TableCell align="right">{decoupling ? 'After (kept model)' : 'Kept model'}</TableCell>
            {decoupling && <TableCell align="right">Change</TableCell>}
            <TableCell align="right">Chance</TableCell>
            <TableCell align="right">Clips predicted</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {folds.map((f) => (
            <TableRow key={f.fold} data-testid="probe-row">
              <TableCell>{f.name}</TableCell>
              <ProbeCells before={f.identityBefore} after={f.identityAfter} decoupling={decoupling} />
            </TableRow>
          ))}
          <TableRow data-testid="probe-pooled" sx={{ '& td': { fontWeight: 600 } }}>
            <TableCell>Pooled</TableCell>
            <ProbeCells before={pooled.before} after={pooled.after} decoupling={decoupling} />
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Subject identity predicted from MENet’s pooled features: each subject’s training and validation clips are split in halves, a nearest-class-mean classifier on
        standardised features learns from one half and names the subject of the other. Chance is 1 / subjects.
        {decoupling ? ' Lower after decoupling means less identity in the motion features.' : ' This run trains MENet alone, so only its kept model is probed.'}
      </Typography>
    </>
  );
}
