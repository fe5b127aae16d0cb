import Button from '@mui/material/Button';
import { useState } from 'react';
import type { Project } from '../../../shared/api/projects';
import { HistoryIcon, ImportIcon } from '../common/icons';
import { DatasetImportDialog } from './DatasetImportDialog';
import { ImportReportsDialog } from './ImportReportsDialog';

/** The Library's way in: import a public (or described) dataset, and reopen the reports of earlier imports. */
export function DatasetImportButtons({ project }: { project: Project }) {
  const [open, setOpen] = useState<'wizard' | 'reports' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Button variant="outlined" startIcon={<HistoryIcon />} onClick={() => setOpen('reports')}>
        Import reports
      </Button>
      <Button variant="contained" startIcon={<ImportIcon />} onClick={() => setOpen('wizard')}>
        Import dataset…
      </Button>
      {open === 'wizard' && <DatasetImportDialog project={project} onClose={close} />}
      {open === 'reports' && <ImportReportsDialog project={project} onClose={close} />}
    </>
  );
}
