import { z } from 'zod';
import { Timestamp } from './common';

/** A backup's folder name under `<data>/backups`: one path segment, never `.` or `..`. */
export const BackupName = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a backup name from backups.list (letters, digits, ".", "_" and "-")');

export const backupReasons = ['manual', 'scheduled', 'before-restore'] as const;
export const BackupReason = z.enum(backupReasons);
export type BackupReason = z.infer<typeof BackupReason>;

/** manifest.json of a backup folder: what it holds, so a backup can be checked without the app that wrote it. */
export const BackupManifest = z.object({
  format: z.literal(1),
  name: BackupName,
  reason: BackupReason,
  createdAt: Timestamp,
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  database: z.object({ file: z.string(), bytes: z.number().int(), sha256: z.string() }),
  counts: z.object({
    /** Rows per table of the backed-up database. */
    tables: z.record(z.string(), z.number().int()),
    recordings: z.number().int(),
    frameFiles: z.number().int(),
    runs: z.number().int(),
    runFiles: z.number().int(),
  }),
  bytes: z.object({ database: z.number().int(), frames: z.number().int(), runs: z.number().int(), total: z.number().int() }),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export const BackupInfo = z.object({
  name: BackupName,
  dir: z.string(),
  /** null when the folder has no readable manifest (see `problem`); such a backup cannot be restored. */
  manifest: BackupManifest.nullable(),
  problem: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupSettings = z
  .object({
    enabled: z.boolean(),
    intervalHours: z.number().int('must be a whole number of hours').min(1, 'must be 1 to 720 hours').max(720, 'must be 1 to 720 hours'),
    /** How many automatic backups to keep; manual and before-restore backups are never pruned. */
    keep: z.number().int('must be a whole number').min(1, 'must keep 1 to 100 backups').max(100, 'must keep 1 to 100 backups'),
  })
  .strict();
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupSchedule = BackupSettings.extend({
  /** When the scheduler last started an automatic backup (or when the schedule began). */
  lastStartedAt: Timestamp,
  /** When the next automatic backup is due; null when the schedule is off. */
  nextDueAt: Timestamp.nullable(),
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;

export const ByBackupName = z.object({ name: BackupName }).strict();

export const BackupCheck = z.object({
  name: BackupName,
  ok: z.boolean(),
  /** Each problem found, in words; empty when the backup is sound. */
  problems: z.array(z.string()),
});
export type BackupCheck = z.infer<typeof BackupCheck>;

export const RestoreResult = z.object({
  restored: BackupName,
  /** The backup of the data as it was just before the restore. */
  safetyBackup: BackupName,
});
export type RestoreResult = z.infer<typeof RestoreResult>;
