import { readFileSync } from 'node:fs';
import { TrainingConfig, type Run } from '../../shared/api/training';
import { createProjectsRepository } from '../core/db/repositories/projects';
import { createTrainingRunsRepository } from '../core/db/repositories/training-runs';
import path from 'node:path';
import { predictWithRun } from '../ml/train/predict';
import { pooledSoFar } from '../ml/train/run-training';
import type { Session } from './data-access';
import { runLocalJob } from './local-job';

export interface TrainArgs {
  project: string | undefined;
  preset: string | undefined;
  config: string | undefined;
  protocol: string | undefined;
  folds: string | undefined;
  seed: string | undefined;
  epochsScale: string | undefined;
  backend: string | undefined;
  resume: string | undefined;
}

const number = (flag: string, value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${flag} must be a number, not "${value}"`);
  return n;
};

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the config file ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`The config file ${file} is not JSON`, { cause: error });
  }
}

/** The run configuration from a file, a preset and the flags (flags win), validated. */
export function configFromArgs(session: Session, args: TrainArgs): TrainingConfig {
  if (!args.project) throw new Error('train needs --project NAME (or --resume RUN)');
  const project = createProjectsRepository(session.db).findByName(args.project);
  if (!project) throw new Error(`There is no project named "${args.project}"`);
  const base = args.config ? readConfigFile(args.config) : {};
  const section = (key: string) => ({ ...((base[key] as object | undefined) ?? {}) }) as Record<string, unknown>;
  const model = section('model');
  const protocol = section('protocol');
  const training = section('training');
  if (args.preset) model['preset'] = args.preset;
  if (args.protocol) protocol['protocol'] = args.protocol;
  if (args.folds) protocol['folds'] = number('--folds', args.folds);
  const parsed = TrainingConfig.safeParse({
    ...base,
    projectId: project.id,
    model,
    protocol,
    training,
    ...(args.seed ? { seed: number('--seed', args.seed) } : {}),
    ...(args.backend ? { backend: args.backend } : {}),
  });
  if (!parsed.success) throw new Error(`The training configuration is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ')}`);
  const config = parsed.data;
  if (args.epochsScale) {
    const scale = number('--epochs-scale', args.epochsScale);
    if (scale <= 0) throw new Error('--epochs-scale must be above 0');
    const scaled = config.training.epochs.map((e) => (e === 0 ? 0 : Math.max(1, Math.round(e * scale)))) as TrainingConfig['training']['epochs'];
    config.training = { ...config.training, epochs: scaled };
  }
  return config;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** The results table of a run: each fold, then pooled (MEGC 2019), then the confusion matrix. */
export function resultsTable(run: Run): string[] {
  const lines = [`Run ${run.id} "${run.name}" (${run.status}) on ${run.backend?.name ?? '?'}; classes: ${run.classes.join(', ')}`];
  lines.push('fold                      test  accuracy    UF1     UAR   chosen epoch');
  for (const f of run.folds) lines.push(`${f.name.padEnd(24)} ${String(f.testSamples).padStart(5)}    ${pct(f.metrics.accuracy)}  ${pct(f.metrics.uf1)}  ${pct(f.metrics.uar)}   ${f.chosenEpoch}`);
  if (run.pooled) {
    lines.push(`${'pooled'.padEnd(24)} ${String(run.pooled.samples).padStart(5)}    ${pct(run.pooled.accuracy)}  ${pct(run.pooled.uf1)}  ${pct(run.pooled.uar)}`);
    lines.push('confusion (rows: true, columns: predicted):');
    run.pooled.confusion.forEach((row, i) => lines.push(`  ${run.classes[i]!.padEnd(12)} ${row.map((n) => String(n).padStart(5)).join('')}`));
  }
  return lines;
}

export function loadRun(session: Session, runId: number): Run {
  const run = createTrainingRunsRepository(session.db).get(runId);
  if (!run) throw new Error(`There is no training run ${runId}`);
  return { ...run, pooled: pooledSoFar(session.db, runId, run.classes) };
}

/** Trains (or resumes) a run headless, prints the results table, and returns the line scripts check. */
export async function trainCommand(session: Session, args: TrainArgs, signal: AbortSignal, write: (line: string) => void): Promise<object> {
  const params = args.resume ? { resumeRunId: number('--resume', args.resume) } : { config: configFromArgs(session, args) };
  const { result, message } = await runLocalJob(session.dataDir, 'training.run', params, signal);
  write(message);
  const r = result as { runId: number; backend: string; accuracy: number | null; uf1: number | null; uar: number | null };
  for (const line of resultsTable(loadRun(session, r.runId))) write(line);
  return { run: r.runId, backend: r.backend, accuracy: r.accuracy, uf1: r.uf1, uar: r.uar };
}

/** Predicts the run's events with its fold models; one line per event, then the summary. */
export async function predictCommand(session: Session, runId: number, signal: AbortSignal, write: (line: string) => void): Promise<object> {
  const out = await predictWithRun({ db: session.db, dataDir: session.dataDir, mediaRoot: path.join(session.dataDir, 'media'), tools: {}, signal }, runId);
  write(`event\tsubject\tlabel\tpredicted\t${out.classes.join('\t')}`);
  for (const p of out.predictions) write([p.eventId, p.subject, p.label, p.predicted, ...p.probabilities.map((v) => v.toFixed(3))].join('\t'));
  const agreeing = out.predictions.filter((p) => p.predicted.toLowerCase() === p.label.toLowerCase()).length;
  return { run: runId, models: out.models, events: out.predictions.length, agreement: out.predictions.length ? agreeing / out.predictions.length : null };
}
