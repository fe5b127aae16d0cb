import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../helpers/backend';
import { mer } from '../helpers/cli';
import { makeTrainingProject } from '../helpers/training-project';

test('export-project writes one archive that import-project opens elsewhere, renamed the second time', { timeout: 120_000 }, () => {
  const source = makeTrainingProject(2);
  source.db.close();
  try {
    const out = path.join(tempDir('mer-cli-archive-'), 'tiny');
    const exported = mer(['export-project', '--data-dir', source.dataDir, '--project', 'Tiny', '--out', out]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.json()).toMatchObject({ file: `${out}.merproj`, recordings: 2, events: source.events, runs: 0 });
    expect(existsSync(`${out}.merproj`)).toBe(true);

    const target = path.join(tempDir(), 'data');
    const first = mer(['import-project', '--data-dir', target, `${out}.merproj`]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.json()).toEqual({ project: 'Tiny', archivedAs: 'Tiny', recordings: 2, events: source.events, runs: 0 });
    const second = mer(['import-project', '--data-dir', target, `${out}.merproj`]);
    expect(second.json()).toMatchObject({ project: 'Tiny (2)' });

    const missing = mer(['import-project', '--data-dir', target, path.join(target, 'none.merproj')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^There is no file .*none\.merproj$/);
  } finally {
    source.dispose();
  }
});
