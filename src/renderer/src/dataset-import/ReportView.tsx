import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ImportReport } from '../../../shared/api/datasets';
import { ChangesSection } from './ChangesSection';
import { DefectsSection } from './DefectsSection';
import { ReportCounts } from './ReportCounts';
import { sourceLine } from './report-summary';
import { SkippedRows } from './SkippedRows';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {value}
      </Typography>
    </>
  );
}

export interface ReportViewProps {
  report: ImportReport;
  /** `preview`: what an import would do, with a few examples of each defect; `report`: what it did, every row. */
  kind: 'preview' | 'report';
}

/** A dataset import as the server reports it: where from, the counts, the changes, the defects and the skipped rows. */
export function ReportView({ report, kind }: ReportViewProps) {
  const done = kind === 'report' && !report.dryRun;
  return (
    <Stack spacing={2} data-testid={kind === 'preview' ? 'import-preview' : 'import-report'}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.25 }}>
        <Fact label="Dataset" value={`${report.formatName} · ${report.fps} fps`} testId="report-format" />
        <Fact label="Labels" value={sourceLine(report)} testId="report-source" />
        <Fact label="Clip folders" value={report.framesUnder ? `${report.root} › ${report.framesUnder}` : report.root} />
        <Fact label="Events by" value={`coder “${report.annotator}”`} />
      </Box>
      {report.nothingChanged && (
        <Alert severity="info" data-testid="nothing-changed">
          {done ? 'Nothing changed:' : 'Nothing to change:'} the project already holds every row of this sheet that can be imported.
        </Alert>
      )}
      <ReportCounts counts={report.counts} done={done} />
      {report.notes.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5, fontSize: 14 }} aria-label="Notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </Box>
      )}
      {report.changes.previous.length > 0 && <ChangesSection changes={report.changes} />}
      <Divider />
      <DefectsSection report={report} all={kind === 'report'} />
      <Divider />
      <SkippedRows report={report} />
      {kind === 'report' && report.sheet && (
        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: mono }}>
          Sheet SHA-256 {report.sheet.sha256}
        </Typography>
      )}
    </Stack>
  );
}
