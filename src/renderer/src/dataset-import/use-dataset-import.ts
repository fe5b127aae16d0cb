import { useState } from 'react';
import { ImportReport } from '../../../shared/api/datasets';
import { fieldMessage } from '../api/errors';
import { useApiQuery } from '../api/use-api-query';
import { useMutation } from '../api/use-mutation';
import { useApi } from '../app/api-context';
import { useJobsContext } from '../jobs/jobs-context';
import { draftFor, type MappingDraft } from './column-mapping';
import { folderMismatch } from './report-summary';
import { sourceParams, type SourceFields } from './source-params';
import { useSettledValue } from './use-settled-value';

export type WizardStep = 'source' | 'columns' | 'preview' | 'import';

/** The fields the server may blame; anything else is shown above the step. */
export const blamedFields = ['root', 'sheet', 'format', 'fps', 'generic'] as const;
type BlamedField = (typeof blamedFields)[number];

/**
 * The dataset import wizard: where the dataset is, how its sheet reads, what importing it would
 * do (asked of the server as the fields change), and the import job it starts.
 */
export function useDatasetImport(projectId: number) {
  const client = useApi();
  const { jobs, track, cancel } = useJobsContext();
  const [fields, setFields] = useState<SourceFields>({ root: '', sheet: '', format: 'auto', fpsText: '' });
  const [chosenDraft, setDraft] = useState<MappingDraft | null>(null);
  const [step, setStep] = useState<WizardStep>('source');
  const [jobId, setJobId] = useState<number | null>(null);

  const generic = fields.format === 'generic';
  const sheetPath = fields.sheet.trim();
  const inspection = useApiQuery('datasets.inspectSheet', generic && sheetPath !== '' ? { sheet: sheetPath } : null);
  const tabs = inspection.data?.tabs ?? [];
  const tab = tabs.find((t) => t.name === chosenDraft?.tab) ?? tabs.find((t) => t.dataRows > 0) ?? tabs[0];
  // Until the user picks a column, the mapping is what the sheet's header suggests.
  const draft = chosenDraft?.tab === tab?.name && chosenDraft ? chosenDraft : draftFor(tab);

  const source = sourceParams(projectId, fields, draft);
  const asked = useSettledValue(source.ok ? source.params : null);
  const preview = useApiQuery('datasets.preview', asked.value);
  const report = source.ok && asked.settled && !preview.loading ? (preview.data ?? null) : null;
  const checking = source.ok && (!asked.settled || preview.loading);

  const blame = (field: BlamedField): string | undefined => {
    if (field === 'sheet') return fieldMessage(inspection.error, 'sheet') ?? fieldMessage(preview.error, 'sheet');
    if (field === 'root') return fieldMessage(preview.error, 'root') ?? (report ? (folderMismatch(report) ?? undefined) : undefined);
    return fieldMessage(preview.error, field);
  };

  const start = useMutation(async () => {
    if (!source.ok) throw new Error(source.blocked);
    const job = await client.call('jobs.start', { kind: 'datasets.import', params: source.params });
    track(job);
    setJobId(job.id);
    setStep('import');
    return job;
  });

  const job = jobs.find((j) => j.id === jobId) ?? null;
  const parsed = job?.status === 'succeeded' ? ImportReport.safeParse(job.result) : null;

  return {
    fields,
    setField: <K extends keyof SourceFields>(key: K, value: SourceFields[K]) => {
      setFields((current) => ({ ...current, [key]: value }));
      // Another sheet has other columns.
      if (key === 'sheet') setDraft(null);
    },
    step,
    setStep,
    generic,
    inspection,
    tab,
    draft,
    setDraft,
    /** What still blocks the preview (a field to fill in), or null. */
    blocked: source.ok ? null : source.blocked,
    checking,
    report,
    previewError: preview.error,
    blame,
    start,
    job,
    jobReport: parsed?.success ? parsed.data : null,
    cancelJob: () => (job ? cancel.run(job.id) : undefined),
    cancelling: cancel.pending,
    jobError: start.error ?? cancel.error,
  };
}

export type DatasetImport = ReturnType<typeof useDatasetImport>;
