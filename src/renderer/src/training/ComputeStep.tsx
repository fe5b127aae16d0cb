import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TrainingBackend } from '../../../shared/api/training';
import { SpeedProbe } from './SpeedProbe';
import type { TrainingWizard } from './use-training-wizard';

const descriptions: Record<TrainingBackend, string> = {
  auto: 'Automatic: the fastest that loads (TensorFlow with a GPU, TensorFlow, WebAssembly, then plain JavaScript)',
  'tensorflow-gpu': 'TensorFlow on a CUDA GPU (@tensorflow/tfjs-node-gpu): what paper-size runs need',
  tensorflow: 'TensorFlow on the CPU (@tensorflow/tfjs-node)',
  wasm: 'WebAssembly with SIMD (@tensorflow/tfjs-backend-wasm)',
  cpu: 'Plain JavaScript (@tensorflow/tfjs-backend-cpu): always there, slowest',
};

/** Which TensorFlow.js backend trains; those that cannot load on this machine are shown with why. */
export function ComputeStep({ w }: { w: TrainingWizard }) {
  const backends = w.appInfo.data?.tfBackends ?? [];
  const availability = (name: TrainingBackend) => backends.find((b) => b.name === name);
  return (
    <Stack spacing={2}>
      <FormControl>
        <FormLabel id="training-backend">Backend</FormLabel>
        <RadioGroup aria-labelledby="training-backend" value={w.form.config.backend} onChange={(e) => w.editConfig({ backend: e.target.value as TrainingBackend })}>
          {(Object.keys(descriptions) as TrainingBackend[]).map((name) => {
            const info = availability(name);
            const unavailable = info !== undefined && !info.available;
            return (
              <FormControlLabel
                key={name}
                value={name}
                disabled={unavailable}
                control={<Radio size="small" />}
                label={
                  <span>
                    {descriptions[name]}
                    {unavailable && (
                      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                        Not here: {info.detail}
                      </Typography>
                    )}
                  </span>
                }
              />
            );
          })}
        </RadioGroup>
      </FormControl>
      <Typography variant="body2" color="text.secondary">
        The run records the backend it used and its version. A few timed steps of this configuration tell what it will cost here; the run’s page refines it from the first epochs.
      </Typography>
      <SpeedProbe form={w.form} />
    </Stack>
  );
}
