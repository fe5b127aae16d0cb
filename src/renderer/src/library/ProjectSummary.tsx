import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Project } from '../../../shared/api/projects';
import { ExportArchiveDialog } from '../archive/ExportArchiveDialog';
import { DeleteIcon, EditIcon, MoreIcon } from '../common/icons';
import { MappingsButton } from '../mappings/MappingsButton';

export interface ProjectSummaryProps {
  project: Project;
  onEdit: () => void;
  onDelete: () => void;
}

/** The selected project's name, settings and label set, with its edit, delete and export actions. */
export function ProjectSummary({ project, onEdit, onDelete }: ProjectSummaryProps) {
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [exporting, setExporting] = useState(false);
  return (
    <Stack spacing={1.5} sx={{ px: 2, pt: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Stack sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h2" component="h2" data-testid="selected-project-name" sx={{ overflowWrap: 'anywhere' }}>
            {project.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Default frame rate {project.defaultFps} fps · created {new Date(project.createdAt).toLocaleDateString()}
          </Typography>
        </Stack>
        <Button variant="outlined" startIcon={<EditIcon />} onClick={onEdit}>
          Edit project
        </Button>
        <Button variant="outlined" color="error" startIcon={<DeleteIcon />} onClick={onDelete}>
          Delete project
        </Button>
        <IconButton aria-label={`More actions for “${project.name}”`} onClick={(e) => setMenuAnchor(e.currentTarget)}>
          <MoreIcon fontSize="small" />
        </IconButton>
        <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
          <MenuItem
            onClick={() => {
              setMenuAnchor(null);
              setExporting(true);
            }}
          >
            Export as archive…
          </MenuItem>
        </Menu>
        {exporting && <ExportArchiveDialog project={project} onClose={() => setExporting(false)} />}
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} aria-label="Label set">
        <Typography variant="body2" color="text.secondary" sx={{ mr: 0.5 }}>
          Label set
        </Typography>
        {project.labelSet.map((label) => (
          <Chip key={label} label={label} size="small" variant="outlined" />
        ))}
        <MappingsButton project={project} />
      </Stack>
    </Stack>
  );
}
