import { useEffect, useRef, useState } from 'react';
import { useApiQuery } from '../api/use-api-query';
import { hrefOf, useHashId } from '../app/use-hash-route';
import { useJobsContext } from '../jobs/jobs-context';
import { useStoredProjectId } from '../library/use-selected-project';

export type ResultsTab = 'run' | 'compare' | 'ablation';

/**
 * The Results page's state: the project, its runs (re-read whenever a training job starts or
 * ends), the run open (`#/results/<runId>`, else the newest), the runs ticked for comparison and
 * the ablation group shown.
 */
export function useResults() {
  const projects = useApiQuery('projects.list', {});
  const [storedId, storeProject] = useStoredProjectId();
  const project = (projects.data ?? []).find((p) => p.id === storedId) ?? projects.data?.[0] ?? null;
  const runs = useApiQuery('training.runs.list', project ? { projectId: project.id } : null);
  const jobs = useJobsContext();
  const trainingJobs = jobs.jobs.filter((j) => j.kind === 'training.run');
  const trainingKey = trainingJobs.map((j) => `${j.id}:${j.status}`).join(',');
  const { reload } = runs;
  const seenKey = useRef(trainingKey);
  useEffect(() => {
    if (seenKey.current === trainingKey) return;
    seenKey.current = trainingKey;
    reload();
  }, [trainingKey, reload]);

  const hashRunId = useHashId();
  const list = runs.data ?? [];
  const openRunId = hashRunId ?? list[0]?.id ?? null;
  const [tab, setTab] = useState<ResultsTab>('run');
  const [checked, setChecked] = useState<number[]>([]);
  const groups = [...new Set(list.flatMap((r) => (r.group === null ? [] : [r.group])))];
  const [chosenGroup, setGroup] = useState<string | null>(null);
  const group = chosenGroup !== null && groups.includes(chosenGroup) ? chosenGroup : (groups[0] ?? null);

  /** A key that changes as the job of a running run makes progress (about every 5 %), to re-read it. */
  const liveKey = (jobId: number | null) => {
    const job = trainingJobs.find((j) => j.id === jobId);
    return job ? `${job.status}:${Math.floor(job.progress * 20)}` : '';
  };

  return {
    projects,
    project,
    selectProject: (id: number) => {
      storeProject(id);
      setChecked([]);
      setGroup(null);
      window.location.hash = hrefOf('results');
    },
    runs,
    openRunId,
    openRun: (id: number) => {
      window.location.hash = hrefOf('results', id);
      setTab('run');
    },
    tab,
    setTab,
    checked: checked.filter((id) => list.some((r) => r.id === id)),
    toggleChecked: (id: number) => setChecked((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id])),
    groups,
    group,
    openGroup: (g: string) => {
      setGroup(g);
      setTab('ablation');
    },
    liveKey,
  };
}

export type Results = ReturnType<typeof useResults>;
