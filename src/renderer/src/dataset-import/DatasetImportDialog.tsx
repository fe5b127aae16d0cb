import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Project } from '../../../shared/api/projects';
import { useFileBrowser } from '../import/use-file-browser';
import { ColumnsStep } from './ColumnsStep';
import { ImportStep } from './ImportStep';
import { ReportView } from './ReportView';
import { SourceStep } from './SourceStep';
import { useDatasetImport, type DatasetImport, type WizardStep } from './use-dataset-import';

const steps: { step: WizardStep; label: string }[] = [
  { step: 'source', label: 'Dataset and sheet' },
  { step: 'columns', label: 'Columns' },
  { step: 'preview', label: 'Preview' },
  { step: 'import', label: 'Import and report' },
];

/** Fields each step shows the server's messages next to; other messages go above the step. */
const shownAt: Record<WizardStep, readonly string[]> = { source: ['root', 'sheet', 'format', 'fps'], columns: ['generic'], preview: [], import: [] };

function stepMessage(error: ApiError | null, step: WizardStep): string | undefined {
  if (!error) return undefined;
  const issues = error.issues ?? [];
  return issues.length > 0 && issues.every((i) => shownAt[step].includes(i.path)) ? undefined : error.message;
}

/** Whether the user may go on from this step, and where to. */
function nextOf(wizard: DatasetImport): { to: WizardStep; ready: boolean } | null {
  const { step, generic, report, blocked } = wizard;
  if (step === 'source' && generic) return { to: 'columns', ready: wizard.fields.root.trim() !== '' && wizard.fields.sheet.trim() !== '' };
  if (step === 'source' || step === 'columns') return { to: 'preview', ready: report !== null && blocked === null };
  return null;
}

function StepBody({ wizard, project, browser }: { wizard: DatasetImport; project: Project; browser: ReturnType<typeof useFileBrowser> }) {
  switch (wizard.step) {
    case 'source':
      return <SourceStep wizard={wizard} browser={browser} defaultFps={project.defaultFps} />;
    case 'columns':
      return <ColumnsStep wizard={wizard} />;
    case 'preview':
      return wizard.report ? <ReportView report={wizard.report} kind="preview" /> : <Typography color="text.secondary">Reading the sheet…</Typography>;
    case 'import':
      return <ImportStep wizard={wizard} />;
  }
}

/** The dataset import wizard: choose the dataset, map an unknown sheet, preview, import as a job, read the report. */
export function DatasetImportDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const titleId = useId();
  const wizard = useDatasetImport(project.id);
  const browser = useFileBrowser();
  const { step, setStep, report } = wizard;
  const next = nextOf(wizard);
  const message = stepMessage(wizard.previewError, step) ?? (step === 'preview' ? wizard.start.error?.message : undefined);
  const shown = steps.filter((s) => s.step !== 'columns' || wizard.generic);
  const importable = report?.counts.imported ?? 0;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>Import a dataset into “{project.name}”</DialogTitle>
      <Stepper activeStep={shown.findIndex((s) => s.step === step)} sx={{ px: 3, pb: 2 }}>
        {shown.map((s) => (
          <Step key={s.step}>
            <StepLabel>{s.label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <DialogContent dividers>
        {message && step !== 'import' && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {message}
          </Alert>
        )}
        <StepBody wizard={wizard} project={project} browser={browser} />
      </DialogContent>
      <DialogActions>
        {step !== 'import' && wizard.blocked && (
          <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto', ml: 1 }}>
            {wizard.blocked}
          </Typography>
        )}
        {step === 'import' ? (
          <Button variant="contained" onClick={onClose}>
            Close
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            {step !== 'source' && <Button onClick={() => setStep(step === 'preview' && wizard.generic ? 'columns' : 'source')}>Back</Button>}
            {next && (
              <Button variant="contained" disabled={!next.ready} onClick={() => setStep(next.to)}>
                Next
              </Button>
            )}
            {step === 'preview' && (
              <Button variant="contained" disabled={importable === 0} loading={wizard.start.pending} onClick={() => void wizard.start.run()}>
                Import {importable} {importable === 1 ? 'row' : 'rows'}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
