import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { LabelMappingInfo } from '../../../shared/api/mappings';
import { fieldMessage, formMessage } from '../api/errors';
import { useCallMutation } from '../api/use-call-mutation';
import { FormDialog } from '../common/FormDialog';
import { choiceOf, choiceValue, dropValue, parseTargets, saveArgs, unsetValue, type MappingDraft } from './mapping-draft';

export interface MappingEditorDialogProps {
  projectId: number;
  projectLabels: readonly string[];
  draft: MappingDraft;
  onSaved: (mapping: LabelMappingInfo) => void;
  onClose: () => void;
}

/** Selects whose empty value means "not chosen yet": show that choice, with the label above it. */
const shrunk = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

/**
 * Creates or edits a project mapping: its target classes, and for each label of the project the
 * class it trains as, or "leave out". The server checks the whole mapping; its complaint about a
 * label shows under that label's field.
 */
export function MappingEditorDialog({ projectId, projectLabels, draft: initial, onSaved, onClose }: MappingEditorDialogProps) {
  const [draft, setDraft] = useState(initial);
  const save = useCallMutation('mappings.save');
  const targets = parseTargets(draft.targetsText);
  const labelFields = projectLabels.map((l) => `map.${l}`);

  const submit = async () => {
    const outcome = await save.run(saveArgs(draft, projectId));
    if (outcome.ok) onSaved(outcome.value);
  };

  const nameError = fieldMessage(save.error, 'name');
  const targetsError = fieldMessage(save.error, 'toLabels');
  return (
    <FormDialog
      open
      title={draft.id === undefined ? 'New mapping' : `Edit mapping “${initial.name}”`}
      submitLabel="Save mapping"
      error={formMessage(save.error, ['name', 'toLabels', ...labelFields])}
      pending={save.pending}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <TextField
        label="Mapping name"
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        error={nameError !== undefined}
        helperText={nameError ?? 'For example “MEGC 3 classes” or “5 classes, others dropped”'}
        autoFocus
        required
      />
      <TextField
        label="Target classes"
        value={draft.targetsText}
        onChange={(e) => setDraft({ ...draft, targetsText: e.target.value })}
        error={targetsError !== undefined}
        helperText={targetsError ?? 'The classes a model trains on, separated by commas: e.g. negative, positive, surprise'}
        required
      />
      <Typography variant="body2" color="text.secondary">
        Each label of the project trains as one of the target classes, or is left out of training and export.
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 1.5 }} role="group" aria-label="Class of each label">
        {projectLabels.map((label) => {
          const choice = draft.choices[label] ?? { kind: 'unset' };
          const error = fieldMessage(save.error, `map.${label}`);
          const stale = choice.kind === 'class' && !targets.includes(choice.target) ? choice.target : null;
          return (
            <TextField
              key={label}
              select
              label={label}
              value={choiceValue(choice)}
              onChange={(e) => setDraft({ ...draft, choices: { ...draft.choices, [label]: choiceOf(e.target.value) } })}
              error={error !== undefined}
              helperText={error}
              slotProps={shrunk}
            >
              <MenuItem value={unsetValue}>
                <em>— choose —</em>
              </MenuItem>
              {targets.map((t) => (
                <MenuItem key={t} value={t}>
                  {t}
                </MenuItem>
              ))}
              {stale !== null && (
                <MenuItem value={stale}>
                  {stale} (not a target class)
                </MenuItem>
              )}
              <MenuItem value={dropValue}>Leave out</MenuItem>
            </TextField>
          );
        })}
      </Box>
    </FormDialog>
  );
}
