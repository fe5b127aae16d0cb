import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupCheck, BackupInfo, BackupSchedule, RestoreResult } from '../../src/shared/api/backups';
import type { Job } from '../../src/shared/api/jobs';
import type { Recording } from '../../src/shared/api/recordings';
import { databaseFileName } from '../../src/main/core/data-dir';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob, untilProgress } from '../helpers/jobs';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';

type TestBackend = ReturnType<typeof createTestBackend>;

/** Every row of every table, rows in a stable order. */
function dumpDatabase(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort()]));
  } finally {
    db.close();
  }
}

/** Every file below `dir` with its bytes, by path relative to `dir`. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string): void => {
    if (!existsSync(at)) return;
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

const backups = async (b: TestBackend) => (await b.dispatch('backups.list', {})) as BackupInfo[];
const backupJob = async (b: TestBackend, reason: 'manual' | 'scheduled' = 'manual') => {
  const job = await runJob(b, 'db.backup', { reason });
  expect(job.error).toBeNull();
  return job.result as { name: string; dir: string; pruned: string[] };
};

let project: TrainingProject;
let dataDir: string;
let backend: TestBackend;

beforeAll(async () => {
  // A project with recordings (frames on disk), events and a finished training run (a run folder).
  project = makeTrainingProject();
  project.db.close();
  dataDir = project.dataDir;
  const trainer = createTestBackend({ dataDir });
  const config = tinyConfig(project.projectId, { protocol: { protocol: 'kfold', folds: 3, onlyFolds: [0] }, training: { epochs: [1, 1, 1, 1], batchSize: 4, learningRate: 0.01 } });
  const run = await runJob(trainer, 'training.run', { config, name: 'before backup' });
  expect(run.status).toBe('succeeded');
  await trainer.close();
  // Every progress step of a job now takes 150 ms: time to write while a backup runs.
  backend = createTestBackend({ dataDir, faults: { MER_FAULT_PROGRESS_DELAY_MS: '150' } });
}, 240_000);
afterAll(async () => {
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('backups', { timeout: 120_000 }, () => {
  it('a backup taken while the app writes restores every row of every table and every frame and run file exactly', async () => {
    const before = dumpDatabase(path.join(dataDir, databaseFileName));
    const started = (await backend.dispatch('backups.start', {})) as Job;
    await expect(backend.dispatch('backups.start', {})).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/A backup is already running/) });
    // Past 0.3 the database has been copied and the frames are being linked: this write is after the snapshot.
    await untilProgress(backend, started.id, 0.3);
    await backend.dispatch('projects.create', { name: 'Written during the backup' });
    const done = (await backend.dispatch('jobs.wait', { id: started.id, timeoutMs: 60_000 })) as Job;
    expect(done.status).toBe('succeeded');
    const { name, dir } = done.result as { name: string; dir: string };

    const backedUp = dumpDatabase(path.join(dir, databaseFileName));
    // The snapshot holds everything from before the backup and nothing written after its copy.
    for (const table of Object.keys(before).filter((t) => t !== 'jobs')) expect(backedUp[table], table).toEqual(before[table]);
    expect(JSON.stringify(backedUp['projects'])).not.toContain('Written during the backup');
    const [info] = await backups(backend);
    expect(info).toMatchObject({ name, problem: null, manifest: { reason: 'manual', counts: { recordings: 6, runs: 1 } } });
    expect(info!.manifest!.counts.tables['events']).toBe(project.events);
    expect(((await backend.dispatch('backups.verify', { name })) as BackupCheck)).toEqual({ name, ok: true, problems: [] });
    const backedUpFrames = filesOf(path.join(dir, 'media'));
    const backedUpRuns = filesOf(path.join(dir, 'runs'));
    expect(backedUpFrames.size).toBe(info!.manifest!.counts.frameFiles);
    expect(backedUpRuns.size).toBeGreaterThan(0);

    // Change and delete: rename the project, delete a recording (its frames and events go), lose a checkpoint.
    await backend.dispatch('projects.update', { id: project.projectId, name: 'Renamed after the backup' });
    const [recording] = (await backend.dispatch('recordings.list', { projectId: project.projectId })) as Recording[];
    await backend.dispatch('recordings.delete', { id: recording!.id });
    const [runFile] = [...backedUpRuns.keys()];
    rmSync(path.join(dataDir, 'runs', runFile!));
    expect(dumpDatabase(path.join(dataDir, databaseFileName))).not.toEqual(backedUp);

    const restored = (await backend.dispatch('backups.restore', { name })) as RestoreResult;
    expect(restored.restored).toBe(name);
    expect(dumpDatabase(path.join(dataDir, databaseFileName))).toEqual(backedUp);
    expect(filesOf(path.join(dataDir, 'media'))).toEqual(backedUpFrames);
    expect(filesOf(path.join(dataDir, 'runs'))).toEqual(backedUpRuns);
    // The running backend reads the restored data at once.
    const projects = (await backend.dispatch('projects.list', {})) as { name: string }[];
    expect(projects.map((p) => p.name)).toEqual(['Tiny']);

    // What was replaced is kept as a backup of its own.
    const safety = (await backups(backend)).find((b) => b.name === restored.safetyBackup);
    expect(safety?.manifest?.reason).toBe('before-restore');
    expect(JSON.stringify(dumpDatabase(path.join(safety!.dir, databaseFileName))['projects'])).toContain('Renamed after the backup');
  });

  it('a restore of a damaged backup is refused with the reason and changes nothing', async () => {
    const { name, dir } = await backupJob(backend);
    const database = path.join(dir, databaseFileName);
    const liveBefore = dumpDatabase(path.join(dataDir, databaseFileName));
    const framesBefore = filesOf(path.join(dataDir, 'media'));
    const listBefore = await backups(backend);

    const bytes = readFileSync(database);
    bytes.fill(0x5a, 4096, 3 * 4096);
    writeFileSync(database, bytes);
    const check = (await backend.dispatch('backups.verify', { name })) as BackupCheck;
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toMatch(/database file has changed since the backup was written/);
    await expect(backend.dispatch('backups.restore', { name })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(new RegExp(`^Backup "${name}" cannot be restored: .*SHA-256.*Nothing was changed\\.$`)),
    });
    expect(dumpDatabase(path.join(dataDir, databaseFileName))).toEqual(liveBefore);
    expect(filesOf(path.join(dataDir, 'media'))).toEqual(framesBefore);
    expect(await backups(backend)).toEqual(listBefore);
  });

  it('a backup missing a frame file fails verification, naming the frames', async () => {
    const { name, dir } = await backupJob(backend);
    const frames = [...filesOf(path.join(dir, 'media')).keys()];
    rmSync(path.join(dir, 'media', frames[0]!));
    const check = (await backend.dispatch('backups.verify', { name })) as BackupCheck;
    expect(check).toMatchObject({ ok: false, problems: [expect.stringMatching(/^The frame files are \d+ files of \d+ bytes, the manifest says \d+ of \d+$/)] });
    await expect(backend.dispatch('backups.restore', { name })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a cancelled backup leaves no folder behind', async () => {
    const before = readdirSync(path.join(dataDir, 'backups')).sort();
    const started = (await backend.dispatch('backups.start', {})) as Job;
    await untilProgress(backend, started.id, 0.3);
    await backend.dispatch('jobs.cancel', { id: started.id });
    const done = (await backend.dispatch('jobs.wait', { id: started.id, timeoutMs: 30_000 })) as Job;
    expect(done.status).toBe('cancelled');
    expect(readdirSync(path.join(dataDir, 'backups')).sort()).toEqual(before);
  });

  it('a restore is refused while a job runs', async () => {
    const [latest] = await backups(backend);
    const job = (await backend.dispatch('jobs.start', { kind: 'db.integrity' })) as Job;
    await expect(backend.dispatch('backups.restore', { name: latest!.name })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/no job may run: 1 job\(s\) are queued or running \(db\.integrity\)/),
    });
    await backend.dispatch('jobs.wait', { id: job.id, timeoutMs: 30_000 });
  });

  it('automatic backups keep the newest N; manual ones are never pruned', async () => {
    await backend.dispatch('backups.setSchedule', { enabled: true, intervalHours: 24, keep: 2 });
    const manual = (await backend.dispatch('backups.list', {}) as BackupInfo[]).filter((b) => b.manifest?.reason === 'manual').map((b) => b.name);
    const first = await backupJob(backend, 'scheduled');
    const second = await backupJob(backend, 'scheduled');
    expect(second.pruned).toEqual([]);
    const third = await backupJob(backend, 'scheduled');
    expect(third.pruned).toEqual([first.name]);
    const left = await backups(backend);
    expect(left.filter((b) => b.manifest?.reason === 'scheduled').map((b) => b.name)).toEqual([third.name, second.name]);
    expect(left.filter((b) => b.manifest?.reason === 'manual').map((b) => b.name)).toEqual(manual);
  });
});

describe('the backup schedule', { timeout: 60_000 }, () => {
  it('is on by default, every 24 hours, first due a day after the schedule began', async () => {
    const b = createTestBackend();
    const schedule = (await b.dispatch('backups.schedule', {})) as BackupSchedule;
    expect(schedule).toMatchObject({ enabled: true, intervalHours: 24, keep: 7 });
    expect(Date.parse(schedule.nextDueAt!) - Date.parse(schedule.lastStartedAt)).toBe(24 * 3_600_000);
    expect((await b.dispatch('jobs.list', {})) as Job[]).toEqual([]);
    await expect(b.dispatch('backups.setSchedule', { enabled: true, intervalHours: 0, keep: 7 })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'intervalHours', message: 'must be 1 to 720 hours' }],
    });
    await b.dispose();
  });

  it('starts an automatic backup at start-up when one is due, and records when', async () => {
    const dir = tempDir();
    const first = createTestBackend({ dataDir: dir });
    await first.dispatch('projects.create', { name: 'P' });
    await first.close();
    const db = new Database(path.join(dir, databaseFileName));
    db.prepare(`UPDATE backup_settings SET last_started_at = ?`).run(new Date(Date.now() - 25 * 3_600_000).toISOString());
    db.close();

    const second = createTestBackend({ dataDir: dir });
    const [job] = (await second.dispatch('jobs.list', {})) as Job[];
    expect(job).toMatchObject({ kind: 'db.backup', params: { reason: 'scheduled' } });
    expect(((await second.dispatch('jobs.wait', { id: job!.id, timeoutMs: 30_000 })) as Job).status).toBe('succeeded');
    const schedule = (await second.dispatch('backups.schedule', {})) as BackupSchedule;
    expect(Date.now() - Date.parse(schedule.lastStartedAt)).toBeLessThan(60_000);
    expect((await backups(second)).map((b) => b.manifest?.reason)).toEqual(['scheduled']);
    expect(statSync(path.join(dir, 'backups')).isDirectory()).toBe(true);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
