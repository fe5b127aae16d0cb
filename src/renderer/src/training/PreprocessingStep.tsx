import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import type { TrainingConfig } from '../../../shared/api/training';
import { NumberField } from './NumberField';
import type { TrainingWizard } from './use-training-wizard';

type Preprocessing = TrainingConfig['preprocessing'];
type Switch = 'interpolate' | 'faceCrop' | 'flip' | 'jitter';

const switches: { key: Switch; label: string }[] = [
  { key: 'interpolate', label: 'Interpolate (TIM-style) when an event has fewer frames than T, instead of repeating the nearest frames' },
  { key: 'faceCrop', label: 'Crop to the recording’s face box, where one is set' },
  { key: 'flip', label: 'Flip training clips horizontally at random (augmentation)' },
  { key: 'jitter', label: 'Jitter the frame positions of training clips (augmentation)' },
];

/** How an event becomes a clip of T frames. */
export function PreprocessingStep({ w }: { w: TrainingWizard }) {
  const p = w.form.config.preprocessing;
  return (
    <Stack spacing={2.5}>
      <NumberField label="Frames per clip (T)" value={p.frames} onChange={(frames) => w.editSection('preprocessing', { frames })} help="Sampled evenly over the event (2 to 64; the paper: 8)" problem={w.problems['preprocessing.frames']} width={300} />
      <FormControl>
        <FormLabel id="training-sampling">Frames from</FormLabel>
        <RadioGroup aria-labelledby="training-sampling" value={p.sampling} onChange={(e) => w.editSection('preprocessing', { sampling: e.target.value as Preprocessing['sampling'] })}>
          <FormControlLabel value="onset-offset" control={<Radio size="small" />} label="Onset to offset: the whole event" />
          <FormControlLabel value="onset-apex" control={<Radio size="small" />} label="Onset to apex: the rising part only" />
        </RadioGroup>
      </FormControl>
      <Stack>
        {switches.map((s) => (
          <FormControlLabel key={s.key} control={<Checkbox checked={p[s.key]} onChange={(e) => w.editSection('preprocessing', { [s.key]: e.target.checked })} />} label={s.label} />
        ))}
      </Stack>
    </Stack>
  );
}
