import { afterEach, expect, test } from 'vitest';
import { createTestBackend } from '../helpers/backend';

let backend: ReturnType<typeof createTestBackend>;
afterEach(async () => backend?.dispose());

test('smoke', async () => {
  backend = createTestBackend();
  const p = await backend.dispatch('projects.create', { name: 'Demo' });
  console.log(p);
  const job = (await backend.dispatch('jobs.start', { kind: 'db.integrity' })) as { id: number };
  const done = await backend.dispatch('jobs.wait', { id: job.id });
  console.log(done);
  console.log(await backend.dispatch('app.info', {}));
});
