import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ApiError } from '../../../shared/api/errors';
import type { Project } from '../../../shared/api/projects';
import { AddIcon } from '../common/icons';

export interface ProjectListProps {
  projects: Project[] | undefined;
  loading: boolean;
  error: ApiError | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onCreate: () => void;
}

function describe(project: Project): string {
  const subjects = project.subjectCount === 1 ? '1 subject' : `${project.subjectCount} subjects`;
  return `${subjects} · ${project.defaultFps} fps`;
}

export function ProjectList({ projects, loading, error, selectedId, onSelect, onCreate }: ProjectListProps) {
  return (
    <Paper component="section" aria-labelledby="projects-heading" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1.5 }}>
        <Typography variant="h3" component="h2" id="projects-heading">
          Projects
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={onCreate}>
          New project
        </Button>
      </Stack>
      <Box sx={{ height: 2 }}>{loading && <LinearProgress aria-label="Loading projects" />}</Box>
      {error && (
        <Alert severity="error" sx={{ m: 1.5 }}>
          {error.message}
        </Alert>
      )}
      {projects && projects.length === 0 && (
        <Typography color="text.secondary" sx={{ px: 2, py: 3 }}>
          No projects yet. Create one to start adding subjects.
        </Typography>
      )}
      <List dense aria-label="Projects" sx={{ overflow: 'auto', py: 0 }} data-testid="project-list">
        {projects?.map((project) => (
          <ListItemButton
            key={project.id}
            selected={project.id === selectedId}
            aria-current={project.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(project.id)}
            sx={{ borderTop: 1, borderColor: 'divider' }}
          >
            <ListItemText primary={project.name} secondary={describe(project)} />
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}
