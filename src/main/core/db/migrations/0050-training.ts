import type { Migration } from '../migrate';

/**
 * Training runs: the whole configuration of each run, per-epoch curves, per-fold results and
 * per-sample test predictions. Weights and optimiser state live on disk (`runs/<id>/`), written
 * before the epoch's row, so a row always has its checkpoint.
 */
export const training: Migration = {
  version: 50,
  name: 'training',
  up(db) {
    db.exec(`
      CREATE TABLE training_runs (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        -- Runs launched together (an ablation matrix) share a group name.
        group_name TEXT,
        status TEXT NOT NULL CHECK (status IN ('running','succeeded','failed','cancelled','interrupted')),
        config TEXT NOT NULL CHECK (json_valid(config)),
        classes TEXT NOT NULL CHECK (json_valid(classes)),
        backend TEXT CHECK (backend IS NULL OR json_valid(backend)),
        message TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX training_runs_project ON training_runs(project_id, id);

      CREATE TABLE training_epochs (
        run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
        fold INTEGER NOT NULL,
        stage INTEGER NOT NULL,
        epoch INTEGER NOT NULL,
        losses TEXT NOT NULL CHECK (json_valid(losses)),
        train_accuracy REAL,
        validation_accuracy REAL,
        seconds REAL NOT NULL,
        PRIMARY KEY (run_id, fold, stage, epoch)
      ) STRICT;

      CREATE TABLE training_folds (
        run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
        fold INTEGER NOT NULL,
        result TEXT NOT NULL CHECK (json_valid(result)),
        PRIMARY KEY (run_id, fold)
      ) STRICT;

      -- Events may be deleted after a run; the prediction keeps the id it was made for.
      CREATE TABLE training_predictions (
        run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
        fold INTEGER NOT NULL,
        event_id INTEGER NOT NULL,
        subject TEXT NOT NULL,
        true_class INTEGER NOT NULL,
        predicted_class INTEGER NOT NULL,
        probabilities TEXT NOT NULL CHECK (json_valid(probabilities)),
        PRIMARY KEY (run_id, event_id)
      ) STRICT;
    `);
  },
};
