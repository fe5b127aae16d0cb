import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Project } from '../../../shared/api/projects';
import { fieldMessage, formMessage } from '../api/errors';
import { useCallMutation } from '../api/use-call-mutation';
import { FormDialog } from '../common/FormDialog';

export interface ProjectDialogProps {
  /** The project to edit; omitted to create a new one. */
  project?: Project | undefined;
  onSaved: (project: Project) => void;
  onClose: () => void;
}

const fields = ['name', 'defaultFps'] as const;

/** Parses the fps field: empty means "leave it to the server"; anything else must be a number. */
function parseFps(text: string): number | undefined | 'invalid' {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : 'invalid';
}

/** Creates a project (name, default fps; the server fills in the label set) or edits one. */
export function ProjectDialog({ project, onSaved, onClose }: ProjectDialogProps) {
  const [name, setName] = useState(project?.name ?? '');
  const [fpsText, setFpsText] = useState(project ? String(project.defaultFps) : '');
  const [fpsInvalid, setFpsInvalid] = useState(false);
  const create = useCallMutation('projects.create');
  const update = useCallMutation('projects.update');
  const mutation = project ? update : create;

  const submit = async () => {
    const fps = parseFps(fpsText);
    setFpsInvalid(fps === 'invalid');
    if (fps === 'invalid') return;
    const outcome = project
      ? await update.run({ id: project.id, name, ...(fps === undefined ? {} : { defaultFps: fps }) })
      : await create.run({ name, ...(fps === undefined ? {} : { defaultFps: fps }) });
    if (outcome.ok) onSaved(outcome.value);
  };

  const nameError = fieldMessage(mutation.error, 'name');
  const fpsError = fpsInvalid ? 'must be a number' : fieldMessage(mutation.error, 'defaultFps');
  return (
    <FormDialog
      open
      title={project ? `Edit project "${project.name}"` : 'New project'}
      submitLabel={project ? 'Save' : 'Create project'}
      error={formMessage(mutation.error, fields)}
      pending={mutation.pending}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <TextField
        label="Project name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={nameError !== undefined}
        helperText={nameError ?? 'For example "CASME II re-labelling" or "SAMM pilot"'}
        autoFocus
        required
      />
      <TextField
        label="Default frame rate (fps)"
        type="number"
        value={fpsText}
        onChange={(e) => setFpsText(e.target.value)}
        error={fpsError !== undefined}
        helperText={fpsError ?? (project ? 'Used for recordings that do not state their own rate' : 'Leave empty for the default (50 fps)')}
        slotProps={{ htmlInput: { min: 0, step: 'any', inputMode: 'decimal' } }}
      />
    </FormDialog>
  );
}
