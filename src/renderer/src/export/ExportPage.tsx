import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import { formMessage } from '../api/errors';
import { ExportResult } from './ExportResult';
import { OutputFields } from './OutputFields';
import { ProtocolFields } from './ProtocolFields';
import { SourceFields } from './SourceFields';
import { useExport } from './use-export';
import { NoProjectsPage } from '../common/NoProjectsPage';

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2, minWidth: 0 }}>
      <Typography variant="h3" component="h2" id={id} sx={{ mb: 2 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** Fields whose server message shows next to them rather than above the Export button. */
const shownFields = ['folds', 'seed', 'holdout', 'mapping', 'out', 'frameSize'];

/** Exports a project's labelled events as a leak-free split: manifest, fold CSVs, optionally frames. */
export function ExportPage() {
  const x = useExport();
  const [cancelling, setCancelling] = useState(false);
  const startMessage = formMessage(x.startError, shownFields);

  const cancel = async (id: number) => {
    setCancelling(true);
    await x.cancel.run(id);
    setCancelling(false);
  };

  if (x.projects.data && x.projects.data.length === 0) {
    return <NoProjectsPage title="Export" hint="create one in the Library, label events, then export them here." />;
  }
  return (
    <Stack spacing={2} data-testid="export-page">
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">Export</Typography>
        <Typography color="text.secondary">A project’s labelled events as train/test splits other tools read: no subject on both sides unless you ask for it.</Typography>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'repeat(3, minmax(0, 1fr))' }, gap: 2, alignItems: 'start' }}>
        <Part title="Events">
          <SourceFields x={x} />
        </Part>
        <Part title="Split">
          <ProtocolFields x={x} />
        </Part>
        <Part title="Output">
          <OutputFields x={x} />
        </Part>
      </Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" size="large" onClick={() => void x.start()} loading={x.starting} disabled={x.project === null || x.running}>
          Export
        </Button>
        {x.running && <Typography color="text.secondary">An export is running; it goes on if you leave this page.</Typography>}
      </Stack>
      {startMessage && (
        <Alert severity="error" role="alert">
          {startMessage}
        </Alert>
      )}
      {x.cancel.error && <Alert severity="error">{x.cancel.error.message}</Alert>}
      {x.job && <ExportResult job={x.job} cancelling={cancelling} onCancel={(id) => void cancel(id)} />}
    </Stack>
  );
}
