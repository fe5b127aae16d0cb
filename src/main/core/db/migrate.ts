import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';

export interface Migration {
  /** Numbered in steps of 10; only ever increases. */
  version: number;
  name: string;
  up(db: Database): void;
}

export function assertIncreasing(migrations: readonly Migration[]): void {
  migrations.reduce((previous, m) => {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migration ${m.name} has version ${m.version}, not above ${previous}`);
    }
    return m.version;
  }, 0);
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Refuses a database from a newer version before anything (even the journal mode) touches it. */
export function assertNotFromFuture(db: Database, migrations: readonly Migration[], file: string): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new ApiError(
      'UNAVAILABLE',
      `The database ${file} was written by a newer version of MER Workstation (schema ${current}; this version knows up to ${latest}). Update the app to open it; it was not changed.`,
    );
  }
  return current;
}

/**
 * Applies every pending migration inside one transaction: either the database reaches the
 * latest version or it stays exactly as it was.
 */
export function migrate(db: Database, migrations: readonly Migration[], file: string): number {
  assertIncreasing(migrations);
  const current = assertNotFromFuture(db, migrations, file);
  const latest = latestVersion(migrations);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  const apply = db.transaction(() => {
    for (const m of pending) {
      try {
        m.up(db);
      } catch (error) {
        throw new Error(`Migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, { cause: error });
      }
    }
    db.pragma(`user_version = ${latest}`);
  });
  // Foreign keys cannot change inside a transaction; migrations that rebuild tables need them off.
  db.pragma('foreign_keys = OFF');
  try {
    apply.exclusive();
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) throw new Error(`Migration left ${violations.length} foreign key violations`);
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return latest;
}
