import Database from 'better-sqlite3';
import { assertNotFromFuture, migrate, type Migration } from './migrate';
import { migrations as allMigrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Tests pass their own list to exercise the runner. */
  migrations?: readonly Migration[];
}

/** Opens the workstation database: WAL, foreign keys on, migrated to the latest schema. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // Electron runs a copy of the native module built for its own ABI (scripts/prepare-electron.mjs).
  const nativeBinding = process.env['MER_SQLITE_BINDING'];
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!options.readonly) {
      const list = options.migrations ?? allMigrations;
      assertNotFromFuture(db, list, file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db, list, file);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
