import { copyFileSync, mkdtempSync, readdirSync, rmSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelEvent } from '../../src/shared/api/events';
import type { Job } from '../../src/shared/api/jobs';
import type { Project } from '../../src/shared/api/projects';
import { databaseFileName } from '../../src/main/core/data-dir';
import { createProjectRowsRepository, projectTables, tablesOutsideProjects } from '../../src/main/core/db/repositories/project-rows';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob, untilProgress } from '../helpers/jobs';
import { mountTinyFilesystem } from '../helpers/tiny-filesystem';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';
import { casmeSheetRows, realCasmeRows, writeWorkbook } from '../datasets/sheet-files';
import { casmeTree, renumber, span } from '../datasets/tree';
import { dumpProject, folderContent } from './project-dump';

type TestBackend = ReturnType<typeof createTestBackend>;

let source: TrainingProject;
let backend: TestBackend;
let archive: string;
const work = tempDir('mer-archive-');

/** Labels a little of everything the archive must carry: history with undo, a deleted event, a consensus, a session, a mapping, a run. */
async function label(b: TestBackend, projectId: number): Promise<void> {
  const call = b.dispatch;
  const ana = (await call('annotators.list', {})) as { id: number; name: string }[];
  const anaId = ana.find((a) => a.name === 'Ana')!.id;
  const bo = (await call('annotators.create', { name: 'Bo' })) as { id: number };
  const page = (await call('events.list', { projectId, limit: 500 })) as { events: LabelEvent[] };
  const [first, second, third] = page.events;
  await call('events.update', { id: first!.id, annotatorId: anaId, version: first!.version, notes: 'checked twice', aus: '4+L10' });
  await call('events.delete', { id: second!.id, annotatorId: anaId, version: second!.version });
  await call('events.undo', { annotatorId: anaId, projectId });
  await call('events.redo', { annotatorId: anaId, projectId });
  const boEvent = (await call('events.create', { recordingId: third!.recordingId, annotatorId: bo.id, onset: third!.onset + 1, apex: null, offset: third!.offset, emotion: 'surprise', uncertain: true })) as LabelEvent;
  await call('events.adjudicate', { aId: third!.id, bId: boEvent.id, annotatorId: bo.id, pick: { onset: 'a', apex: 'a', offset: 'b', emotion: 'b', aus: 'a' } });
  const subjects = (await call('subjects.list', { projectId })) as { id: number }[];
  await call('sessions.create', { projectId, subjectId: subjects[0]!.id, capturedOn: '2026-11-02', operator: 'Kim', camera: { fps: '50' }, stimuli: ['clip A'] });
  await call('mappings.save', { projectId, name: 'Positive or not', toLabels: ['positive', 'other'], map: { happiness: 'positive', surprise: 'other' } });
  // A CASME II sheet imported, then a revised one: import reports that name the events they changed.
  const root = path.join(work, 'CASME2');
  const rows = renumber(realCasmeRows([['01', 'EP02_01f'], ['04', 'EP12_01f']]));
  casmeTree(root, rows.map((r) => ({ subject: r.subject, clip: r.clip, frames: span(r.onset, r.offset) })));
  const sheets = [rows, rows.map((r, i) => (i === 0 ? { ...r, aus: '4+7+L10' } : r))].map((version, i) =>
    writeWorkbook(path.join(work, `CASME2-coding-2014050${i + 8}.xlsx`), { Sheet1: casmeSheetRows(version) }),
  );
  for (const sheet of sheets) expect((await runJob(b, 'datasets.import', { projectId, root, sheet })).error, sheet).toBeNull();
  const config = tinyConfig(projectId, { protocol: { protocol: 'kfold', folds: 3, onlyFolds: [0] } });
  const run = await runJob(b, 'training.run', { config: { ...config, data: { ...config.data, annotatorIds: [anaId] } }, name: 'archived run' });
  expect(run.error).toBeNull();
}

beforeAll(async () => {
  source = makeTrainingProject(6);
  source.db.close();
  backend = createTestBackend({ dataDir: source.dataDir });
  await label(backend, source.projectId);
  archive = path.join(work, 'tiny.merproj');
  const job = await runJob(backend, 'projects.export-archive', { projectId: source.projectId, out: path.join(work, 'tiny') });
  expect(job.error).toBeNull();
  expect(job.result).toMatchObject({ file: archive, project: 'Tiny' });
}, 240_000);

afterAll(async () => {
  await backend.dispose();
  source.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** What a failed import must leave alone: every table but the job records, and every file of the data directory. */
function snapshot(dataDir: string): string {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    const tables = createProjectRowsRepository(db).tableNames().filter((t) => t !== 'jobs');
    const rows = tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).raw(true).all()]);
    return JSON.stringify({ rows, files: folderContent(path.join(dataDir, 'media')), runs: folderContent(path.join(dataDir, 'runs')) });
  } finally {
    db.close();
  }
}

