import { z } from 'zod';
import { ablationRows, TrainingConfig, type Ablation } from '../../../shared/api/training';

/** A row of the paper's Table 5 (the ablation matrix). */
export type AblationRow = 1 | 2 | 3 | 4 | 5 | 6;
export const rowNumbers: readonly AblationRow[] = [1, 2, 3, 4, 5, 6];

/** Which events a run trains on. */
export type EventsChoice = 'all' | 'unflagged' | 'coders';

/** Everything a run's configuration holds except the project and the ablation switches (those vary per launch). */
export type SharedConfig = Omit<TrainingConfig, 'projectId' | 'ablation'>;

export interface WizardForm {
  projectId: number | null;
  config: SharedConfig;
  events: EventsChoice;
  /** The coders whose events count when `events` is 'coders'. */
  coders: number[];
  /** One row: one run. Several: one run per row, sharing a group. */
  rows: AblationRow[];
  /** '' for the suggested name. */
  name: string;
  /** '' for the suggested group (several rows only). */
  group: string;
}

export interface TrainingLaunch {
  config: TrainingConfig;
  name: string;
  group?: string;
}

/** Field path (as zod reports it, e.g. `training.epochs.1`) → what is wrong there. */
export type WizardProblems = Record<string, string>;

function withoutRunFields(config: TrainingConfig): SharedConfig {
  const { projectId: _projectId, ablation: _ablation, ...shared } = config;
  return shared;
}

const defaults = withoutRunFields(TrainingConfig.parse({ projectId: 1 }));

export const initialForm: WizardForm = { projectId: null, config: defaults, events: 'all', coders: [], rows: [6], name: '', group: '' };

/** MODEL.md's paper settings: Adam at 1e-4, batch 32, every lambda 0.1, 100/300 epochs for IDNet/MENet stages, 5 folds, the paper network. */
export function withPaperSettings(form: WizardForm): WizardForm {
  const { config } = form;
  return {
    ...form,
    config: {
      ...config,
      protocol: { ...config.protocol, protocol: 'kfold', folds: 5, onlyFolds: null },
      preprocessing: { ...config.preprocessing, frames: 8 },
      model: { preset: 'paper', meInput: null, idInput: null, widths: null, mineProjection: false },
      training: { ...config.training, epochs: [100, 300, 100, 300], learningRate: 1e-4, batchSize: 32, lambdaDiv: 0.1, lambdaMiMe: 0.1, lambdaMiId: 0.1 },
    },
  };
}

/**
 * A configuration that trains in seconds on a CPU, to check data and pipeline end to end: the
 * lite layer structure at 16 x 16 (MENet) and 8 x 8 (IDNet), 4 frames, one epoch per stage.
 */
export function withQuickCheck(form: WizardForm): WizardForm {
  const { config } = form;
  return {
    ...form,
    config: {
      ...config,
      preprocessing: { ...config.preprocessing, frames: 4 },
      model: { preset: 'lite', meInput: 16, idInput: 8, widths: [4, 4, 8, 8], mineProjection: false },
      training: { ...config.training, epochs: [1, 1, 1, 1], learningRate: 0.01, batchSize: 4 },
    },
  };
}

/** The Table 5 row with these switches (every valid combination is one). */
export function rowOf(ablation: Ablation): AblationRow {
  return rowNumbers.find((row) => {
    const r = ablationRows[row];
    return r.dao === ablation.dao && r.divergence === ablation.divergence && r.decoupling === ablation.decoupling;
  })!;
}

/** The wizard filled from a run's saved configuration ("Clone into wizard"). */
export function formFromConfig(config: TrainingConfig): WizardForm {
  const { annotatorIds, excludeFlagged } = config.data;
  const events: EventsChoice = annotatorIds !== null ? 'coders' : excludeFlagged ? 'unflagged' : 'all';
  return { projectId: config.projectId, config: withoutRunFields(config), events, coders: annotatorIds ?? [], rows: [rowOf(config.ablation)], name: '', group: '' };
}

export function dataOf(form: Pick<WizardForm, 'events' | 'coders' | 'config'>): SharedConfig['data'] {
  const { mapping, excludeFlagged } = form.config.data;
  switch (form.events) {
    case 'all':
      return { mapping, annotatorIds: null, excludeFlagged: false };
    case 'unflagged':
      return { mapping, annotatorIds: null, excludeFlagged: true };
    case 'coders':
      return { mapping, annotatorIds: form.coders, excludeFlagged };
  }
}

const protocolNames = { kfold: 'k-fold', loso: 'LOSO', megc: 'MEGC' } as const;

/** `lite LOSO`, `paper 5-fold`: what the run is, in two words. */
export function suggestedBaseName(config: SharedConfig): string {
  const { protocol, folds } = config.protocol;
  return `${config.model.preset} ${protocol === 'kfold' ? `${folds}-fold` : protocolNames[protocol]}`;
}

export function runNameOf(form: WizardForm, row: AblationRow): string {
  const base = form.name.trim() || suggestedBaseName(form.config);
  return form.rows.length > 1 || form.name.trim() === '' ? `${base}, row ${row}` : base;
}

export function groupOf(form: WizardForm): string | undefined {
  if (form.rows.length < 2) return undefined;
  return form.group.trim() || `ablation: ${form.name.trim() || suggestedBaseName(form.config)}`;
}

function problemsOf(error: z.ZodError): WizardProblems {
  const problems: WizardProblems = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    problems[path] ??= issue.message;
  }
  return problems;
}

/**
 * The runs to launch: one per chosen ablation row, each with the whole configuration, or what is
 * wrong with the form, by field (ranges are the contract's: its messages are shown as they are).
 */
export function launchesOf(form: WizardForm): { launches: TrainingLaunch[]; problems: null } | { launches: null; problems: WizardProblems } {
  const problems: WizardProblems = {};
  if (form.projectId === null) problems['projectId'] = 'choose a project';
  if (form.rows.length === 0) problems['rows'] = 'choose at least one row of the matrix';
  if (form.events === 'coders' && form.coders.length === 0) problems['data.annotatorIds'] = 'choose at least one coder';
  const launches: TrainingLaunch[] = [];
  for (const row of [...form.rows].sort((a, b) => a - b)) {
    const parsed = TrainingConfig.safeParse({ ...form.config, data: dataOf(form), projectId: form.projectId ?? 1, ablation: ablationRows[row] });
    if (!parsed.success) {
      for (const [path, message] of Object.entries(problemsOf(parsed.error))) problems[path] ??= message;
      continue;
    }
    const group = groupOf(form);
    launches.push({ config: parsed.data, name: runNameOf(form, row), ...(group === undefined ? {} : { group }) });
  }
  return Object.keys(problems).length > 0 ? { launches: null, problems } : { launches, problems: null };
}
