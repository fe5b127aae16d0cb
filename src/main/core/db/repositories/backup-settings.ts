import type { BackupSchedule, BackupSettings } from '../../../../shared/api/backups';
import type { Db } from '../connection';

interface SettingsRow {
  enabled: number;
  interval_hours: number;
  keep: number;
  last_started_at: string;
}

const hourMs = 3_600_000;

/** The one row of the automatic backup schedule (migration 0060). */
export function createBackupSettingsRepository(db: Db) {
  const read = db.prepare<[], SettingsRow>(`SELECT enabled, interval_hours, keep, last_started_at FROM backup_settings WHERE id = 1`);
  const write = db.prepare(`UPDATE backup_settings SET enabled = @enabled, interval_hours = @intervalHours, keep = @keep WHERE id = 1`);
  const started = db.prepare(`UPDATE backup_settings SET last_started_at = ? WHERE id = 1`);

  function get(): BackupSchedule {
    const row = read.get();
    if (!row) throw new Error('The backup schedule is missing from the database (migration 0060)');
    const enabled = row.enabled === 1;
    const due = new Date(Date.parse(row.last_started_at) + row.interval_hours * hourMs).toISOString();
    return { enabled, intervalHours: row.interval_hours, keep: row.keep, lastStartedAt: row.last_started_at, nextDueAt: enabled ? due : null };
  }

  return {
    get,
    set(settings: BackupSettings): BackupSchedule {
      write.run({ enabled: settings.enabled ? 1 : 0, intervalHours: settings.intervalHours, keep: settings.keep });
      return get();
    },
    markStarted(at: Date): void {
      started.run(at.toISOString());
    },
  };
}

export type BackupSettingsRepository = ReturnType<typeof createBackupSettingsRepository>;
