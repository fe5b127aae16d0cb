import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { hrefOf } from '../app/use-hash-route';
import { adjudicatedFields, consensusOf, fieldText, useAdjudication } from './use-adjudication';

export interface MatchedPick {
  a: { id: number; name: string };
  b: { id: number; name: string };
  match: { recordingId: number; aEventId: number; bEventId: number };
}

const labels = { onset: 'Onset', apex: 'Apex', offset: 'Offset', emotion: 'Emotion', aus: 'AUs' } as const;
const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

/** Builds a consensus event from a matched pair, field by field, and shows where each field came from. */
export function AdjudicateDialog({ pick: target, onClose }: { pick: MatchedPick; onClose: () => void }) {
  const titleId = useId();
  const adj = useAdjudication(target.match.aEventId, target.match.bEventId);
  const { a, b, result } = adj;
  const preview = a && b ? consensusOf(a, b, adj.pick) : null;
  const choice = (field: (typeof adjudicatedFields)[number], side: 'a' | 'b', text: string, differs: boolean) => (
    <TableCell sx={{ fontFamily: mono, bgcolor: adj.pick[field] === side ? 'rgba(44, 79, 124, 0.08)' : undefined }}>
      <Box component="label" sx={{ display: 'flex', alignItems: 'center', cursor: 'pointer', fontWeight: differs ? 600 : 400 }}>
        <Radio size="small" checked={adj.pick[field] === side} onChange={() => adj.choose(field, side)} disabled={result !== null} slotProps={{ input: { 'aria-label': `${labels[field]} from ${side.toUpperCase()}` } }} />
        {text}
      </Box>
    </TableCell>
  );
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>Adjudicate events #{target.match.aEventId} and #{target.match.bEventId}</DialogTitle>
      <DialogContent dividers>
        {adj.loadError && <Alert severity="error">{adj.loadError.message}</Alert>}
        {(!a || !b) && !adj.loadError && <LinearProgress aria-label="Loading the two codings" />}
        {a && b && preview && (
          <Table size="small" aria-label="Fields of the consensus">
            <TableHead>
              <TableRow>
                <TableCell>Field</TableCell>
                <TableCell>A: {target.a.name}</TableCell>
                <TableCell>B: {target.b.name}</TableCell>
                <TableCell>Consensus</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {adjudicatedFields.map((f) => {
                const differs = fieldText(a, f) !== fieldText(b, f);
                return (
                  <TableRow key={f}>
                    <TableCell sx={{ fontWeight: 600 }}>{labels[f]}</TableCell>
                    {choice(f, 'a', fieldText(a, f), differs)}
                    {choice(f, 'b', fieldText(b, f), differs)}
                    <TableCell sx={{ fontFamily: mono }} data-testid={`consensus-${f}`}>
                      {preview[f]}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {adj.error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {adj.error.message}
          </Alert>
        )}
        {result && (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="consensus-result">
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              Saved consensus event #{result.id} (coder “{result.annotatorName}”)
            </Typography>
            <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }} aria-label="Provenance" data-testid="consensus-provenance">
              {Object.entries(result.provenance ?? {}).map(([field, from]) => (
                <li key={field}>
                  {field}: {from}
                </li>
              ))}
            </Box>
            <Link href={hrefOf('label', result.recordingId, { event: result.id })}>Open it in the Label page</Link>
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {!result && (
          <>
            <Button onClick={() => adj.chooseAll('a')} disabled={!a}>
              All from A
            </Button>
            <Button onClick={() => adj.chooseAll('b')} disabled={!b} sx={{ mr: 'auto' }}>
              All from B
            </Button>
          </>
        )}
        <Button onClick={onClose}>{result ? 'Close' : 'Cancel'}</Button>
        {!result && (
          <Button variant="contained" onClick={adj.submit} loading={adj.pending} disabled={!a || !b}>
            Save consensus{adj.adjudicator ? ` as ${adj.adjudicator.name}` : ''}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
