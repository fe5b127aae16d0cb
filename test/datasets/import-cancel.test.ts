import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Job } from '../../src/shared/api/jobs';
import type { Project } from '../../src/shared/api/projects';
import { createTestBackend, tempDir } from '../helpers/backend';
import { untilProgress } from '../helpers/jobs';
import { casmeSheetRows, realCasmeRows, writeWorkbook } from './sheet-files';
import { casmeTree, renumber, snapshot, span } from './tree';

const open: ReturnType<typeof createTestBackend>[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.dispose();
});

test('a dataset import cancelled while it stages its recordings leaves the project as it was, and no frames behind', async () => {
  const work = tempDir('mer-dataset-cancel-');
  const rows = renumber(realCasmeRows([['01', 'EP02_01f'], ['01', 'EP19_05f'], ['04', 'EP12_01f']]));
  const root = casmeTree(path.join(work, 'CASME2'), rows.map((r) => ({ subject: r.subject, clip: r.clip, frames: span(r.onset, r.offset) })));
  const sheet = writeWorkbook(path.join(work, 'CASME2-coding-20140508.xlsx'), { Sheet1: casmeSheetRows(rows) });
  const backend = createTestBackend({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '150' } });
  open.push(backend);
  const project = (await backend.dispatch('projects.create', { name: 'Lab' })) as Project;
  const before = snapshot(backend.dataDir);
  const job = (await backend.dispatch('jobs.start', { kind: 'datasets.import', params: { projectId: project.id, root, sheet } })) as Job;
  // Past the first clip: something is staged when the cancel arrives.
  await untilProgress(backend, job.id, 0.4);
  await backend.dispatch('jobs.cancel', { id: job.id });
  const done = (await backend.dispatch('jobs.wait', { id: job.id, timeoutMs: 30_000 })) as Job;
  expect(done.status).toBe('cancelled');
  const after = snapshot(backend.dataDir);
  expect(after.rows).toEqual(before.rows);
  expect(after.media.filter((f) => !f.endsWith('/'))).toEqual([]);
});
