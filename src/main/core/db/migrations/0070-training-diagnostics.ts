import type { Migration } from '../migrate';

/**
 * Decoupling diagnostics per finished fold: the identity probe before and after decoupling and the
 * DAO attention maps of a few test samples (JSON; null where the run has none). Written in the same
 * transaction as the fold's result, so a fold never has one without the other.
 */
export const trainingDiagnostics: Migration = {
  version: 70,
  name: 'training diagnostics',
  up(db) {
    db.exec(`
      CREATE TABLE training_fold_diagnostics (
        run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
        fold INTEGER NOT NULL,
        identity_before TEXT CHECK (identity_before IS NULL OR json_valid(identity_before)),
        identity_after TEXT CHECK (identity_after IS NULL OR json_valid(identity_after)),
        attention TEXT CHECK (attention IS NULL OR json_valid(attention)),
        PRIMARY KEY (run_id, fold)
      ) STRICT;
    `);
  },
};
