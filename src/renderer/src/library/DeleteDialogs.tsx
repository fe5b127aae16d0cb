import type { Project } from '../../../shared/api/projects';
import type { Subject } from '../../../shared/api/subjects';
import { useCallMutation } from '../api/use-call-mutation';
import { ConfirmDialog } from '../common/ConfirmDialog';

interface DeleteDialogProps<T> {
  item: T;
  onDeleted: () => void;
  onClose: () => void;
}

/** Asks before deleting a project; a refusal from the server (e.g. it has recordings) is shown as sent. */
export function DeleteProjectDialog({ item: project, onDeleted, onClose }: DeleteDialogProps<Project>) {
  const remove = useCallMutation('projects.delete');
  const confirm = async () => {
    if ((await remove.run({ id: project.id })).ok) onDeleted();
  };
  return (
    <ConfirmDialog
      open
      title={`Delete project "${project.name}"?`}
      confirmLabel="Delete project"
      destructive
      pending={remove.pending}
      error={remove.error?.message}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      The project and its {project.subjectCount === 1 ? 'subject' : `${project.subjectCount} subjects`} will be removed. This cannot be
      undone.
    </ConfirmDialog>
  );
}

/** Asks before deleting a subject; the server refuses while recordings still belong to it. */
export function DeleteSubjectDialog({ item: subject, onDeleted, onClose }: DeleteDialogProps<Subject>) {
  const remove = useCallMutation('subjects.delete');
  const confirm = async () => {
    if ((await remove.run({ id: subject.id })).ok) onDeleted();
  };
  return (
    <ConfirmDialog
      open
      title={`Delete subject "${subject.code}"?`}
      confirmLabel="Delete subject"
      destructive
      pending={remove.pending}
      error={remove.error?.message}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      The subject and its notes will be removed. This cannot be undone.
    </ConfirmDialog>
  );
}
