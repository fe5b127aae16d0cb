import { useState } from 'react';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery } from '../api/use-api-query';
import { paramFromHash } from '../app/use-hash-route';
import { useStoredProjectId } from '../library/use-selected-project';

/** The report's scope (project, one recording or all, a coder pair or every pair) and the report. */
export function useAgreement() {
  const projects = useApiQuery('projects.list', {});
  const [storedId, selectProject] = useStoredProjectId();
  // A link from the Label page names the project and recording (`#/agreement?project=1&recording=3`).
  const [choice, setChoice] = useState<number | null>(() => paramFromHash(window.location.hash, 'project'));
  const wanted = choice ?? storedId;
  const list = projects.data ?? [];
  const project = list.find((p) => p.id === wanted) ?? list[0] ?? null;
  const [recordingId, setRecordingId] = useState<number | null>(() => paramFromHash(window.location.hash, 'recording'));
  const [coderA, setCoderA] = useState<number | null>(null);
  const [coderB, setCoderB] = useState<number | null>(null);
  const recordings = useApiQuery('recordings.list', project ? { projectId: project.id } : null);
  const annotators = useApiQuery('annotators.list', {});
  const pair = coderA !== null && coderB !== null && coderA !== coderB ? [coderA, coderB] : undefined;
  const report = useApiQuery(
    'agreement.report',
    project ? { projectId: project.id, ...(recordingId !== null ? { recordingId } : {}), ...(pair ? { annotatorIds: pair } : {}) } : null,
  );
  useApiEvent('events.changed', (p) => {
    if (project && p.projectId === project.id) report.reload();
  });
  useApiEvent('annotators.changed', () => annotators.reload());
  const recordingName = (id: number) => recordings.data?.find((r) => r.id === id)?.name ?? `recording ${id}`;
  return {
    projects,
    project,
    selectProject: (id: number) => {
      setChoice(id);
      selectProject(id);
      setRecordingId(null);
    },
    recordings,
    recordingId,
    setRecordingId,
    annotators,
    coderA,
    coderB,
    setCoderA,
    setCoderB,
    /** One coder chosen but not the other (or the same twice): the report shows every pair meanwhile. */
    pairIncomplete: (coderA !== null || coderB !== null) && pair === undefined,
    report,
    recordingName,
  };
}

export type Agreement = ReturnType<typeof useAgreement>;
