import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../test/helpers/server-process';
import { runAnnotators } from '../test/load/annotators';
import { verifyLoad } from '../test/load/check';
import { connectClient, prepareLoadProject } from '../test/load/project';

const annotators = 8;
const plan = { eventsEach: 1000, sharedEvents: 40, rounds: 200, seed: 8 };

/** 8 scripted annotators saving and editing 1,000 events each through the built server, with forced conflicting edits. */
export async function benchLoad(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mer-bench-load-'));
  const server = await startServerProcess(['--data-dir', dataDir, '--port', '0']);
  const remotes = Array.from({ length: annotators }, () => connectClient(`http://127.0.0.1:${server.port}`, server.token));
  const clients = remotes.map((r) => r.client);
  try {
    const project = await prepareLoadProject(clients[0]!, dataDir, annotators);
    const t0 = performance.now();
    const run = await runAnnotators(clients, project, plan);
    const seconds = (performance.now() - t0) / 1000;
    const v = await verifyLoad(clients, project.projectId, run);
    console.log(`${annotators} annotators over HTTP, ${plan.eventsEach} events each (create + edit), ${plan.sharedEvents} shared events fought over in ${plan.rounds} rounds; ${os.cpus().length} cores`);
    console.log(`${v.saves} saves in ${seconds.toFixed(1)} s (${(v.saves / seconds).toFixed(0)} saves/s); save p50 ${v.p50Ms.toFixed(1)} ms, p95 ${v.p95Ms.toFixed(1)} ms`);
    console.log(`refused writes: forced ${v.conflicts}, reported to the loser ${v.reported}, not recorded by the server ${v.refusedByServer}; phantom writes ${v.phantom}`);
    for (const problem of v.problems) console.log(`problem: ${problem}`);
    return `load annotators=${annotators} saves=${v.saves} lost=${v.lost} conflicts=${v.conflicts} reported=${v.reported} p95_ms=${v.p95Ms.toFixed(1)}`;
  } finally {
    for (const r of remotes) r.close();
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
