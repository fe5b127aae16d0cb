import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ablationRows, presetMotionInput, presetSizes, TrainingConfig } from '../../../shared/api/training';
import { planStages, totalEpochs, type StagePlan } from '../../../shared/domain/training';
import type { TrainingWizard } from './use-training-wizard';
import { runNameOf, type WizardForm } from './wizard-form';

const onOff = (on: boolean) => (on ? 'on' : 'off');

const seedsText = (form: WizardForm) => (form.repeats > 1 ? `${form.repeats} repeats, seeds ${form.config.seed} to ${form.config.seed + form.repeats - 1}` : `seed ${form.config.seed}`);

function eventsLine(w: TrainingWizard): string {
  const { form } = w;
  const mapping = w.mappings.data?.find((m) => m.key === form.config.data.mapping)?.name ?? 'none (the project’s labels)';
  const coders = (w.annotators.data ?? []).filter((a) => form.coders.includes(a.id)).map((a) => a.name).join(', ');
  const flagged = form.config.data.excludeFlagged ? ', flagged ones left out' : '';
  const events = { all: 'every event', unflagged: 'every event except flagged ones', consensus: `double-coded consensus events only${flagged}`, coders: `events of ${coders || 'no coder'}${flagged}` }[form.events];
  const counts = w.preview.data ? `; ${w.preview.data.samples} samples of ${w.preview.data.subjects.length} subjects in ${w.preview.data.classes.length} classes` : '';
  const projects = w.project ? [w.project, ...w.extraProjects].map((p) => p.name).join(' + ') : 'no project';
  return `${projects}: ${events}; mapping ${mapping}${counts}`;
}

function summary(w: TrainingWizard): [string, string][] {
  const { config } = w.form;
  const { protocol, preprocessing: p, model: m, training: t } = config;
  const folds = w.preview.data?.folds.length ?? 0;
  const protocolText = {
    kfold: `subject-independent ${protocol.folds}-fold`,
    loso: `leave one subject out (${folds} folds)`,
    megc: `MEGC 2019 composite (${folds} folds)`,
    saved: `the split saved in ${protocol.saved?.path ?? '(no folder chosen)'} (${folds} folds)`,
  }[protocol.protocol];
  const sizes = presetSizes[m.preset];
  return [
    ['Data', eventsLine(w)],
    ['Protocol', `${protocolText}${protocol.onlyFolds ? ', first fold only' : ''}${protocol.protocol === 'saved' ? '' : `; validation share ${protocol.validationShare}`}; ${seedsText(w.form)}`],
    ['Preprocessing', `T = ${p.frames} frames from ${p.sampling.replace('-', ' to ')}; interpolation ${onOff(p.interpolate)}, face crop ${onOff(p.faceCrop)}, flip ${onOff(p.flip)}, jitter ${onOff(p.jitter)}`],
    ['Model', `${m.preset}: MENet ${m.meInput ?? sizes.meInput} px, IDNet ${m.idInput ?? sizes.idInput} px, widths ${(m.widths ?? sizes.widths).join('/')}, MENet sees ${(m.motionInput ?? presetMotionInput[m.preset]) === 'frames' ? 'frames' : 'differences from the first frame'}${m.mineProjection ? ', MINE projection' : ''}`],
    ['Optimiser', `Adam, learning rate ${t.learningRate}, batch ${t.batchSize}; λ div ${t.lambdaDiv}, λ MI ${t.lambdaMiMe} (MENet) / ${t.lambdaMiId} (IDNet); bias correction ${onOff(t.mineBiasCorrection)}`],
    ['Backend', config.backend],
  ];
}

const stageText = (s: StagePlan) => `stage ${s.stage} ${s.trains === 'menet' ? 'MENet' : 'IDNet'} ${s.epochs}`;

function RunLines({ form }: { form: WizardForm }) {
  return (
    <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2.5 }} aria-label="Runs to launch">
      {form.rows.flatMap((row) => {
        const plan = planStages({ ablation: ablationRows[row], training: TrainingConfig.shape.training.parse(form.config.training) });
        return Array.from({ length: Number.isInteger(form.repeats) && form.repeats > 0 ? form.repeats : 1 }, (_, repeat) => (
          <li key={`${row}-${repeat}`}>
            <Typography variant="body2">
              <b>{runNameOf(form, row, repeat)}</b>: {plan.map(stageText).join(', ')} epochs ({totalEpochs(plan)} a fold)
            </Typography>
          </li>
        ));
      })}
    </Stack>
  );
}

/** Everything the launch will send, in words, and what would stop it. */
export function ReviewStep({ w }: { w: TrainingWizard }) {
  const problems = Object.entries(w.problems);
  const epochsValid = TrainingConfig.shape.training.safeParse(w.form.config.training).success;
  return (
    <Stack spacing={2}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1, m: 0 }} data-testid="training-review">
        {summary(w).map(([term, text]) => [
          <Typography key={`${term}-t`} component="dt" sx={{ fontWeight: 600 }}>
            {term}
          </Typography>,
          <Typography key={`${term}-d`} component="dd" sx={{ m: 0 }}>
            {text}
          </Typography>,
        ])}
      </Box>
      {epochsValid && <RunLines form={w.form} />}
      {w.preview.data?.problem && <Alert severity="warning">A run would stop before training: {w.preview.data.problem}</Alert>}
      {problems.length > 0 && (
        <Alert severity="error" role="alert">
          {problems.map(([path, message]) => `${path}: ${message}`).join('; ')}
        </Alert>
      )}
      {w.launch.error && <Alert severity="error">{w.launch.error.message}</Alert>}
    </Stack>
  );
}
