import { z } from 'zod';
import { AttentionSample, IdentityProbe } from '../../../../shared/api/training-diagnostics';
import type { Db } from '../connection';

/** What a finished fold records for the decoupling diagnostics. */
export interface FoldDiagnosticsRecord {
  identityBefore: IdentityProbe | null;
  identityAfter: IdentityProbe | null;
  /** Null: the run's MENet has no DAO. */
  attention: AttentionSample[] | null;
}

export interface StoredFoldDiagnostics {
  fold: number;
  identityBefore: IdentityProbe | null;
  identityAfter: IdentityProbe | null;
  attentionSamples: number;
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
const probe = (text: string | null) => (text === null ? null : IdentityProbe.parse(JSON.parse(text)));

/** The SQL of the per-fold decoupling diagnostics (identity probes, DAO attention maps). */
export function createTrainingDiagnosticsRepository(db: Db) {
  return {
    /** Replaces the fold's row; call it in the transaction that stores the fold's result. */
    save(runId: number, fold: number, d: FoldDiagnosticsRecord): void {
      db.prepare(`INSERT OR REPLACE INTO training_fold_diagnostics (run_id, fold, identity_before, identity_after, attention) VALUES (?, ?, ?, ?, ?)`).run(
        runId,
        fold,
        json(d.identityBefore),
        json(d.identityAfter),
        json(d.attention),
      );
    },

    /** Every fold's probes, and how many attention samples it kept (the maps are read per fold). */
    list(runId: number): StoredFoldDiagnostics[] {
      return db
        .prepare<[number], { fold: number; identity_before: string | null; identity_after: string | null; samples: number | null }>(
          `SELECT fold, identity_before, identity_after, json_array_length(attention) AS samples FROM training_fold_diagnostics WHERE run_id = ? ORDER BY fold`,
        )
        .all(runId)
        .map((r) => ({ fold: r.fold, identityBefore: probe(r.identity_before), identityAfter: probe(r.identity_after), attentionSamples: r.samples ?? 0 }));
    },

    /** The fold's attention samples: undefined when the fold has no row, null when its MENet has no DAO. */
    attention(runId: number, fold: number): AttentionSample[] | null | undefined {
      const row = db.prepare<[number, number], { attention: string | null }>(`SELECT attention FROM training_fold_diagnostics WHERE run_id = ? AND fold = ?`).get(runId, fold);
      if (!row) return undefined;
      return row.attention === null ? null : z.array(AttentionSample).parse(JSON.parse(row.attention));
    },
  };
}
