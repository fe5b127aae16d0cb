import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApiQuery } from '../api/use-api-query';
import { hrefOf } from '../app/use-hash-route';
import { formatDuration, formatFps } from '../common/media-format';
import { useStoredProjectId } from '../library/use-selected-project';

/** The Label page with no recording open: pick one of the selected project's recordings. */
export function RecordingPicker() {
  const projects = useApiQuery('projects.list', {});
  const [storedId, select] = useStoredProjectId();
  const list = projects.data ?? [];
  const project = list.find((p) => p.id === storedId) ?? list[0] ?? null;
  const recordings = useApiQuery('recordings.list', project ? { projectId: project.id } : null);

  return (
    <Stack sx={{ p: 2, maxWidth: 900, width: '100%', mx: 'auto' }} spacing={2} data-testid="recording-picker">
      <Typography variant="h1">Label</Typography>
      <Typography color="text.secondary">Open a recording to step through it frame by frame.</Typography>
      {projects.error && <Alert severity="error">{projects.error.message}</Alert>}
      {list.length > 0 && (
        <TextField select label="Project" value={project?.id ?? ''} onChange={(e) => select(Number(e.target.value))} sx={{ maxWidth: 360 }}>
          {list.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      {projects.data && list.length === 0 && <Typography>No projects yet: create one in the Library and import recordings.</Typography>}
      {recordings.data && (
        <Paper>
          {recordings.data.length === 0 ? (
            <Typography color="text.secondary" sx={{ p: 2 }}>
              This project has no recordings yet: import some in the Library.
            </Typography>
          ) : (
            <List dense aria-label="Recordings" sx={{ py: 0 }}>
              {recordings.data.map((r) => (
                <ListItemButton key={r.id} component="a" href={hrefOf('label', r.id)} sx={{ borderTop: 1, borderColor: 'divider' }}>
                  <ListItemText
                    primary={r.name}
                    secondary={`${r.subjectCode ?? 'no subject'} · ${r.stimulus || 'no stimulus'} · ${r.frameCount} frames · ${formatFps(r.fps)} fps · ${formatDuration(r.durationSec)}`}
                  />
                </ListItemButton>
              ))}
            </List>
          )}
        </Paper>
      )}
    </Stack>
  );
}
