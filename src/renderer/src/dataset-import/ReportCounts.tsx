import Stack from '@mui/material/Stack';
import type { ImportCounts } from '../../../shared/api/datasets';
import { Metric } from '../agreement/Metric';

/** The figures of a preview or an import: what the rows map to in the project. */
export function ReportCounts({ counts, done }: { counts: ImportCounts; done: boolean }) {
  const c = counts;
  const updated = c.updatedEvents > 0 ? ` · ${c.updatedEvents} updated` : '';
  return (
    <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1.5 }} data-testid="report-counts">
      <Metric label="Sheet rows" value={String(c.rows)} note={`${c.imported} ${done ? 'imported' : 'to import'}`} testId="count-rows" />
      <Metric label="Subjects" value={String(c.subjects)} note={`${c.newSubjects} new`} testId="count-subjects" />
      <Metric label="Recordings" value={String(c.recordings)} note={`${c.newRecordings} new · ${c.reusedRecordings} reused`} testId="count-recordings" />
      <Metric label="Events" value={String(c.events)} note={`${c.newEvents} new${updated} · ${c.unchangedEvents} unchanged`} testId="count-events" />
      <Metric label="With defects" value={String(c.flagged)} note={`${c.missingApex} without apex`} testId="count-flagged" />
      <Metric label="Skipped rows" value={String(c.skipped)} note={done ? 'not imported' : 'cannot be imported'} testId="count-skipped" />
      {c.conflicts > 0 && <Metric label="Kept project edits" value={String(c.conflicts)} note="sheet changes not applied" testId="count-conflicts" />}
    </Stack>
  );
}
