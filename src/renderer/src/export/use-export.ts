import { useState } from 'react';
import { isFinished } from '../../../shared/api/jobs';
import { useApiQuery } from '../api/use-api-query';
import { useCallMutation } from '../api/use-call-mutation';
import { useFileBrowser } from '../import/use-file-browser';
import { useJobsContext } from '../jobs/jobs-context';
import { useStoredProjectId } from '../library/use-selected-project';
import { exportParams, initialForm, suggestedFolderName, type ExportForm, type FormProblems } from './export-params';

/**
 * The Export page's state: the project, what to export and how to split it, where it goes, and
 * the export job it started. After a reload it follows an export job still running.
 */
export function useExport() {
  const projects = useApiQuery('projects.list', {});
  const [storedId, selectProject] = useStoredProjectId();
  const project = (projects.data ?? []).find((p) => p.id === storedId) ?? projects.data?.[0] ?? null;
  const mappings = useApiQuery('mappings.list', project ? { projectId: project.id } : null);
  const annotators = useApiQuery('annotators.list', {});
  const browser = useFileBrowser('mer.export.lastDir');
  const jobs = useJobsContext();
  const startJob = useCallMutation('jobs.start');
  const [form, setForm] = useState<ExportForm>(initialForm);
  const [problems, setProblems] = useState<FormProblems>({});
  const [jobId, setJobId] = useState<number | null>(null);

  const update = (changes: Partial<ExportForm>) => {
    setForm((current) => ({ ...current, ...changes }));
    setProblems({});
    startJob.reset();
  };
  // After a reload, follow the export still running (and keep showing it once it ends).
  const runningExport = jobs.jobs.find((j) => j.kind === 'datasets.export' && !isFinished(j.status));
  if (jobId === null && runningExport) setJobId(runningExport.id);
  const job = jobs.jobs.find((j) => j.id === jobId) ?? null;
  const running = job !== null && !isFinished(job.status);
  const parentDir = browser.listing?.dir ?? null;
  const mapping = mappings.data?.find((m) => m.key === form.mappingKey);

  const start = async () => {
    if (!project) return;
    const built = exportParams(project.id, project.name, { ...form, parentDir });
    setProblems(built.problems ?? {});
    if (!built.params) return;
    const outcome = await startJob.run({ kind: 'datasets.export', params: built.params });
    if (!outcome.ok) return;
    jobs.track(outcome.value);
    setJobId(outcome.value.id);
  };

  return {
    projects,
    project,
    selectProject: (id: number) => {
      selectProject(id);
      update({ mappingKey: '', annotatorIds: [] });
    },
    mappings,
    mapping,
    annotators,
    browser,
    form,
    update,
    folderName: form.folderName ?? (project ? suggestedFolderName(project.name, form) : ''),
    parentDir,
    problems,
    /** The server's refusal of the parameters (field issues) or of the start. */
    startError: startJob.error,
    starting: startJob.pending,
    start,
    job,
    running,
    cancel: jobs.cancel,
  };
}

export type Export = ReturnType<typeof useExport>;
