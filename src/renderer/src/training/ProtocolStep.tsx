import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TrainingConfig } from '../../../shared/api/training';
import { NumberField } from './NumberField';
import { SavedSplitPicker } from './SavedSplitPicker';
import type { TrainingWizard } from './use-training-wizard';

type ProtocolId = TrainingConfig['protocol']['protocol'];

const protocols: { value: ProtocolId; label: string }[] = [
  { value: 'kfold', label: 'Subject-independent k-fold: subjects dealt into k folds, none on both sides (the paper: 5 folds)' },
  { value: 'loso', label: 'Leave one subject out (LOSO): one fold per subject' },
  { value: 'megc', label: 'MEGC 2019 composite: LOSO over negative / positive / surprise, with the project’s MEGC mapping unless one is chosen' },
  { value: 'saved', label: 'A split saved by the Export page: its folds (and validation subjects) exactly as exported' },
];

/** Folds listed before "and N more". */
const foldsListed = 8;

/** How the samples are split into folds, the validation subjects, the seed and the repeats. */
export function ProtocolStep({ w }: { w: TrainingWizard }) {
  const { protocol } = w.form.config;
  const folds = w.preview.data?.folds ?? [];
  return (
    <Stack spacing={2.5}>
      <FormControl>
        <FormLabel id="training-protocol">Protocol</FormLabel>
        <RadioGroup aria-labelledby="training-protocol" value={protocol.protocol} onChange={(e) => w.editSection('protocol', { protocol: e.target.value as ProtocolId })}>
          {protocols.map((p) => (
            <FormControlLabel key={p.value} value={p.value} control={<Radio size="small" />} label={p.label} />
          ))}
        </RadioGroup>
      </FormControl>
      {protocol.protocol === 'saved' && <SavedSplitPicker w={w} />}
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        {protocol.protocol === 'kfold' && (
          <NumberField label="Folds" value={protocol.folds} onChange={(folds) => w.editSection('protocol', { folds })} help="2 to 50" problem={w.problems['protocol.folds']} />
        )}
        {protocol.protocol !== 'saved' && (
          <NumberField
            label="Validation share"
            value={protocol.validationShare}
            onChange={(validationShare) => w.editSection('protocol', { validationShare })}
            help="Of each fold’s training subjects, to choose the epoch kept (0 to 0.5)"
            problem={w.problems['protocol.validationShare']}
            width={260}
          />
        )}
        <NumberField label="Seed" value={w.form.config.seed} onChange={(seed) => w.editConfig({ seed })} help="Same seed, same split and start" problem={w.problems['seed']} />
        <NumberField
          label="Repeats"
          value={w.form.repeats}
          onChange={(repeats) => w.edit({ repeats })}
          help="Runs with seeds seed, seed + 1, … in one group; Results shows mean ± SD"
          problem={w.problems['repeats']}
          width={300}
        />
      </Stack>
      <FormControlLabel
        control={<Checkbox checked={protocol.onlyFolds !== null} onChange={(e) => w.editSection('protocol', { onlyFolds: e.target.checked ? [0] : null })} />}
        label="Train the first fold only (a quick look; the results say they are of one fold)"
      />
      <Stack spacing={0.25} data-testid="training-folds">
        {folds.length > 0 && (
          <Typography variant="subtitle2" component="h3">
            {folds.length} folds
          </Typography>
        )}
        {folds.slice(0, foldsListed).map((f) => (
          <Typography key={f.index} variant="body2" color={protocol.onlyFolds === null || protocol.onlyFolds.includes(f.index) ? 'text.primary' : 'text.disabled'}>
            {f.name}: {f.train} training, {f.validation} validation, {f.test} test samples
          </Typography>
        ))}
        {folds.length > foldsListed && <Typography variant="body2">… and {folds.length - foldsListed} more</Typography>}
        {w.preview.data?.problem && (
          <Typography variant="body2" color="warning.main">
            {w.preview.data.problem}
          </Typography>
        )}
      </Stack>
    </Stack>
  );
}
