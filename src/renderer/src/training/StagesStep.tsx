import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { NumberField } from './NumberField';
import type { TrainingWizard } from './use-training-wizard';

type Epochs = [number, number, number, number];

const stageLabels = [
  { label: 'Stage 1 epochs', help: 'IDNet learns identity' },
  { label: 'Stage 2 epochs', help: 'MENet, with MINE against IDNet' },
  { label: 'Stage 3 epochs', help: 'IDNet, with MINE against MENet' },
  { label: 'Stage 4 epochs', help: 'MENet again: the model evaluated' },
] as const;

/** Table 4's stages: epochs of each, and the optimiser and loss weights they share. */
export function StagesStep({ w }: { w: TrainingWizard }) {
  const t = w.form.config.training;
  const problem = (field: string) => w.problems[`training.${field}`];
  return (
    <Stack spacing={2.5}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
          {stageLabels.map((s, i) => (
            <NumberField
              key={s.label}
              label={s.label}
              value={t.epochs[i]!}
              onChange={(v) => w.editSection('training', { epochs: t.epochs.map((e, j) => (j === i ? v : e)) as Epochs })}
              help={s.help}
              problem={problem(`epochs.${i}`)}
              width={190}
            />
          ))}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          Rows without IDNet and MINE (1-3 of the ablation) train MENet alone, for stage 2 and stage 4 epochs in one stage.
        </Typography>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        <NumberField label="Learning rate" value={t.learningRate} onChange={(learningRate) => w.editSection('training', { learningRate })} help="Adam’s step size (the paper: 0.0001)" problem={problem('learningRate')} width={220} />
        <NumberField label="Batch size" value={t.batchSize} onChange={(batchSize) => w.editSection('training', { batchSize })} help="Clips per step (the paper: 32)" problem={problem('batchSize')} />
      </Stack>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        <NumberField label="λ divergence" value={t.lambdaDiv} onChange={(lambdaDiv) => w.editSection('training', { lambdaDiv })} help="Weight of L_div on MENet (λ11)" problem={problem('lambdaDiv')} width={200} />
        <NumberField label="λ MI, MENet" value={t.lambdaMiMe} onChange={(lambdaMiMe) => w.editSection('training', { lambdaMiMe })} help="Weight of L_MI on MENet (λ12)" problem={problem('lambdaMiMe')} width={200} />
        <NumberField label="λ MI, IDNet" value={t.lambdaMiId} onChange={(lambdaMiId) => w.editSection('training', { lambdaMiId })} help="Weight of L_MI on IDNet (λ2)" problem={problem('lambdaMiId')} width={200} />
      </Stack>
      <FormControlLabel
        control={<Checkbox checked={t.mineBiasCorrection} onChange={(e) => w.editSection('training', { mineBiasCorrection: e.target.checked })} />}
        label="MINE bias correction: a moving average in the gradient’s denominator (Belghazi et al. 2018)"
      />
    </Stack>
  );
}
