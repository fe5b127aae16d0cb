import { useCallback, useState } from 'react';
import type { Job } from '../../../shared/api/jobs';
import type { TrainingConfig } from '../../../shared/api/training';
import { useApiQuery } from '../api/use-api-query';
import { useMutation } from '../api/use-mutation';
import { useApi } from '../app/api-context';
import { useSettledValue } from '../dataset-import/use-settled-value';
import { useJobsContext } from '../jobs/jobs-context';
import { useStoredProjectId } from '../library/use-selected-project';
import { dataOf, formFromConfig, initialForm, launchesOf, protocolOf, withPaperSettings, withQuickCheck, type SharedConfig, type WizardForm, type WizardProblems } from './wizard-form';

export const wizardSteps = [
  { step: 'data', label: 'Data' },
  { step: 'protocol', label: 'Protocol' },
  { step: 'preprocessing', label: 'Preprocessing' },
  { step: 'model', label: 'Model' },
  { step: 'stages', label: 'Stages' },
  { step: 'ablation', label: 'Ablation' },
  { step: 'compute', label: 'Compute' },
  { step: 'review', label: 'Review' },
] as const;
export type WizardStep = (typeof wizardSteps)[number]['step'];
type ConfigSection = 'data' | 'protocol' | 'preprocessing' | 'model' | 'training';

/** Where each field is edited, to send the user back to the step of a problem. */
export function stepOfField(path: string): WizardStep {
  const section = path.split('.')[0] ?? '';
  if (section === 'projectId' || section === 'data') return 'data';
  if (section === 'protocol' || section === 'seed' || section === 'repeats') return 'protocol';
  if (section === 'preprocessing' || section === 'model') return section;
  if (section === 'backend') return 'compute';
  if (section === 'rows') return 'ablation';
  return 'stages';
}

/**
 * The Train wizard's state: the project and the configuration being edited, the data preview the
 * server makes of it, and the jobs its Launch starts (one per ablation row). It lives as long as
 * the Train page, so opening a run and coming back keeps what was typed.
 */
export function useTrainingWizard() {
  const client = useApi();
  const jobs = useJobsContext();
  const projects = useApiQuery('projects.list', {});
  const [storedId, storeProjectId] = useStoredProjectId();
  const [form, setForm] = useState<WizardForm>(initialForm);
  const [step, setStep] = useState<WizardStep>('data');
  const [problems, setProblems] = useState<WizardProblems>({});
  const [launched, setLaunched] = useState<Job[]>([]);

  const list = projects.data ?? [];
  const project = list.find((p) => p.id === form.projectId) ?? list.find((p) => p.id === storedId) ?? list[0] ?? null;
  const current: WizardForm = { ...form, projectId: project?.id ?? null };
  // The projects pooled with the run's own, in the order chosen (dataOf leaves the run's own out).
  const extraProjects = dataOf(current).extraProjectIds.flatMap((id) => list.filter((p) => p.id === id));
  const mappings = useApiQuery('mappings.list', project ? { projectId: project.id } : null);
  const annotators = useApiQuery('annotators.list', {});
  const appInfo = useApiQuery('app.info', {});
  const query = project ? { projectId: project.id, data: dataOf(current), protocol: protocolOf(current), seed: current.config.seed } : null;
  const asked = useSettledValue(query);
  const preview = useApiQuery('training.previewData', asked.value);

  const edit = (changes: Partial<WizardForm>) => {
    setForm((f) => ({ ...f, ...changes }));
    setProblems({});
  };
  const editConfig = (changes: Partial<SharedConfig>) => {
    setForm((f) => ({ ...f, config: { ...f.config, ...changes } }));
    setProblems({});
  };
  /** Changes some fields of one section of the configuration, e.g. `editSection('training', { batchSize: 8 })`. */
  const editSection = <K extends ConfigSection>(key: K, changes: Partial<SharedConfig[K]>) => {
    setForm((f) => ({ ...f, config: { ...f.config, [key]: { ...f.config[key], ...changes } } }));
    setProblems({});
  };

  const forgetLaunched = useCallback(() => setLaunched([]), []);

  /** Reads a split the Export page saved (checked by the server) into the protocol, with its class mapping. */
  const savedSplit = useMutation(async (folder: string) => {
    if (!project) return null;
    const read = await client.call('training.readSavedSplit', { projectId: project.id, path: folder });
    setForm((f) => ({ ...f, config: { ...f.config, data: { ...f.config.data, mapping: read.mapping }, protocol: { ...f.config.protocol, protocol: 'saved', saved: read.split } } }));
    setProblems({});
    return read;
  });

  const launch = useMutation(async () => {
    const built = launchesOf(current);
    if (!built.launches) {
      setProblems(built.problems);
      const first = Object.keys(built.problems)[0];
      if (first) setStep(stepOfField(first));
      return [];
    }
    const started: Job[] = [];
    for (const params of built.launches) {
      const job = await client.call('jobs.start', { kind: 'training.run', params });
      jobs.track(job);
      started.push(job);
    }
    setLaunched(started);
    return started;
  });

  return {
    projects,
    project,
    selectProject: (id: number) => {
      storeProjectId(id);
      edit({ projectId: id, coders: [], config: { ...form.config, data: { ...form.config.data, mapping: null } } });
    },
    extraProjects,
    mappings,
    annotators,
    appInfo,
    preview,
    /** The preview matches what the form says now (not an older answer). */
    previewCurrent: asked.settled && !preview.loading,
    form: current,
    edit,
    editConfig,
    editSection,
    paperSettings: () => edit(withPaperSettings(form)),
    quickCheck: () => edit(withQuickCheck(form)),
    /** Fills the wizard from a run's saved configuration. */
    load: (config: TrainingConfig) => {
      storeProjectId(config.projectId);
      edit(formFromConfig(config));
      setStep('review');
    },
    step,
    setStep,
    problems,
    launch,
    savedSplit,
    /** The jobs the last Launch started, in row order. */
    launched,
    forgetLaunched,
  };
}

export type TrainingWizard = ReturnType<typeof useTrainingWizard>;
