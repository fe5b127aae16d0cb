import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Protocol } from '../../../shared/domain/splits';
import { fieldMessage } from '../api/errors';
import { protocolIds, protocolInfo } from './export-params';
import type { Export } from './use-export';

const shareNames = ['Train share', 'Validation share', 'Test share'] as const;

/** The split protocol, its parameters, and the explicit opt-in a subject-dependent split needs. */
export function ProtocolFields({ x }: { x: Export }) {
  const { form, update, problems } = x;
  const info = protocolInfo[form.protocol];
  const message = (field: 'folds' | 'seed' | 'holdout') => problems[field] ?? fieldMessage(x.startError, field);
  const foldsError = message('folds');
  const seedError = message('seed');
  const holdoutError = message('holdout');
  return (
    <Stack spacing={2}>
      <TextField
        select
        label="Protocol"
        value={form.protocol}
        onChange={(e) => update({ protocol: e.target.value as Protocol, subjectDependentConfirmed: false })}
        helperText={info.description}
      >
        {protocolIds.map((id) => (
          <MenuItem key={id} value={id}>
            {protocolInfo[id].label}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction="row" spacing={1.5}>
        {info.folds && (
          <TextField
            label="Folds"
            value={form.foldsText}
            onChange={(e) => update({ foldsText: e.target.value })}
            error={foldsError !== undefined}
            helperText={foldsError ?? '2 to 50'}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
        )}
        <TextField
          label="Seed"
          value={form.seedText}
          onChange={(e) => update({ seedText: e.target.value })}
          error={seedError !== undefined}
          helperText={seedError ?? 'The same seed gives the same split'}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
      </Stack>
      {info.holdout && (
        <Stack spacing={0.5}>
          <Stack direction="row" spacing={1.5} role="group" aria-label="Shares of subjects">
            {shareNames.map((name, i) => (
              <TextField
                key={name}
                label={name}
                value={form.holdoutText[i]}
                onChange={(e) => update({ holdoutText: form.holdoutText.map((t, j) => (j === i ? e.target.value : t)) as [string, string, string] })}
                error={holdoutError !== undefined}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              />
            ))}
          </Stack>
          <Typography variant="caption" color={holdoutError ? 'error' : 'text.secondary'} role={holdoutError ? 'alert' : undefined} sx={{ mx: 1.75 }}>
            {holdoutError ?? 'Shares of the subjects on each side; they add up to 1'}
          </Typography>
        </Stack>
      )}
      {form.protocol === 'kfold-subject-dependent' && (
        <Alert severity="warning" data-testid="subject-dependent-warning">
          In a subject-dependent split the same person is in training and test, so a model can recognise the face instead of the
          expression. Its results are not comparable with subject-independent ones; every file of the export is named
          SUBJECT-DEPENDENT.
          <FormControlLabel
            sx={{ display: 'flex', mt: 1 }}
            control={<Checkbox checked={form.subjectDependentConfirmed} onChange={(e) => update({ subjectDependentConfirmed: e.target.checked })} />}
            label="I understand: export a subject-dependent split"
          />
          {problems.protocol && (
            <Typography variant="body2" color="error">
              {problems.protocol}
            </Typography>
          )}
        </Alert>
      )}
    </Stack>
  );
}
