import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { Project } from '../../../shared/api/projects';
import type { Recording } from '../../../shared/api/recordings';
import type { Subject } from '../../../shared/api/subjects';
import { useJobsContext } from '../jobs/jobs-context';
import { FileBrowser } from './FileBrowser';
import { ImportFields } from './ImportFields';
import { ImportProgress } from './ImportProgress';
import { ProbeTable } from './ProbeTable';
import { ScanSummary } from './ScanSummary';
import { stemOf, type ImportMode } from './import-paths';
import { useImportForm, type ImportForm } from './use-import-form';

export interface ImportDialogProps {
  project: Project;
  subjects: readonly Subject[];
  recordings: readonly Recording[];
  onClose: () => void;
}

const modes: { mode: ImportMode; label: string; hint: string }[] = [
  { mode: 'video', label: 'Video files', hint: 'One recording per video file.' },
  { mode: 'images', label: 'Image folder', hint: 'One recording from a folder of numbered frames (img46.jpg, img47.jpg, …); the numbers are kept.' },
  { mode: 'session', label: 'Session folder', hint: 'A folder with one capture session’s videos; each file name is its stimulus code.' },
];

function Inspection({ form }: { form: ImportForm }) {
  if (form.mode === 'video') {
    if (form.selectedVideos.length === 0) return <Typography color="text.secondary">Tick videos on the left to read them.</Typography>;
    return <ProbeTable label="Chosen videos" probes={form.probes} stimuli={form.stimuli} onStimulus={form.setFileStimulus} />;
  }
  if (form.mode === 'images') {
    return form.scan ? <ScanSummary scan={form.scan} /> : <Typography color="text.secondary">Open a folder of numbered images.</Typography>;
  }
  if (form.folderVideos.length === 0) return <Typography color="text.secondary">Open the folder of one capture session.</Typography>;
  const codes = Object.fromEntries(form.folderVideos.map((path) => [path, stemOf(path)]));
  return <ProbeTable label="Session videos" probes={form.probes} stimuli={codes} />;
}

/** Picks files on the backend machine, shows what they hold, and starts the import jobs. */
export function ImportDialog({ project, subjects, recordings, onClose }: ImportDialogProps) {
  const titleId = useId();
  const form = useImportForm(project.id, project.defaultFps);
  const { jobs } = useJobsContext();
  const started = form.startedJobs.map((id) => jobs.find((job) => job.id === id)).filter((job) => job !== undefined);
  const recordingName = (id: number) => recordings.find((r) => r.id === id)?.name;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>Import into “{project.name}”</DialogTitle>
      <DialogContent dividers>
        {started.length > 0 ? (
          <Stack spacing={1.5} data-testid="import-started">
            <Typography variant="body2" color="text.secondary">
              The import runs as a job: it goes on if you close this dialog, and the Jobs panel follows it.
            </Typography>
            <ImportProgress jobs={started} recordingName={recordingName} />
          </Stack>
        ) : (
          <Stack spacing={2}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <ToggleButtonGroup
                exclusive
                size="small"
                color="primary"
                value={form.mode}
                onChange={(_, value: ImportMode | null) => value && form.setMode(value)}
                aria-label="What to import"
              >
                {modes.map((m) => (
                  <ToggleButton key={m.mode} value={m.mode} sx={{ px: 1.5, py: 0.5 }}>
                    {m.label}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
              <Typography variant="body2" color="text.secondary">
                {modes.find((m) => m.mode === form.mode)?.hint}
              </Typography>
            </Stack>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 5fr) minmax(0, 7fr)' }, gap: 2.5 }}>
              <FileBrowser browser={form.browser} mode={form.mode} selected={form.selectedVideos} onToggle={form.toggleVideo} />
              <Stack spacing={2} sx={{ minWidth: 0 }} aria-label="What will be imported" component="section">
                <Box sx={{ maxHeight: 300, overflow: 'auto' }}>
                  <Inspection form={form} />
                </Box>
                <ImportFields form={form} subjects={subjects} />
              </Stack>
            </Box>
            {form.error && (
              <Alert severity="error" role="alert">
                {form.error.message}
              </Alert>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {started.length > 0 ? (
          <>
            <Button onClick={form.reset}>Import more</Button>
            <Button variant="contained" onClick={onClose}>
              Close
            </Button>
          </>
        ) : (
          <>
            {form.blocked && (
              <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto', ml: 1 }}>
                {form.blocked}
              </Typography>
            )}
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="contained" disabled={form.blocked !== null} loading={form.pending} onClick={() => void form.submit()}>
              {form.mode === 'video' && form.selectedVideos.length > 1 ? `Import ${form.selectedVideos.length} videos` : 'Import'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
