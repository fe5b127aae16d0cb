import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { JobCard } from '../jobs/JobCard';
import { ReportView } from './ReportView';
import type { DatasetImport } from './use-dataset-import';

/** Step 4: the import job as it runs (cancellable), then its report. */
export function ImportStep({ wizard }: { wizard: DatasetImport }) {
  const { job, jobReport, jobError } = wizard;
  return (
    <Stack spacing={2}>
      {job && (
        <Stack component="ul" sx={{ m: 0, p: 0 }} aria-label="Import job">
          <JobCard job={job} cancelling={wizard.cancelling} onCancel={() => void wizard.cancelJob()} />
        </Stack>
      )}
      {jobError && (
        <Alert severity="error" role="alert">
          {jobError.message}
        </Alert>
      )}
      {job?.status === 'cancelled' && <Alert severity="info">Cancelled: nothing was imported.</Alert>}
      {job?.status === 'running' && (
        <Alert severity="info" variant="outlined">
          The import runs as a job: it goes on if you close this window, and the Jobs panel follows it. The project changes only once every clip’s frames
          are read; a cancel leaves it as it was.
        </Alert>
      )}
      {jobReport && (
        <>
          {jobReport.reportId !== null && (
            <Alert severity="success" data-testid="report-saved">
              Imported. The report is saved with the project as import report #{jobReport.reportId}: reopen it any time with “Import reports” in the Library.
            </Alert>
          )}
          <ReportView report={jobReport} kind="report" />
        </>
      )}
    </Stack>
  );
}
