import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { fieldMessage, formMessage } from '../api/errors';
import { useCallMutation } from '../api/use-call-mutation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { FormDialog } from '../common/FormDialog';

interface RecordingDialogProps {
  recording: Recording;
  onDone: () => void;
  onClose: () => void;
}

/** Asks before deleting a recording and its frames; a refusal (a job is using it) is shown as sent. */
export function DeleteRecordingDialog({ recording, onDone, onClose }: RecordingDialogProps) {
  const remove = useCallMutation('recordings.delete');
  const confirm = async () => {
    if ((await remove.run({ id: recording.id })).ok) onDone();
  };
  const events = recording.eventCount === 1 ? '1 labelled event' : `${recording.eventCount} labelled events`;
  return (
    <ConfirmDialog
      open
      title={`Delete recording "${recording.name}"?`}
      confirmLabel="Delete recording"
      destructive
      pending={remove.pending}
      error={remove.error?.message}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      Its {recording.frameCount} stored frames and {events} will be removed. The source file is not touched. This cannot be undone.
    </ConfirmDialog>
  );
}

const fields = ['name', 'stimulus'] as const;

/** Renames a recording and sets its stimulus code. */
export function EditRecordingDialog({ recording, onDone, onClose }: RecordingDialogProps) {
  const [name, setName] = useState(recording.name);
  const [stimulus, setStimulus] = useState(recording.stimulus);
  const update = useCallMutation('recordings.update');
  const submit = async () => {
    if ((await update.run({ id: recording.id, name, stimulus })).ok) onDone();
  };
  const nameError = fieldMessage(update.error, 'name');
  const stimulusError = fieldMessage(update.error, 'stimulus');
  return (
    <FormDialog
      open
      title={`Edit recording "${recording.name}"`}
      submitLabel="Save"
      error={formMessage(update.error, fields)}
      pending={update.pending}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <TextField
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={nameError !== undefined}
        helperText={nameError}
        autoFocus
        required
      />
      <TextField
        label="Stimulus"
        value={stimulus}
        onChange={(e) => setStimulus(e.target.value)}
        error={stimulusError !== undefined}
        helperText={stimulusError ?? 'The stimulus or inducement code, e.g. "EP02_01f" or "anger1"'}
      />
    </FormDialog>
  );
}
