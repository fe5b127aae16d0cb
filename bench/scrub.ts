import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Recording } from '../src/shared/api/recordings';
import { createBackend } from '../src/main/core/backend';
import { createForkJobHost } from '../src/main/core/jobs/fork-host';
import { startServer } from '../src/main/server/http-server';
import { openDataDir } from '../src/main/cli/data-access';
import { runLocalJob } from '../src/main/cli/local-job';
import { createProjectsRepository } from '../src/main/core/db/repositories/projects';
import { benchClip } from './clip';
import { stepInBrowser } from './scrub-browser';

const token = 'bench-token-0123456789abcdef';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Frame fetch latency through the server, and stepping 100 frames in the real browser scrubber. */
export async function benchScrub(): Promise<string> {
  const clip = await benchClip();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mer-bench-scrub-'));
  const session = openDataDir(dataDir);
  const projectId = createProjectsRepository(session.db).insert({ name: 'Bench', labelSet: ['a', 'b'], defaultFps: 50 });
  session.close(false);
  await runLocalJob(dataDir, 'recordings.import-video', { projectId, path: clip }, new AbortController().signal);

  const backend = createBackend({ dataDir, host: 'server', jobHost: createForkJobHost({ entry: path.resolve(__dirname, '../out/main/worker.js') }) });
  const server = await startServer({ backend, token, host: '127.0.0.1', port: 0, staticDir: path.resolve(__dirname, '../out/renderer') });
  try {
    const [recording] = (await backend.dispatch('recordings.list', { projectId })) as Recording[];
    if (!recording) throw new Error('the import made no recording');
    const base = `http://127.0.0.1:${server.port}`;
    const latencies: number[] = [];
    for (let i = 0; i < 300; i++) {
      const n = Math.floor(Math.random() * recording.frameCount);
      const t0 = performance.now();
      const res = await fetch(`${base}/media/${recording.mediaPath}/frames/${n}.jpg`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!res.ok) throw new Error(`frame ${n}: HTTP ${res.status}`);
    }
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    console.log(`frame fetch over HTTP, 300 random 1024x1024 JPEG frames: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    const stepping = await stepInBrowser(server.url, recording, 100);
    console.log(stepping);
    return `scrub p50_ms=${p50.toFixed(1)} p95_ms=${p95.toFixed(1)}`;
  } finally {
    await server.close();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
