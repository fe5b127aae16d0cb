import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../src/main/core/data-dir';
import { openDatabase } from '../../src/main/core/db/connection';
import { createTrainingRunsRepository } from '../../src/main/core/db/repositories/training-runs';
import { mer } from '../helpers/cli';
import { makeTrainingProject, type TrainingProject } from '../helpers/training-project';

let project: TrainingProject;
let configFile: string;

beforeAll(() => {
  project = makeTrainingProject();
  // The data directory is the CLI's now: it takes the lock.
  project.db.close();
  configFile = path.join(project.dataDir, 'tiny.json');
  writeFileSync(configFile, JSON.stringify({ preprocessing: { frames: 4 }, model: { meInput: 16, idInput: 8, widths: [4, 4, 8, 8] }, training: { epochs: [2, 2, 2, 2], learningRate: 0.01 } }));
});
afterAll(() => project.dispose());

describe('npm run mer -- train', { timeout: 240_000 }, () => {
  it('trains headless, prints the results table and the run line last', () => {
    const run = mer(['train', '--data-dir', project.dataDir, '--project', 'Tiny', '--preset', 'lite', '--config', configFile, '--folds', '3', '--seed', '5', '--epochs-scale', '0.5', '--backend', 'cpu']);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const result = run.json();
    expect(result).toMatchObject({ backend: 'cpu' });
    expect(typeof result['run']).toBe('number');
    for (const key of ['accuracy', 'uf1', 'uar']) expect(result[key]).toBeGreaterThanOrEqual(0);
    expect(run.stdout).toMatch(/fold 1 of 3/);
    expect(run.stdout).toMatch(/^pooled\s+24\b/m);

    const evaluated = mer(['evaluate', '--data-dir', project.dataDir, '--run', String(result['run'])]);
    expect(evaluated.status).toBe(0);
    expect(evaluated.json()).toEqual(result);

    const predicted = mer(['predict', '--data-dir', project.dataDir, '--run', String(result['run'])]);
    expect(predicted.status).toBe(0);
    expect(predicted.json()).toMatchObject({ run: result['run'], models: 3, events: 24 });
    expect(predicted.stdout.split('\n').filter((l) => /^\d+\tTiny\/s\d\t/.test(l))).toHaveLength(24);

    const out = path.join(project.dataDir, 'tfjs');
    const exported = mer(['export-model', '--data-dir', project.dataDir, '--run', String(result['run']), '--fold', '2', '--out', out]);
    expect(exported.status).toBe(0);
    expect(exported.json()).toMatchObject({ dir: out, models: [{ fold: 2, dir: path.join(out, 'fold-2') }] });
    expect(readdirSync(path.join(out, 'fold-2')).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    const wrongFold = mer(['export-model', '--data-dir', project.dataDir, '--run', String(result['run']), '--fold', '0', '--out', `${out}-2`]);
    expect(wrongFold.stderr.trim()).toBe('--fold takes fold numbers from 1, like 1 or 1,3; not "0"');
  });

  it('refuses a configuration that does not validate, naming the field, and trains nothing', () => {
    writeFileSync(configFile.replace('tiny', 'bad'), JSON.stringify({ training: { batchSize: 0 } }));
    const run = mer(['train', '--data-dir', project.dataDir, '--project', 'Tiny', '--config', configFile.replace('tiny', 'bad')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toMatch(/^The training configuration is not valid: training\.batchSize: /);
  });

  it('a run over more folds than subjects fails with the reason, and the run says so', () => {
    const run = mer(['train', '--data-dir', project.dataDir, '--project', 'Tiny', '--config', configFile, '--folds', '9', '--backend', 'cpu']);
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toBe('A 9-fold subject-independent split needs at least 9 subjects; there are 6');
    const db = openDatabase(path.join(project.dataDir, databaseFileName));
    const [latest] = createTrainingRunsRepository(db).list(1);
    db.close();
    expect(latest).toMatchObject({ status: 'failed', message: 'A 9-fold subject-independent split needs at least 9 subjects; there are 6' });
  });
});
