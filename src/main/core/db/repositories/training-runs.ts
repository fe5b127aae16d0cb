import { FoldResult, TrainingConfig, type EpochRecord, type RunBackend, type Run, type RunStatus, type RunSummary } from '../../../../shared/api/training';
import type { Db } from '../connection';

interface RunRow {
  id: number;
  project_id: number;
  job_id: number | null;
  name: string;
  group_name: string | null;
  status: RunStatus;
  config: string;
  classes: string;
  backend: string | null;
  message: string;
  created_at: string;
  finished_at: string | null;
}

/**
 * A stored run's configuration. Runs stored before MENet's input became a choice have no
 * `model.motionInput` (later ones always have the key, null or not): they saw frames, whatever
 * their preset says now. Read here, this holds for runs from backups and archives too.
 */
function storedConfig(json: string): TrainingConfig {
  const raw = JSON.parse(json) as { model?: Record<string, unknown> };
  const model = (raw.model ??= {});
  if (!('motionInput' in model)) model['motionInput'] = 'frames';
  return TrainingConfig.parse(raw);
}

interface EpochRow {
  fold: number;
  stage: number;
  epoch: number;
  losses: string;
  train_accuracy: number | null;
  validation_accuracy: number | null;
  seconds: number;
}

export interface Prediction {
  fold: number;
  eventId: number;
  subject: string;
  trueClass: number;
  predictedClass: number;
  probabilities: number[];
}

const columns = 'id, project_id, job_id, name, group_name, status, config, classes, backend, message, created_at, finished_at';

function toSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    projectId: row.project_id,
    jobId: row.job_id,
    name: row.name,
    group: row.group_name,
    status: row.status,
    classes: JSON.parse(row.classes) as string[],
    backend: row.backend === null ? null : (JSON.parse(row.backend) as RunBackend),
    message: row.message,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    pooled: null,
  };
}

/** Training runs with their curves, fold results and predictions: all the SQL of training. */
export function createTrainingRunsRepository(db: Db) {
  const now = () => new Date().toISOString();
  const getRow = db.prepare<[number], RunRow>(`SELECT ${columns} FROM training_runs WHERE id = ?`);
  const foldRows = db.prepare<[number], { result: string }>(`SELECT result FROM training_folds WHERE run_id = ? ORDER BY fold`);

  return {
    create(input: { projectId: number; jobId: number | null; name: string; group: string | null; config: TrainingConfig; classes: string[] }): number {
      const info = db
        .prepare(`INSERT INTO training_runs (project_id, job_id, name, group_name, status, config, classes, created_at) VALUES (?, ?, ?, ?, 'running', ?, ?, ?)`)
        .run(input.projectId, input.jobId, input.name, input.group, JSON.stringify(input.config), JSON.stringify(input.classes), now());
      return Number(info.lastInsertRowid);
    },

    /** The run with its fold results; `pooled` is left null for the caller, which computes metrics. */
    get(id: number): Run | null {
      const row = getRow.get(id);
      if (!row) return null;
      const folds = foldRows.all(id).map((r) => FoldResult.parse(JSON.parse(r.result)));
      return { ...toSummary(row), config: storedConfig(row.config), folds };
    },

    list(projectId: number): RunSummary[] {
      return db.prepare<[number], RunRow>(`SELECT ${columns} FROM training_runs WHERE project_id = ? ORDER BY id DESC`).all(projectId).map(toSummary);
    },

    setClasses(id: number, classes: readonly string[]): void {
      db.prepare(`UPDATE training_runs SET classes = ? WHERE id = ?`).run(JSON.stringify(classes), id);
    },

    setBackend(id: number, backend: RunBackend): void {
      db.prepare(`UPDATE training_runs SET backend = ? WHERE id = ?`).run(JSON.stringify(backend), id);
    },

    setJob(id: number, jobId: number | null): void {
      db.prepare(`UPDATE training_runs SET job_id = ?, status = 'running', finished_at = NULL WHERE id = ?`).run(jobId, id);
    },

    finish(id: number, status: Exclude<RunStatus, 'running'>, message: string): void {
      db.prepare(`UPDATE training_runs SET status = ?, message = ?, finished_at = ? WHERE id = ?`).run(status, message, now(), id);
    },

    /** Every run's id, of every project (the run folders that may stay on disk). */
    ids(): Set<number> {
      return new Set(db.prepare<[], { id: number }>(`SELECT id FROM training_runs`).all().map((r) => r.id));
    },

    /** Runs left 'running' by a process that died (called at start-up, like interrupted jobs). */
    interruptRunning(): number {
      return db.prepare(`UPDATE training_runs SET status = 'interrupted', message = 'The process running it stopped; resume it to continue from the last checkpoint', finished_at = ? WHERE status = 'running'`).run(now()).changes;
    },

    /** Replaces an epoch's row: a resumed run may repeat the epoch a crash interrupted. */
    saveEpoch(runId: number, e: EpochRecord): void {
      db.prepare(
        `INSERT OR REPLACE INTO training_epochs (run_id, fold, stage, epoch, losses, train_accuracy, validation_accuracy, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(runId, e.fold, e.stage, e.epoch, JSON.stringify(e.losses), e.trainAccuracy, e.validationAccuracy, e.seconds);
    },

    epochs(runId: number): EpochRecord[] {
      return db
        .prepare<[number], EpochRow>(`SELECT fold, stage, epoch, losses, train_accuracy, validation_accuracy, seconds FROM training_epochs WHERE run_id = ? ORDER BY fold, stage, epoch`)
        .all(runId)
        .map((r) => ({ fold: r.fold, stage: r.stage, epoch: r.epoch, losses: JSON.parse(r.losses) as Record<string, number>, trainAccuracy: r.train_accuracy, validationAccuracy: r.validation_accuracy, seconds: r.seconds }));
    },

    /** A fold's result and its test predictions, in one transaction. */
    saveFold(runId: number, result: FoldResult, predictions: readonly Prediction[]): void {
      db.transaction(() => {
        db.prepare(`INSERT OR REPLACE INTO training_folds (run_id, fold, result) VALUES (?, ?, ?)`).run(runId, result.fold, JSON.stringify(result));
        db.prepare(`DELETE FROM training_predictions WHERE run_id = ? AND fold = ?`).run(runId, result.fold);
        const insert = db.prepare(
          `INSERT INTO training_predictions (run_id, fold, event_id, subject, true_class, predicted_class, probabilities) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const p of predictions) insert.run(runId, p.fold, p.eventId, p.subject, p.trueClass, p.predictedClass, JSON.stringify(p.probabilities));
      })();
    },

    predictions(runId: number): Prediction[] {
      return db
        .prepare<[number], { fold: number; event_id: number; subject: string; true_class: number; predicted_class: number; probabilities: string }>(
          `SELECT fold, event_id, subject, true_class, predicted_class, probabilities FROM training_predictions WHERE run_id = ? ORDER BY fold, event_id`,
        )
        .all(runId)
        .map((r) => ({ fold: r.fold, eventId: r.event_id, subject: r.subject, trueClass: r.true_class, predictedClass: r.predicted_class, probabilities: JSON.parse(r.probabilities) as number[] }));
    },
  };
}

export type TrainingRunsRepository = ReturnType<typeof createTrainingRunsRepository>;
