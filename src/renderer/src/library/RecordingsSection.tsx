import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Project } from '../../../shared/api/projects';
import type { Recording } from '../../../shared/api/recordings';
import type { Subject } from '../../../shared/api/subjects';
import { useCallMutation } from '../api/use-call-mutation';
import { ImportIcon } from '../common/icons';
import { DatasetImportButtons } from '../dataset-import/DatasetImportButtons';
import { ImportDialog } from '../import/ImportDialog';
import { ImportProgress } from '../import/ImportProgress';
import { useStartedJob } from '../jobs/use-started-job';
import { DetectFacesButton, DetectFacesStatus } from './DetectFacesControl';
import { DeleteRecordingDialog, EditRecordingDialog } from './RecordingDialogs';
import { RecordingsTable } from './RecordingsTable';
import { useRecordings } from './use-recordings';

type OpenDialog = { kind: 'import' } | { kind: 'edit'; recording: Recording } | { kind: 'delete'; recording: Recording };

export interface RecordingsSectionProps {
  project: Project;
  subjects: readonly Subject[];
}

/** The selected project's recordings: the table, the import, and the edits on each recording. */
export function RecordingsSection({ project, subjects }: RecordingsSectionProps) {
  const { list, activeImports } = useRecordings(project.id);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [savingId, setSavingId] = useState<number | null>(null);
  const update = useCallMutation('recordings.update');
  const detectFaces = useStartedJob('recordings.detect-faces');
  const recordings = list.data ?? [];
  const close = () => setDialog(null);
  const done = () => {
    list.reload();
    close();
  };

  const changeSubject = async (recording: Recording, subjectId: number | null) => {
    setSavingId(recording.id);
    const outcome = await update.run({ id: recording.id, subjectId });
    setSavingId(null);
    if (outcome.ok) list.reload();
  };

  return (
    <Box component="section" aria-labelledby="recordings-heading">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, py: 1.5 }}>
        <Typography variant="h3" component="h3" id="recordings-heading">
          Recordings
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} data-testid="recordings-count">
          {list.data ? `${recordings.length} · ${recordings.reduce((n, r) => n + r.frameCount, 0).toLocaleString()} frames` : ''}
        </Typography>
        <DetectFacesButton projectId={project.id} recordings={recordings} job={detectFaces} />
        <DatasetImportButtons project={project} />
        <Button variant="contained" startIcon={<ImportIcon />} onClick={() => setDialog({ kind: 'import' })}>
          Import…
        </Button>
      </Stack>
      <DetectFacesStatus job={detectFaces} />
      {activeImports.length > 0 && (
        <Box sx={{ px: 2, pb: 1.5 }} data-testid="active-imports">
          <ImportProgress jobs={activeImports} dense />
        </Box>
      )}
      <Box sx={{ height: 2 }}>{list.loading && <LinearProgress aria-label="Loading recordings" />}</Box>
      {list.error && (
        <Alert severity="error" sx={{ m: 2 }}>
          {list.error.message}
        </Alert>
      )}
      {update.error && (
        <Alert severity="error" sx={{ m: 2 }} onClose={update.reset} role="alert">
          {update.error.message}
        </Alert>
      )}
      {recordings.length > 0 && (
        <RecordingsTable
          recordings={recordings}
          subjects={subjects}
          savingId={savingId}
          onSubjectChange={(r, id) => void changeSubject(r, id)}
          onEdit={(recording) => setDialog({ kind: 'edit', recording })}
          onDelete={(recording) => setDialog({ kind: 'delete', recording })}
        />
      )}
      {list.data && recordings.length === 0 && (
        <Typography color="text.secondary" sx={{ px: 2, py: 3 }}>
          No recordings yet. Use “Import…” to add videos, image sequences or a whole capture session.
        </Typography>
      )}

      {dialog?.kind === 'import' && <ImportDialog project={project} subjects={subjects} recordings={recordings} onClose={close} />}
      {dialog?.kind === 'edit' && <EditRecordingDialog recording={dialog.recording} onDone={done} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteRecordingDialog recording={dialog.recording} onDone={done} onClose={close} />}
    </Box>
  );
}
