import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { AdjudicateDialog, type MatchedPick } from './AdjudicateDialog';
import { formatPercent, formatRatio, kappaWords } from './agreement-format';
import { Metric } from './Metric';
import { PairReport } from './PairReport';
import { useAgreement } from './use-agreement';

/** Selects whose empty value means "all": show that choice, with the label above it. */
const shrunk = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

/** Inter-coder agreement of a project or one recording: every coder pair, or the pair chosen. */
export function AgreementPage() {
  const a = useAgreement();
  const [adjudicating, setAdjudicating] = useState<MatchedPick | null>(null);
  const report = a.report.data;
  const coders = a.annotators.data ?? [];
  const coderSelect = (label: string, value: number | null, set: (v: number | null) => void) => (
    <TextField select label={label} value={value ?? ''} onChange={(e) => set(e.target.value === '' ? null : Number(e.target.value))} sx={{ width: 180 }} fullWidth={false} slotProps={shrunk}>
      <MenuItem value="">Every coder</MenuItem>
      {coders.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.name}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Stack spacing={2} data-testid="agreement-page">
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">Agreement</Typography>
        <Typography color="text.secondary">How far coders agree on the same recordings: matched events, frame differences, Cohen’s kappa of emotions, and the Ekman–Friesen FACS ratio.</Typography>
      </Stack>
      <Paper sx={{ p: 1.5 }}>
        <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', rowGap: 1.5, alignItems: 'center' }} role="group" aria-label="Report scope">
          <TextField select label="Project" value={a.project?.id ?? ''} onChange={(e) => a.selectProject(Number(e.target.value))} sx={{ width: 220 }} fullWidth={false}>
            {(a.projects.data ?? []).map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label="Recording" value={a.recordingId ?? ''} onChange={(e) => a.setRecordingId(e.target.value === '' ? null : Number(e.target.value))} sx={{ width: 240 }} fullWidth={false} slotProps={shrunk}>
            <MenuItem value="">All recordings</MenuItem>
            {(a.recordings.data ?? []).map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {r.name}
              </MenuItem>
            ))}
          </TextField>
          {coderSelect('Coder A', a.coderA, a.setCoderA)}
          {coderSelect('Coder B', a.coderB, a.setCoderB)}
          {a.pairIncomplete && (
            <Typography variant="body2" color="text.secondary">
              Choose two different coders to compare one pair; every pair is shown meanwhile.
            </Typography>
          )}
        </Stack>
      </Paper>
      <Box sx={{ height: 2 }}>{a.report.loading && <LinearProgress aria-label="Loading the report" />}</Box>
      {a.report.error && <Alert severity="error">{a.report.error.message}</Alert>}
      {a.projects.data && a.projects.data.length === 0 && <Typography color="text.secondary">No projects yet.</Typography>}
      {report && (
        <>
          <Paper sx={{ p: 2 }} data-testid="agreement-overall">
            <Typography variant="overline" color="text.secondary" sx={{ fontWeight: 700 }}>
              Overall{report.recordingId !== null ? ` · ${a.recordingName(report.recordingId)}` : ' · whole project'} · {report.pairs.length} coder pair{report.pairs.length === 1 ? '' : 's'}
            </Typography>
            <Stack direction="row" spacing={4} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 2 }}>
              <Metric label="Matched events" value={String(report.overall.eventsMatched)} testId="overall-matched" />
              <Metric label="Cohen’s kappa (emotion)" value={formatRatio(report.overall.emotionKappa)} note={kappaWords(report.overall.emotionKappa)} testId="overall-kappa" />
              <Metric label="FACS agreement ratio" value={formatRatio(report.overall.facsAgreement)} note={report.overall.facsAgreement === null ? 'no AUs coded' : `${formatPercent(report.overall.facsAgreement)} of AUs`} testId="overall-facs" />
              <Typography variant="caption" color="text.secondary" component="div" sx={{ flex: 1, minWidth: 280, maxWidth: 560, ml: 'auto !important', lineHeight: 1.6 }}>
                Two coders’ events on a recording are matched when their onset–offset spans overlap, best overlap (IoU) first, each event once. Frame differences are A − B. Kappa compares the emotions of matched events (Landis &amp; Koch’s words). The FACS ratio is Ekman &amp; Friesen’s 2 × AUs both scored ÷ AUs scored by either, over the AUs each coder asserted (not “or” options or references).
              </Typography>
            </Stack>
          </Paper>
          {report.pairs.length === 0 && (
            <Alert severity="info">Fewer than two coders have events here. Code the same recordings as two coders (Label page → “Coding as …”) to compare them.</Alert>
          )}
          {report.pairs.map((pair) => (
            <PairReport key={`${pair.a.id}:${pair.b.id}`} pair={pair} recordingName={a.recordingName} onAdjudicate={setAdjudicating} />
          ))}
        </>
      )}
      {adjudicating && <AdjudicateDialog pick={adjudicating} onClose={() => setAdjudicating(null)} />}
    </Stack>
  );
}
