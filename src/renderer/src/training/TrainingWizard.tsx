import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { AblationStep } from './AblationStep';
import { ComputeStep } from './ComputeStep';
import { DataStep } from './DataStep';
import { ModelStep } from './ModelStep';
import { PreprocessingStep } from './PreprocessingStep';
import { ProtocolStep } from './ProtocolStep';
import { ReviewStep } from './ReviewStep';
import { StagesStep } from './StagesStep';
import { stepOfField, wizardSteps, type TrainingWizard as Wizard } from './use-training-wizard';

function StepBody({ w }: { w: Wizard }) {
  switch (w.step) {
    case 'data':
      return <DataStep w={w} />;
    case 'protocol':
      return <ProtocolStep w={w} />;
    case 'preprocessing':
      return <PreprocessingStep w={w} />;
    case 'model':
      return <ModelStep w={w} />;
    case 'stages':
      return <StagesStep w={w} />;
    case 'ablation':
      return <AblationStep w={w} />;
    case 'compute':
      return <ComputeStep w={w} />;
    case 'review':
      return <ReviewStep w={w} />;
  }
}

/** The Train wizard: one choice per screen, presets on top, a review, and Launch. */
export function TrainingWizard({ w }: { w: Wizard }) {
  const titleId = useId();
  const index = wizardSteps.findIndex((s) => s.step === w.step);
  const flagged = new Set(Object.keys(w.problems).map(stepOfField));
  const blocked = w.previewCurrent && w.preview.data?.problem ? 'The data cannot be trained on as it is: see the Data and Protocol steps' : null;
  const launches = w.form.rows.length * (Number.isInteger(w.form.repeats) && w.form.repeats > 0 ? w.form.repeats : 1);
  return (
    <Paper component="section" aria-labelledby={titleId} sx={{ p: 2 }} data-testid="training-wizard">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h3" component="h2" id={titleId} sx={{ flex: 1 }}>
          New run
        </Typography>
        <Button variant="outlined" onClick={w.paperSettings}>
          Paper settings
        </Button>
        <Button variant="outlined" onClick={w.quickCheck}>
          Quick check
        </Button>
      </Stack>
      <Stepper nonLinear activeStep={index} sx={{ mb: 3, flexWrap: 'wrap', rowGap: 1 }}>
        {wizardSteps.map((s) => (
          <Step key={s.step} completed={false}>
            <StepButton onClick={() => w.setStep(s.step)} optional={flagged.has(s.step) ? <Typography variant="caption" color="error">check this</Typography> : undefined}>
              {s.label}
            </StepButton>
          </Step>
        ))}
      </Stepper>
      <Stack component="div" role="group" aria-label={`${wizardSteps[index]!.label} step`} sx={{ minHeight: 240 }}>
        <StepBody w={w} />
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mt: 3, alignItems: 'center' }}>
        <Button disabled={index === 0} onClick={() => w.setStep(wizardSteps[index - 1]!.step)}>
          Back
        </Button>
        <span style={{ flex: 1 }} />
        {blocked && w.step === 'review' && <Typography color="warning.main">{blocked}</Typography>}
        {w.step === 'review' ? (
          <Button variant="contained" size="large" onClick={() => void w.launch.run()} loading={w.launch.pending} disabled={w.project === null || blocked !== null}>
            {launches > 1 ? `Launch ${launches} runs` : 'Launch'}
          </Button>
        ) : (
          <Button variant="contained" onClick={() => w.setStep(wizardSteps[index + 1]!.step)}>
            Next
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
