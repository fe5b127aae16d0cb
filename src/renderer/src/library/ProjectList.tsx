import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { isFinished } from '../../../shared/api/jobs';
import type { Project } from '../../../shared/api/projects';
import { BackupsDialog } from '../backups/BackupsDialog';
import { ImportArchiveDialog } from '../archive/ImportArchiveDialog';
import { AddIcon, MoreIcon } from '../common/icons';
import type { Demo } from './use-demo';

export interface ProjectListProps {
  projects: Project[] | undefined;
  loading: boolean;
  error: ApiError | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onCreate: () => void;
  demo: Demo;
  /** A project archive was imported as this new project. */
  onImported: (projectId: number) => void;
}

function describe(project: Project): string {
  const subjects = project.subjectCount === 1 ? '1 subject' : `${project.subjectCount} subjects`;
  return `${subjects} · ${project.defaultFps} fps`;
}

function DemoStatus({ demo }: { demo: Demo }) {
  const { job, error } = demo;
  if (error) return <Alert severity="error" sx={{ m: 1.5 }}>{error.message}</Alert>;
  if (!job) return null;
  if (!isFinished(job.status)) {
    return (
      <Box sx={{ px: 2, pb: 1.5 }} data-testid="demo-progress">
        <Typography variant="caption" color="text.secondary">
          Creating the demo project… {job.message}
        </Typography>
        <LinearProgress variant={job.status === 'queued' ? 'indeterminate' : 'determinate'} value={job.progress * 100} aria-label="Demo project progress" />
      </Box>
    );
  }
  if (job.status === 'failed' || job.status === 'interrupted') return <Alert severity="error" sx={{ m: 1.5 }}>{job.error ?? 'The demo project could not be created'}</Alert>;
  return null;
}

export function ProjectList({ projects, loading, error, selectedId, onSelect, onCreate, demo, onImported }: ProjectListProps) {
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const demoRunning = demo.job !== undefined && !isFinished(demo.job.status);
  return (
    <Paper component="section" aria-labelledby="projects-heading" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', px: 2, py: 1.5 }}>
        <Typography variant="h3" component="h2" id="projects-heading" sx={{ flex: 1 }}>
          Projects
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={onCreate} sx={{ whiteSpace: 'nowrap' }}>
          New project
        </Button>
        <IconButton aria-label="More project actions" onClick={(e) => setMenuAnchor(e.currentTarget)}>
          <MoreIcon fontSize="small" />
        </IconButton>
        <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
          <MenuItem
            disabled={demoRunning}
            onClick={() => {
              setMenuAnchor(null);
              demo.create();
            }}
          >
            Create demo project
          </MenuItem>
          <MenuItem
            onClick={() => {
              setMenuAnchor(null);
              setBackupsOpen(true);
            }}
          >
            Backups…
          </MenuItem>
          <MenuItem
            onClick={() => {
              setMenuAnchor(null);
              setImportOpen(true);
            }}
          >
            Import project archive…
          </MenuItem>
        </Menu>
        {backupsOpen && <BackupsDialog onClose={() => setBackupsOpen(false)} />}
        {importOpen && <ImportArchiveDialog onClose={() => setImportOpen(false)} onImported={onImported} />}
      </Stack>
      <DemoStatus demo={demo} />
      <Box sx={{ height: 2 }}>{loading && <LinearProgress aria-label="Loading projects" />}</Box>
      {error && (
        <Alert severity="error" sx={{ m: 1.5 }}>
          {error.message}
        </Alert>
      )}
      {projects && projects.length === 0 && (
        <Stack spacing={1.5} sx={{ px: 2, py: 3, alignItems: 'flex-start' }}>
          <Typography color="text.secondary">No projects yet. Create one to start adding subjects, or try the demo project.</Typography>
          <Button variant="outlined" onClick={demo.create} loading={demoRunning}>
            Create demo project
          </Button>
        </Stack>
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
