import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Subject } from '../../../shared/api/subjects';
import { fieldMessage, formMessage } from '../api/errors';
import { useCallMutation } from '../api/use-call-mutation';
import { FormDialog } from '../common/FormDialog';

export interface SubjectDialogProps {
  projectId: number;
  /** The subject to edit; omitted to add a new one. */
  subject?: Subject | undefined;
  onSaved: (subject: Subject) => void;
  onClose: () => void;
}

const fields = ['code', 'notes'] as const;

/** Adds a subject (code + notes) to a project, or edits one's code and notes. */
export function SubjectDialog({ projectId, subject, onSaved, onClose }: SubjectDialogProps) {
  const [code, setCode] = useState(subject?.code ?? '');
  const [notes, setNotes] = useState(subject?.notes ?? '');
  const create = useCallMutation('subjects.create');
  const update = useCallMutation('subjects.update');
  const mutation = subject ? update : create;

  const submit = async () => {
    const outcome = subject ? await update.run({ id: subject.id, code, notes }) : await create.run({ projectId, code, notes });
    if (outcome.ok) onSaved(outcome.value);
  };

  const codeError = fieldMessage(mutation.error, 'code');
  const notesError = fieldMessage(mutation.error, 'notes');
  return (
    <FormDialog
      open
      title={subject ? `Edit subject "${subject.code}"` : 'Add subject'}
      submitLabel={subject ? 'Save' : 'Add subject'}
      error={formMessage(mutation.error, fields)}
      pending={mutation.pending}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <TextField
        label="Subject code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={codeError !== undefined}
        helperText={codeError ?? 'Kept exactly as typed: "006" stays "006"'}
        autoFocus
        required
      />
      <TextField
        label="Notes"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={notesError !== undefined}
        helperText={notesError}
        multiline
        minRows={3}
      />
    </FormDialog>
  );
}
