import type { Migration } from '../migrate';

/**
 * The automatic backup schedule: one row. It is on by default (every 24 hours, keeping 7): frames
 * are hard-linked, so a backup costs little more than a copy of the database, while losing a week
 * of labelling to a broken disk or a bad edit costs a lab far more. The first automatic backup is
 * due one interval after the schedule began, never at the first start of an empty workstation.
 */
export const backupSettings: Migration = {
  version: 60,
  name: 'backup-settings',
  up(db) {
    db.exec(`
      CREATE TABLE backup_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        interval_hours INTEGER NOT NULL CHECK (interval_hours BETWEEN 1 AND 720),
        keep INTEGER NOT NULL CHECK (keep BETWEEN 1 AND 100),
        last_started_at TEXT NOT NULL
      ) STRICT;
    `);
    db.prepare(`INSERT INTO backup_settings (id, enabled, interval_hours, keep, last_started_at) VALUES (1, 1, 24, 7, ?)`).run(new Date().toISOString());
  },
};
