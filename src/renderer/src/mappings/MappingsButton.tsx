import Button from '@mui/material/Button';
import { useState } from 'react';
import type { Project } from '../../../shared/api/projects';
import { MappingsDialog } from './MappingsDialog';

/** Opens the project's label sets and class mappings. */
export function MappingsButton({ project }: { project: Project }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        Label sets and mappings…
      </Button>
      {open && <MappingsDialog project={project} onClose={() => setOpen(false)} />}
    </>
  );
}
