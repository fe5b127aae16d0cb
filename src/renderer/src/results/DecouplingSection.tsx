import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Run } from '../../../shared/api/training';
import { lineChart } from './charts/line-chart';
import { ChartFigure } from './ChartFigure';
import { runFileStem } from './exports/file-names';
import { Section } from './Section';
import type { FoldCurves } from './training-curves';

/**
 * How far MENet's features were decoupled from identity: MINE's Donsker–Varadhan estimate of
 * I(Fd; Fe) per epoch. While MENet trains it minimises this term, so a falling curve in the
 * MENet stages is the decoupling working.
 */
export function DecouplingSection({ run, foldName, curves }: { run: Run; foldName: string; curves: FoldCurves }) {
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
        <Typography variant="body2" color="text.secondary">
          The identity probe (how well subjects can be told from MENet’s features) and DAO attention maps need support from the training engine that does not exist yet.
        </Typography>
      </Stack>
    </Section>
  );
}
