import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Project } from '../../src/shared/api/projects';
import { databaseFileName } from '../../src/main/core/data-dir';
import { openDatabase, type Db } from '../../src/main/core/db/connection';
import { exportSplit, type ExportParams } from '../../src/main/core/exports/export-split';
import type { JobContext } from '../../src/main/core/jobs/worker/context';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/jobs';

let backend: ReturnType<typeof createTestBackend>;
let project: Project;
let db: Db;
const outRoot = tempDir('mer-export-');

beforeAll(async () => {
  backend = createTestBackend();
  const demo = await runJob(backend, 'demo.create', { scale: 'small' });
  project = (await backend.dispatch('projects.get', { id: (demo.result as { projectId: number }).projectId })) as Project;
  db = openDatabase(path.join(backend.dataDir, databaseFileName));
}, 120_000);
afterAll(async () => {
  db.close();
  await backend.dispose();
});

function run(params: Omit<ExportParams, 'projectId'>) {
  const ctx: JobContext = {
    jobId: null, db, dataDir: backend.dataDir, mediaRoot: backend.mediaDir, tools: {}, signal: new AbortController().signal,
    progress: () => Promise.resolve(), report: () => undefined,
  };
  return exportSplit(ctx, { projectId: project.id, ...params });
}

const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\r\n');

test('LOSO with frames: a manifest, CSVs per fold, the frames in subject/clip/img{n} folders, no leaks', async () => {
  const out = path.join(outRoot, 'loso');
  const result = await run({ protocol: 'loso', seed: 3, copyFrames: true, out });
  expect(result).toMatchObject({ folds: 3, samples: 6, subjects: 3, leaks: 0, dropped: 0 });
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { protocol: string; subjectDependent: boolean; samples: { subject: string; clip: string; onset: number; offset: number; frames: string[] }[]; folds: { name: string; test: number[] }[] };
  expect(manifest).toMatchObject({ protocol: 'loso', subjectDependent: false });
  expect(manifest.folds.map((f) => f.name)).toEqual(['subject project/D01', 'subject project/D02', 'subject project/D03'].map((n) => n.replace('project', 'Demo')));
  const sample = manifest.samples[0]!;
  expect(sample.frames).toHaveLength(sample.offset - sample.onset + 1);
  expect(sample.frames[0]).toBe(`frames/${sample.subject}/${sample.clip}/img${sample.onset}.jpg`);
  expect(existsSync(path.join(out, sample.frames.at(-1)!))).toBe(true);
  const foldFiles = readdirSync(path.join(out, 'folds'));
  for (const n of [1, 2, 3]) expect(foldFiles).toEqual(expect.arrayContaining([`fold_${n}_train.csv`, `fold_${n}_test.csv`]));
  expect(lines(path.join(out, 'folds', 'fold_1_test.csv'))[0]).toBe('sample_id,dataset,subject,recording,clip,onset,apex,offset,emotion,label,aus,fps');
  expect(readdirSync(outRoot).filter((f) => f.includes('.partial-'))).toEqual([]);
});

test('the MEGC composite maps to three classes and writes the MEGC ground-truth file', async () => {
  const out = path.join(outRoot, 'megc');
  const result = await run({ protocol: 'megc', out });
  const rows = lines(path.join(out, 'megc2019_ground_truth.csv'));
  expect(rows[0]).toBe('dataset,subject,filename,onset,apex,offset,label,label_id');
  expect(rows.length - 1).toBe(result.samples);
  for (const r of rows.slice(1)) expect(r).toMatch(/,(negative,0|positive,1|surprise,2)$/);
});

test('the same seed gives the same split', async () => {
  await run({ protocol: 'holdout', seed: 9, out: path.join(outRoot, 'h1') });
  await run({ protocol: 'holdout', seed: 9, out: path.join(outRoot, 'h2') });
  const folds = (dir: string) => (JSON.parse(readFileSync(path.join(outRoot, dir, 'manifest.json'), 'utf8')) as { folds: unknown }).folds;
  expect(folds('h1')).toEqual(folds('h2'));
});

test('holdout shares decide how many subjects each side gets', async () => {
  const out = path.join(outRoot, 'shares');
  // The default 0.7 / 0.15 / 0.15 puts all three demo subjects in training.
  await run({ protocol: 'holdout', seed: 2, holdout: [0.34, 0.33, 0.33], out });
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { samples: { id: number; subject: string }[]; folds: { train: number[]; validation: number[]; test: number[] }[] };
  const subjectsOf = (ids: number[]) => new Set(ids.map((id) => manifest.samples.find((s) => s.id === id)!.subject)).size;
  const [fold] = manifest.folds;
  expect([subjectsOf(fold!.train), subjectsOf(fold!.validation), subjectsOf(fold!.test)]).toEqual([1, 1, 1]);
});

test('a subject-dependent split is named as such in every file', async () => {
  const out = path.join(outRoot, 'dependent');
  await run({ protocol: 'kfold-subject-dependent', folds: 2, out });
  expect(readdirSync(path.join(out, 'folds')).every((f) => f.includes('SUBJECT-DEPENDENT'))).toBe(true);
  expect(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))).toMatchObject({ subjectDependent: true });
  expect(readFileSync(path.join(out, 'SUBJECT-DEPENDENT.txt'), 'utf8')).toMatch(/not comparable/);
});

test('impossible requests are refused and nothing is written', async () => {
  await expect(run({ protocol: 'kfold', out: path.join(outRoot, 'k5') })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/needs at least 5 subjects; there are 3/) });
  await expect(run({ protocol: 'lodo', out: path.join(outRoot, 'lodo') })).rejects.toMatchObject({ message: expect.stringMatching(/at least two datasets/) });
  const full = path.join(outRoot, 'full');
  mkdirSync(full, { recursive: true });
  writeFileSync(path.join(full, 'keep.txt'), 'mine');
  await expect(run({ protocol: 'loso', out: full })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already exists and is not empty/) });
  expect(readdirSync(full)).toEqual(['keep.txt']);
  expect(readdirSync(outRoot).filter((f) => f.includes('.partial-'))).toEqual([]);
});

test('an export folder that cannot be written is named with the reason', async (ctx) => {
  const ro = path.join(tempDir(), 'readonly');
  mkdirSync(ro);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', ro], { stdio: 'pipe' });
  } catch {
    return ctx.skip('cannot mount a read-only filesystem here (and root ignores permission bits)');
  }
  try {
    await expect(run({ protocol: 'loso', out: path.join(ro, 'export') })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining(`Cannot write the export to ${ro}`) });
  } finally {
    execFileSync('umount', ['-l', ro]);
  }
});

test('npm run mer -- export prints folds, samples, subjects and leaks last', async () => {
  const { mer } = await import('../helpers/cli');
  db.close();
  await backend.close();
  const out = path.join(outRoot, 'cli');
  const run = mer(['export', '--data-dir', backend.dataDir, '--project', 'Demo', '--protocol', 'loso', '--seed', '4', '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  expect(run.json()).toEqual({ folds: 3, samples: 6, subjects: 3, leaks: 0 });
  expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);
  const bad = mer(['export', '--data-dir', backend.dataDir, '--project', 'Demo', '--protocol', 'kfold', '--out', path.join(outRoot, 'cli-k')]);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/needs at least 5 subjects/);
  backend = createTestBackend({ dataDir: backend.dataDir });
  db = openDatabase(path.join(backend.dataDir, databaseFileName));
});
