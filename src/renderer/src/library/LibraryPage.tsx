import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Project } from '../../../shared/api/projects';
import type { Subject } from '../../../shared/api/subjects';
import { AddIcon } from '../common/icons';
import { useDatasetImported } from '../dataset-import/use-dataset-imported';
import { DeleteProjectDialog, DeleteSubjectDialog } from './DeleteDialogs';
import { ProjectDialog } from './ProjectDialog';
import { ProjectEventsSection } from './ProjectEventsSection';
import { ProjectList } from './ProjectList';
import { ProjectSummary } from './ProjectSummary';
import { RecordingsSection } from './RecordingsSection';
import { SubjectDialog } from './SubjectDialog';
import { SubjectsTable } from './SubjectsTable';
import { useDemo } from './use-demo';
import { useLibrary } from './use-library';

type OpenDialog =
  | { kind: 'create-project' }
  | { kind: 'edit-project'; project: Project }
  | { kind: 'delete-project'; project: Project }
  | { kind: 'add-subject'; project: Project }
  | { kind: 'edit-subject'; subject: Subject }
  | { kind: 'delete-subject'; subject: Subject };

/** Projects on the left; the selected project's settings and subjects on the right. */
export function LibraryPage() {
  const { projects, selected, select, subjects } = useLibrary();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = () => setDialog(null);
  // A dataset import adds subjects and events too; the events section is read afresh.
  const [datasetImports, setDatasetImports] = useState(0);
  useDatasetImported(selected?.id ?? null, () => {
    projects.reload();
    subjects.reload();
    setDatasetImports((n) => n + 1);
  });
  const demo = useDemo((projectId) => {
    select(projectId);
    projects.reload();
  });

  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '280px minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}
      data-testid="library-page"
    >
      <ProjectList
        projects={projects.data}
        loading={projects.loading}
        error={projects.error}
        selectedId={selected?.id ?? null}
        onSelect={select}
        onCreate={() => setDialog({ kind: 'create-project' })}
        demo={demo}
        onImported={(projectId) => {
          select(projectId);
          projects.reload();
        }}
      />
      <Paper component="section" aria-label="Selected project" sx={{ minWidth: 0 }}>
        {selected ? (
          <>
            <ProjectSummary
              project={selected}
              onEdit={() => setDialog({ kind: 'edit-project', project: selected })}
              onDelete={() => setDialog({ kind: 'delete-project', project: selected })}
            />
            <Divider sx={{ mt: 2 }} />
            <RecordingsSection project={selected} subjects={subjects.data ?? []} />
            <Divider />
            <ProjectEventsSection key={datasetImports} project={selected} subjects={subjects.data ?? []} />
            <Divider />
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1.5 }}>
              <Typography variant="h3" component="h3">
                Subjects
              </Typography>
              <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'add-subject', project: selected })}>
                Add subject
              </Button>
            </Stack>
            <SubjectsTable
              subjects={subjects.data}
              loading={subjects.loading}
              error={subjects.error}
              onEdit={(subject) => setDialog({ kind: 'edit-subject', subject })}
              onDelete={(subject) => setDialog({ kind: 'delete-subject', subject })}
            />
          </>
        ) : (
          <Typography color="text.secondary" sx={{ p: 4 }}>
            {projects.loading ? 'Loading projects…' : 'Create a project with “New project” to start adding subjects and recordings.'}
          </Typography>
        )}
      </Paper>

      {dialog?.kind === 'create-project' && (
        <ProjectDialog
          onClose={close}
          onSaved={(project) => {
            select(project.id);
            projects.reload();
            close();
          }}
        />
      )}
      {dialog?.kind === 'edit-project' && (
        <ProjectDialog
          project={dialog.project}
          onClose={close}
          onSaved={() => {
            projects.reload();
            close();
          }}
        />
      )}
      {dialog?.kind === 'delete-project' && (
        <DeleteProjectDialog
          item={dialog.project}
          onClose={close}
          onDeleted={() => {
            select(null);
            projects.reload();
            close();
          }}
        />
      )}
      {dialog?.kind === 'add-subject' && (
        <SubjectDialog
          projectId={dialog.project.id}
          onClose={close}
          onSaved={() => {
            subjects.reload();
            close();
          }}
        />
      )}
      {dialog?.kind === 'edit-subject' && (
        <SubjectDialog
          projectId={dialog.subject.projectId}
          subject={dialog.subject}
          onClose={close}
          onSaved={() => {
            subjects.reload();
            close();
          }}
        />
      )}
      {dialog?.kind === 'delete-subject' && (
        <DeleteSubjectDialog
          item={dialog.subject}
          onClose={close}
          onDeleted={() => {
            subjects.reload();
            close();
          }}
        />
      )}
    </Box>
  );
}