async function importInto(b: TestBackend, file: string): Promise<Job> {
  return runJob(b, 'projects.import-archive', { file });
}

describe('whole-project archives', { timeout: 240_000 }, () => {
  it('every table of the schema either travels in an archive or is named as the machine’s own', () => {
    const db = new Database(path.join(source.dataDir, databaseFileName), { readonly: true });
    const names = createProjectRowsRepository(db).tableNames();
    db.close();
    const covered = [...projectTables.map((t) => t.name), ...Object.keys(tablesOutsideProjects)];
    expect(names.filter((n) => !covered.includes(n))).toEqual([]);
  });

  it('imports into a fresh data directory with every row, relation, frame and run file as exported', async () => {
    const target = createTestBackend();
    try {
      const job = await importInto(target, archive);
      expect(job.error).toBeNull();
      expect(job.result).toMatchObject({ project: 'Tiny', archivedAs: 'Tiny' });
      const before = dumpProject(source.dataDir, 'Tiny');
      const after = dumpProject(target.dataDir, 'Tiny');
      for (const t of projectTables) expect(after[t.name], t.name).toEqual(before[t.name]);
      expect(before['event_changes']!.length).toBeGreaterThan(source.events);
      expect(before['training_predictions']!.length).toBeGreaterThan(0);
      expect(before['training_fold_diagnostics']!.length).toBeGreaterThan(0);
      expect(before['import_reports']).toHaveLength(2);
      expect(before['dataset_events']!.length).toBeGreaterThan(0);
      // The imported project works: its history undoes, its run reads back.
      const [project] = (await target.dispatch('projects.list', {})) as Project[];
      const ana = ((await target.dispatch('annotators.list', {})) as { id: number; name: string }[]).find((a) => a.name === 'Ana')!;
      const undone = (await target.dispatch('events.undo', { annotatorId: ana.id, projectId: project!.id })) as { change: { action: string } | null };
      expect(undone.change?.action).toBe('undo');
      const runs = (await target.dispatch('training.runs.list', { projectId: project!.id })) as { id: number; status: string }[];
      expect(runs).toMatchObject([{ status: 'succeeded' }]);
    } finally {
      await target.dispose();
    }
  });

  it('importing the same archive twice gives a second project, renamed, with its own frames', async () => {
    const target = createTestBackend();
    try {
      const first = await importInto(target, archive);
      const second = await importInto(target, archive);
      expect(second.result).toMatchObject({ project: 'Tiny (2)', archivedAs: 'Tiny' });
      // The second import finds the annotators the first one created; everything else is created again.
      const counts = (job: Job) => ({ ...(job.result as { counts: object }).counts, annotatorsCreated: undefined });
      expect(counts(second)).toEqual(counts(first));
      const names = ((await target.dispatch('projects.list', {})) as Project[]).map((p) => p.name);
      expect(names).toEqual(['Tiny', 'Tiny (2)']);
      const recordings = (first.result as { counts: Record<string, number> }).counts['recordings']!;
      expect(readdirSync(path.join(target.mediaDir, 'recordings'))).toHaveLength(2 * recordings);
      expect(dumpProject(target.dataDir, 'Tiny (2)')['events']).toHaveLength(dumpProject(target.dataDir, 'Tiny')['events']!.length);
    } finally {
      await target.dispose();
    }
  });

  it('a truncated archive is refused and leaves the data directory as it was', async () => {
    const target = createTestBackend();
    try {
      await importInto(target, archive);
      const before = snapshot(target.dataDir);
      const truncated = path.join(work, 'truncated.merproj');
      copyFileSync(archive, truncated);
      truncateSync(truncated, Math.floor(statSync(archive).size * 0.6));
      const job = await importInto(target, truncated);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/damaged or incomplete/);
      expect(snapshot(target.dataDir)).toBe(before);
      expect(readdirSync(path.join(target.mediaDir, '.staging'))).toEqual([]);
    } finally {
      await target.dispose();
    }
  });

  it('a file changed inside the archive fails its checksum and nothing is imported', async () => {
    const unpacked = mkdtempSync(path.join(work, 'tamper-'));
    await tar.x({ file: archive, cwd: unpacked });
    // Any frame of any recording: their folders and frame numbers differ (videos from 0, image folders from the camera's).
    const frames = path.join(unpacked, 'media', 'recordings', readdirSync(path.join(unpacked, 'media', 'recordings'))[0]!, 'frames');
    const frame = path.join(frames, readdirSync(frames)[0]!);
    const bytes = readFileSync(frame);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    writeFileSync(frame, bytes);
    const tampered = path.join(work, 'tampered.merproj');
    const entries = ['manifest.json', ...readdirSync(unpacked).filter((e) => e !== 'manifest.json')];
    await tar.c({ gzip: true, file: tampered, cwd: unpacked, portable: true }, entries);
    const target = createTestBackend();
    try {
      const before = snapshot(target.dataDir);
      const job = await importInto(target, tampered);
      expect(job.status).toBe('failed');
      expect(job.error).toBe(`The archive is damaged: ${path.relative(unpacked, frame).split(path.sep).join('/')} does not match its checksum`);
      expect(snapshot(target.dataDir)).toBe(before);
    } finally {
      await target.dispose();
    }
  });

  it('a foreign file and an archive of a newer format are refused with what they are', async () => {
    const unpacked = mkdtempSync(path.join(work, 'newer-'));
    await tar.x({ file: archive, cwd: unpacked, filter: (p) => p === 'manifest.json' });
    const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(unpacked, 'manifest.json'), JSON.stringify({ ...manifest, formatVersion: 99 }));
    const newer = path.join(work, 'newer.merproj');
    await tar.c({ gzip: true, file: newer, cwd: unpacked }, ['manifest.json']);
    const foreign = path.join(work, 'photos.tar.gz');
    await tar.c({ gzip: true, file: foreign, cwd: unpacked }, ['.']);
    const target = createTestBackend();
    try {
      const before = snapshot(target.dataDir);
      expect((await importInto(target, newer)).error).toMatch(/written by a newer MER Workstation \(archive format 99; this version reads up to 1\)/);
      expect((await importInto(target, foreign)).error).toMatch(/photos\.tar\.gz is not a MER Workstation project archive/);
      expect((await importInto(target, path.join(work, 'nothing.merproj'))).error).toMatch(/There is no file/);
      expect(snapshot(target.dataDir)).toBe(before);
    } finally {
      await target.dispose();
    }
  });

  it('a disk too small for the archive is refused with a clear message before anything is written', async (ctx) => {
    const dataDir = path.join(tempDir(), 'tiny-disk');
    const unmount = mountTinyFilesystem(dataDir, '8m');
    if (typeof unmount === 'string') return ctx.skip(unmount);
    try {
      const target = createTestBackend({ dataDir });
      const before = snapshot(dataDir);
      const job = await importInto(target, archive);
      expect(job.error).toMatch(/Not enough disk space to import this archive: it needs about \d+ MB and \d+ MB are free/);
      expect(snapshot(dataDir)).toBe(before);
      await target.dispose();
    } finally {
      unmount();
    }
  });

  it('a cancelled import or export leaves nothing behind', async () => {
    const target = createTestBackend({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '300' } });
    try {
      const before = snapshot(target.dataDir);
      const importing = (await target.dispatch('jobs.start', { kind: 'projects.import-archive', params: { file: archive } })) as Job;
      await untilProgress(target, importing.id, 0.6);
      await target.dispatch('jobs.cancel', { id: importing.id });
      expect(((await target.dispatch('jobs.wait', { id: importing.id, timeoutMs: 60_000 })) as Job).status).toBe('cancelled');
      expect(snapshot(target.dataDir)).toBe(before);

      expect((await importInto(target, archive)).status).toBe('succeeded');
      const [project] = (await target.dispatch('projects.list', {})) as Project[];
      const out = path.join(work, 'cancelled.merproj');
      const exporting = (await target.dispatch('jobs.start', { kind: 'projects.export-archive', params: { projectId: project!.id, out } })) as Job;
      await untilProgress(target, exporting.id, 0);
      await target.dispatch('jobs.cancel', { id: exporting.id });
      expect(((await target.dispatch('jobs.wait', { id: exporting.id, timeoutMs: 60_000 })) as Job).status).toBe('cancelled');
      expect(readdirSync(work).filter((f) => f.startsWith('cancelled'))).toEqual([]);
    } finally {
      await target.dispose();
    }
  });

  it('a worker killed in the middle of an import leaves nothing once the backend restarts', async () => {
    const dataDir = tempDir();
    const crashing = createTestBackend({ dataDir, faults: { MER_FAULT_CRASH_AT: '0.7' } });
    const before = snapshot(dataDir);
    const job = await importInto(crashing, archive);
    expect(job.error).toMatch(/killed by SIGKILL/);
    await crashing.close();
    const again = createTestBackend({ dataDir });
    try {
      expect(snapshot(dataDir)).toBe(before);
      expect(readdirSync(again.mediaDir)).not.toContain('.staging');
    } finally {
      await again.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('export refuses to overwrite a file', async () => {
    const job = await runJob(backend, 'projects.export-archive', { projectId: source.projectId, out: archive });
    expect(job.error).toMatch(/already exists; choose another name/);
  });
});
