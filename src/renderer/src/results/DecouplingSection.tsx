import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Run } from '../../../shared/api/training';
import type { RunDiagnostics } from '../../../shared/api/training-diagnostics';
import { AttentionOverlay } from './AttentionOverlay';
import { lineChart } from './charts/line-chart';
import { ChartFigure } from './ChartFigure';
import { runFileStem } from './exports/file-names';
import { IdentityProbeTable } from './IdentityProbeTable';
import { Section } from './Section';
import type { FoldCurves } from './training-curves';
import { useDiagnostics } from './use-diagnostics';

function Subtitle({ children }: { children: string }) {
  return (
    <Typography variant="h4" component="h3" sx={{ fontSize: '1rem', fontWeight: 600 }}>
      {children}
    </Typography>
  );
}

/** The attention part: why there is none, or the chosen fold's samples. */
function Attention({ run, diagnostics, fold, foldName }: { run: Run; diagnostics: RunDiagnostics; fold: number; foldName: string }) {
  if (!diagnostics.dao) return <Typography color="text.secondary">This run’s MENet has no DAO attention (ablation rows 1 and 4), so there are no attention maps to show.</Typography>;
  if (!diagnostics.folds.some((f) => f.fold === fold)) return <Typography color="text.secondary">{foldName} has not finished; its attention maps are read from the model it keeps.</Typography>;
  return <AttentionOverlay key={`${run.id}/${fold}`} runId={run.id} fold={fold} foldName={foldName} classes={run.classes} />;
}

/**
 * How far MENet's features were decoupled from identity: MINE's Donsker–Varadhan estimate of
 * I(Fd; Fe) per epoch (while MENet trains it minimises this term, so a falling curve in the MENet
 * stages is the decoupling working), the identity probe before and after, and where DAO looks.
 */
export function DecouplingSection({ run, fold, foldName, curves }: { run: Run; fold: number; foldName: string; curves: FoldCurves }) {
  const diagnostics = useDiagnostics(run);
  return (
    <Section title="Decoupling diagnostics" testId="decoupling-section">
      <Stack spacing={1.5}>
        {!run.config.ablation.decoupling ? (
          <Typography color="text.secondary">This run trains MENet alone (no IDNet and MINE), so there is no mutual-information estimate to show.</Typography>
        ) : curves.mutualInformation.length === 0 ? (
          <Typography color="text.secondary">No MI estimate recorded for {foldName} yet.</Typography>
        ) : (
          <ChartFigure
            chart={lineChart({ title: `MI estimate (MINE), ${foldName}`, xLabel: 'Epoch of the fold (all stages)', yLabel: 'I(Fd; Fe) estimate', series: curves.mutualInformation, markers: curves.markers, integerX: true })}
            fileStem={runFileStem(run, `mi ${foldName}`)}
            label="the MI estimate"
          />
        )}
        {diagnostics.error ? (
          <Alert severity="error">{diagnostics.error.message}</Alert>
        ) : !diagnostics.data ? (
          <LinearProgress aria-label="Loading the decoupling diagnostics" />
        ) : (
          <>
            <Subtitle>Identity probe</Subtitle>
            <IdentityProbeTable diagnostics={diagnostics.data} />
            <Subtitle>{`DAO attention, ${foldName}`}</Subtitle>
            <Attention run={run} diagnostics={diagnostics.data} fold={fold} foldName={foldName} />
          </>
        )}
      </Stack>
    </Section>
  );
}
