import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { presetMotionInput, presetSizes, type ModelPreset, type MotionInput } from '../../../shared/api/training';
import { NumberField } from './NumberField';
import type { TrainingWizard } from './use-training-wizard';

/** What each preset is for (its sizes are `presetSizes` of the contract; the run sends the preset's name). */
const presetNotes: Record<ModelPreset, string> = {
  lite: 'the paper’s layers at a quarter of the widths and small inputs: trains on a CPU',
  paper: 'Tables 1 and 2 as published: needs a GPU',
};

const motionInputNames: Record<MotionInput, string> = {
  frames: 'the frames (as in the paper)',
  'onset-difference': 'each frame minus the clip’s first: only what moved',
};

const widthNames = ['Stage 1 width', 'Stage 2 width', 'Stage 3 width', 'Stage 4 width'] as const;

/** The network's size: a preset, or its input sizes and stage widths set by hand. */
export function ModelStep({ w }: { w: TrainingWizard }) {
  const m = w.form.config.model;
  const preset = presetSizes[m.preset];
  const custom = m.meInput !== null || m.idInput !== null || m.widths !== null;
  const widths = m.widths ?? preset.widths;
  return (
    <Stack spacing={2.5}>
      <FormControl>
        <FormLabel id="training-preset">Preset</FormLabel>
        <RadioGroup aria-labelledby="training-preset" value={m.preset} onChange={(e) => w.editSection('model', { preset: e.target.value as ModelPreset })}>
          {(['lite', 'paper'] as const).map((p) => (
            <FormControlLabel
              key={p}
              value={p}
              control={<Radio size="small" />}
              label={`${p}: MENet ${presetSizes[p].meInput} px, IDNet ${presetSizes[p].idInput} px, widths ${presetSizes[p].widths.join('/')}; ${presetNotes[p]}`}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <FormControlLabel
        control={
          <Checkbox
            checked={custom}
            onChange={(e) => w.editSection('model', e.target.checked ? { meInput: preset.meInput, idInput: preset.idInput, widths: [...preset.widths] } : { meInput: null, idInput: null, widths: null })}
          />
        }
        label="Custom input sizes and widths (the same layers, another size)"
      />
      {custom && (
        <Stack spacing={2}>
          <Stack direction="row" spacing={2}>
            <NumberField label="MENet input" value={m.meInput ?? preset.meInput} onChange={(meInput) => w.editSection('model', { meInput })} help="Pixels a side, 16 to 512" problem={w.problems['model.meInput']} />
            <NumberField label="IDNet input" value={m.idInput ?? preset.idInput} onChange={(idInput) => w.editSection('model', { idInput })} help="Pixels a side, 8 to 512" problem={w.problems['model.idInput']} />
          </Stack>
          <Stack direction="row" spacing={2}>
            {widthNames.map((label, i) => (
              <NumberField
                key={label}
                label={label}
                value={widths[i]!}
                onChange={(v) => w.editSection('model', { widths: widths.map((x, j) => (j === i ? v : x)) as [number, number, number, number] })}
                help="Channels"
                problem={w.problems[`model.widths.${i}`]}
                width={130}
              />
            ))}
          </Stack>
        </Stack>
      )}
      <FormControl>
        <FormLabel id="training-motion-input">MENet sees</FormLabel>
        <RadioGroup
          aria-labelledby="training-motion-input"
          value={m.motionInput ?? 'preset'}
          onChange={(e) => w.editSection('model', { motionInput: e.target.value === 'preset' ? null : (e.target.value as MotionInput) })}
        >
          <FormControlLabel value="preset" control={<Radio size="small" />} label={`The preset’s choice: ${motionInputNames[presetMotionInput[m.preset]]}`} />
          {(['frames', 'onset-difference'] as const).map((input) => (
            <FormControlLabel key={input} value={input} control={<Radio size="small" />} label={motionInputNames[input]} />
          ))}
        </RadioGroup>
      </FormControl>
      <FormControlLabel
        control={<Checkbox checked={m.mineProjection} onChange={(e) => w.editSection('model', { mineProjection: e.target.checked })} />}
        label="Project each feature to half its width before MINE (the paper’s literal 512-wide reading)"
      />
      <Typography variant="body2" color="text.secondary">
        MODEL.md describes the layers; the preset only sets their size.
      </Typography>
    </Stack>
  );
}
