import { z } from 'zod';
import { ablationRows, TrainingConfig, type Ablation } from '../../../shared/api/training';

/** A row of the paper's Table 5 (the ablation matrix). */
export type AblationRow = 1 | 2 | 3 | 4 | 5 | 6;
export const rowNumbers: readonly AblationRow[] = [1, 2, 3, 4, 5, 6];

/** Which events a run trains on. */
export type EventsChoice = 'all' | 'unflagged' | 'consensus' | 'coders';

/** Most repeats one launch makes (each a whole run). */
export const maxRepeats = 20;

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
  /** Runs of each row with the seeds seed, seed + 1, …; more than one share a group. */
  repeats: number;
  /** '' for the suggested name. */
  name: string;
  /** '' for the suggested group (several rows or repeats only). */
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

export const initialForm: WizardForm = { projectId: null, config: defaults, events: 'all', coders: [], rows: [6], repeats: 1, name: '', group: '' };

/** MODEL.md's paper settings: Adam at 1e-4, batch 32, every lambda 0.1, 100/300 epochs for IDNet/MENet stages, 5 folds, the paper network. */
export function withPaperSettings(form: WizardForm): WizardForm {
  const { config } = form;
  return {
    ...form,
    config: {
      ...config,
      protocol: { ...config.protocol, protocol: 'kfold', folds: 5, onlyFolds: null },
      preprocessing: { ...config.preprocessing, frames: 8 },
      model: { preset: 'paper', meInput: null, idInput: null, widths: null, motionInput: null, mineProjection: false },
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
      model: { preset: 'lite', meInput: 16, idInput: 8, widths: [4, 4, 8, 8], motionInput: null, mineProjection: false },
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
  const { annotatorIds, excludeFlagged, consensusOnly } = config.data;
  const events: EventsChoice = annotatorIds !== null ? 'coders' : consensusOnly ? 'consensus' : excludeFlagged ? 'unflagged' : 'all';
  return { projectId: config.projectId, config: withoutRunFields(config), events, coders: annotatorIds ?? [], rows: [rowOf(config.ablation)], repeats: 1, name: '', group: '' };
}

/** The data section as sent: the events choice as its flags, and the other projects without the run's own. */
export function dataOf(form: Pick<WizardForm, 'projectId' | 'events' | 'coders' | 'config'>): SharedConfig['data'] {
  const { mapping, excludeFlagged } = form.config.data;
  const extraProjectIds = form.config.data.extraProjectIds.filter((id) => id !== form.projectId);
  switch (form.events) {
    case 'all':
      return { extraProjectIds, mapping, annotatorIds: null, excludeFlagged: false, consensusOnly: false };
    case 'unflagged':
      return { extraProjectIds, mapping, annotatorIds: null, excludeFlagged: true, consensusOnly: false };
    case 'consensus':
      return { extraProjectIds, mapping, annotatorIds: null, excludeFlagged, consensusOnly: true };
    case 'coders':
      return { extraProjectIds, mapping, annotatorIds: form.coders, excludeFlagged, consensusOnly: false };
  }
}

/** The protocol section as sent: a saved split chosen earlier is dropped when another protocol is picked. */
export function protocolOf(form: Pick<WizardForm, 'config'>): SharedConfig['protocol'] {
  const { protocol } = form.config;
  return protocol.protocol === 'saved' ? protocol : { ...protocol, saved: null };
}

const protocolNames = { kfold: 'k-fold', loso: 'LOSO', megc: 'MEGC', saved: 'saved split' } as const;

/** `lite LOSO`, `paper 5-fold`: what the run is, in two words. */
export function suggestedBaseName(config: SharedConfig): string {
  const { protocol, folds } = config.protocol;
  return `${config.model.preset} ${protocol === 'kfold' ? `${folds}-fold` : protocolNames[protocol]}`;
}

/** The run's name; `repeat` (0-based) adds its seed when the launch repeats each row. */
export function runNameOf(form: WizardForm, row: AblationRow, repeat = 0): string {
  const base = form.name.trim() || suggestedBaseName(form.config);
  const named = form.rows.length > 1 || form.name.trim() === '' ? `${base}, row ${row}` : base;
  return form.repeats > 1 ? `${named}, seed ${form.config.seed + repeat}` : named;
}

export function groupOf(form: WizardForm): string | undefined {
  if (form.rows.length < 2 && form.repeats < 2) return undefined;
  const kind = form.rows.length > 1 ? 'ablation' : 'repeats';
  return form.group.trim() || `${kind}: ${form.name.trim() || suggestedBaseName(form.config)}`;
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
 * The runs to launch: one per chosen ablation row and repeat (seed, seed + 1, …), each with the whole configuration, or what is
 * wrong with the form, by field (ranges are the contract's: its messages are shown as they are).
 */
export function launchesOf(form: WizardForm): { launches: TrainingLaunch[]; problems: null } | { launches: null; problems: WizardProblems } {
  const problems: WizardProblems = {};
  if (form.projectId === null) problems['projectId'] = 'choose a project';
  if (form.rows.length === 0) problems['rows'] = 'choose at least one row of the matrix';
  if (form.events === 'coders' && form.coders.length === 0) problems['data.annotatorIds'] = 'choose at least one coder';
  const repeats = Number.isInteger(form.repeats) && form.repeats >= 1 && form.repeats <= maxRepeats ? form.repeats : 0;
  if (repeats === 0) problems['repeats'] = `give a whole number of repeats from 1 to ${maxRepeats}`;
  const launches: TrainingLaunch[] = [];
  const group = groupOf(form);
  for (const row of [...form.rows].sort((a, b) => a - b)) {
    for (let repeat = 0; repeat < repeats; repeat++) {
      const config = { ...form.config, data: dataOf(form), protocol: protocolOf(form), seed: form.config.seed + repeat };
      const parsed = TrainingConfig.safeParse({ ...config, projectId: form.projectId ?? 1, ablation: ablationRows[row] });
      if (!parsed.success) {
        for (const [path, message] of Object.entries(problemsOf(parsed.error))) problems[path] ??= message;
        continue;
      }
      launches.push({ config: parsed.data, name: runNameOf(form, row, repeat), ...(group === undefined ? {} : { group }) });
    }
  }
  return Object.keys(problems).length > 0 ? { launches: null, problems } : { launches, problems: null };
}
