import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { AgreementReport } from '../../../shared/api/events';
import { hrefOf } from '../app/use-hash-route';
import type { MatchedPick } from './AdjudicateDialog';
import { formatDiff, formatPercent, formatRatio, formatSpread, kappaWords } from './agreement-format';
import { Metric } from './Metric';

type Pair = AgreementReport['pairs'][number];

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
const eventHref = (recordingId: number, eventId: number) => hrefOf('label', recordingId, { event: eventId });

function Unmatched({ title, items, recordingName }: { title: string; items: Pair['onlyA']; recordingName: (id: number) => string }) {
  return (
    <Box sx={{ flex: 1, minWidth: 260 }}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {title} ({items.length})
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          none
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2, fontSize: 13 }}>
          {items.map((u) => (
            <li key={u.eventId} data-testid="unmatched-event">
              <Link href={eventHref(u.recordingId, u.eventId)}>
                {recordingName(u.recordingId)} · frames {u.onset}–{u.offset}
              </Link>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

/** One coder pair: its figures, the matched events side by side, and what only one coder saw. */
export function PairReport({ pair, recordingName, onAdjudicate }: { pair: Pair; recordingName: (id: number) => string; onAdjudicate: (pick: MatchedPick) => void }) {
  return (
    <Paper component="section" aria-label={`${pair.a.name} and ${pair.b.name}`} data-testid="agreement-pair" sx={{ overflow: 'hidden' }}>
      <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider', bgcolor: '#f7f8fa' }}>
        <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
          A: {pair.a.name} × B: {pair.b.name}
        </Typography>
        <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <Metric label="Matched" value={String(pair.matched.length)} note={`${pair.onlyA.length} only A · ${pair.onlyB.length} only B`} testId="pair-matched" />
          <Metric label="Kappa (emotion)" value={formatRatio(pair.emotionKappa)} note={`${kappaWords(pair.emotionKappa)} · ${formatPercent(pair.emotionAgreement)} same`} testId="pair-kappa" />
          <Metric label="FACS ratio" value={formatRatio(pair.facsAgreement)} testId="pair-facs" />
          <Metric label="Onset |Δ| mean / max" value={formatSpread(pair.onset)} note="frames" />
          <Metric label="Apex |Δ| mean / max" value={formatSpread(pair.apex)} note={pair.apex ? `${pair.apex.n} with both apexes` : 'frames'} />
          <Metric label="Offset |Δ| mean / max" value={formatSpread(pair.offset)} note="frames" />
        </Stack>
      </Box>
      {pair.matched.length > 0 && (
        <Table size="small" aria-label={`Matched events of ${pair.a.name} and ${pair.b.name}`} sx={{ '& td, & th': { py: 0.5, px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell>Recording</TableCell>
              <TableCell>Event A</TableCell>
              <TableCell>Event B</TableCell>
              <TableCell align="right">IoU</TableCell>
              <TableCell align="right">Δ onset</TableCell>
              <TableCell align="right">Δ apex</TableCell>
              <TableCell align="right">Δ offset</TableCell>
              <TableCell>Emotion A / B</TableCell>
              <TableCell align="right">FACS</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {pair.matched.map((m) => (
              <TableRow key={`${m.aEventId}:${m.bEventId}`} data-testid="matched-row">
                <TableCell>{recordingName(m.recordingId)}</TableCell>
                <TableCell>
                  <Link href={eventHref(m.recordingId, m.aEventId)}>#{m.aEventId}</Link>
                </TableCell>
                <TableCell>
                  <Link href={eventHref(m.recordingId, m.bEventId)}>#{m.bEventId}</Link>
                </TableCell>
                <TableCell align="right" sx={{ fontFamily: mono }}>
                  {m.iou.toFixed(2)}
                </TableCell>
                {[m.onsetDiff, m.apexDiff, m.offsetDiff].map((d, i) => (
                  <TableCell key={i} align="right" sx={{ fontFamily: mono, color: d !== null && Math.abs(d) > 2 ? 'warning.dark' : undefined }}>
                    {formatDiff(d)}
                  </TableCell>
                ))}
                <TableCell sx={{ color: m.emotionA === m.emotionB ? undefined : 'error.main', fontWeight: m.emotionA === m.emotionB ? 400 : 600 }}>
                  {m.emotionA === m.emotionB ? m.emotionA : `${m.emotionA} / ${m.emotionB}`}
                </TableCell>
                <TableCell align="right" sx={{ fontFamily: mono }} data-testid="matched-facs">
                  {formatRatio(m.facsAgreement)}
                </TableCell>
                <TableCell align="right">
                  <Button size="small" variant="outlined" onClick={() => onAdjudicate({ a: pair.a, b: pair.b, match: m })}>
                    Adjudicate
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Stack direction="row" spacing={3} sx={{ px: 2, py: 1.5, flexWrap: 'wrap', rowGap: 1.5, borderTop: pair.matched.length > 0 ? 1 : 0, borderColor: 'divider' }}>
        <Unmatched title={`Only ${pair.a.name} (A)`} items={pair.onlyA} recordingName={recordingName} />
        <Unmatched title={`Only ${pair.b.name} (B)`} items={pair.onlyB} recordingName={recordingName} />
      </Stack>
    </Paper>
  );
}
