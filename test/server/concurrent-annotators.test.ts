import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tempDir } from '../helpers/backend';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { runAnnotators, type LoadRun } from '../load/annotators';
import { verifyLoad } from '../load/check';
import { connectClient, prepareLoadProject, type LoadProject, type RemoteClient } from '../load/project';

const annotators = 8;
const plan = { eventsEach: 30, sharedEvents: 4, rounds: 12, seed: 1 };

let dataDir: string;
let server: ServerProcess;
let remotes: RemoteClient[];
let project: LoadProject;
let run: LoadRun;

beforeAll(async () => {
  dataDir = tempDir('mer-load-');
  server = await startServerProcess(['--data-dir', dataDir, '--port', '0']);
  remotes = Array.from({ length: annotators }, () => connectClient(`http://127.0.0.1:${server.port}`, server.token));
  project = await prepareLoadProject(remotes[0]!.client, dataDir, annotators);
  run = await runAnnotators(remotes.map((r) => r.client), project, plan);
}, 120_000);

afterAll(async () => {
  for (const r of remotes) r.close();
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

test('8 annotators saving at once over HTTP: no acknowledged write is lost, every refused edit is reported to its author', async () => {
  const clients = remotes.map((r) => r.client);
  const verdict = await verifyLoad(clients, project.projectId, run);
  expect(verdict.problems).toEqual([]);
  expect(verdict.lost).toBe(0);
  expect(verdict.phantom).toBe(0);
  // Each round: several coders edit one event from the same version; all but one must be refused.
  expect(verdict.conflicts).toBeGreaterThanOrEqual(plan.rounds);
  expect(verdict.reported).toBe(verdict.conflicts);
  expect(verdict.refusedByServer).toBe(verdict.conflicts);
  expect(verdict.saves).toBe(plan.sharedEvents + annotators * plan.eventsEach * 2 + verdict.conflicts + plan.rounds);
  const page = await clients[0]!.call('events.list', { projectId: project.projectId, limit: 1 });
  expect(page.total).toBe(plan.sharedEvents + annotators * plan.eventsEach);
}, 60_000);

test('the check itself notices an acknowledged write that is not what the server stored', async () => {
  const clients = remotes.map((r) => r.client);
  const edit = run.saves.find((s) => s.outcome === 'saved' && s.sent.notes.endsWith(', edited'))!;
  const forged = { ...run, saves: run.saves.map((s) => (s === edit ? { ...s, sent: { ...s.sent, notes: 'a write the server never saw' } } : s)) };
  const verdict = await verifyLoad(clients, project.projectId, forged);
  expect(verdict.lost).toBe(2);
  expect(verdict.problems.join('\n')).toMatch(/a write the server never saw/);
}, 60_000);
