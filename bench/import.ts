import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDataDir } from '../src/main/cli/data-access';
import { runLocalJob } from '../src/main/cli/local-job';
import { createProjectsRepository } from '../src/main/core/db/repositories/projects';
import { requireTools } from '../src/main/core/media/tools';
import { benchClip, frameCountOf } from './clip';


function seconds(run: () => unknown): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const rounds = 5;

/** Import throughput against plain `ffmpeg -i clip -f null -` on the same clip, in the same run. */
export async function benchImport(): Promise<string> {
  const clip = await benchClip();
  const tools = requireTools();
  const frames = frameCountOf(clip);
  // Plain decodes and imports take turns, so a change in the machine's speed (other work on a
  // shared host) hits both alike; the best of each is kept.
  const plains: number[] = [];
  const imports: number[] = [];
  // Each import gets its own data directory, all deleted at the end: deleting a thousand files
  // costs this file system (ext4 with discard) a burst of work that would land in the next import.
  const dataDirs: string[] = [];
  for (let i = 0; i < rounds; i++) {
    plains.push(seconds(() => execFileSync(tools.ffmpeg, ['-v', 'error', '-i', clip, '-f', 'null', '-'])));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mer-bench-import-'));
    dataDirs.push(dataDir);
    const session = openDataDir(dataDir);
    const projectId = createProjectsRepository(session.db).insert({ name: 'Bench', labelSet: ['a', 'b'], defaultFps: 50 });
    const t0 = process.hrtime.bigint();
    await runLocalJob(dataDir, 'recordings.import-video', { projectId, path: clip }, new AbortController().signal);
    imports.push(Number(process.hrtime.bigint() - t0) / 1e9);
    session.close(false);
  }
  for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
  const plain = Math.min(...plains);
  const importSeconds = Math.min(...imports);
  const importFps = frames / importSeconds;
  const ffmpegFps = frames / plain;
  console.log(`clip: ${clip} (1024x1024, 50 fps, ${frames} frames, a face with sensor noise); best of ${rounds} each, taking turns; ${os.cpus().length} cores`);
  console.log(`import (probe + hash + decode + JPEG q2 + preview sheets + commit): ${importSeconds.toFixed(2)} s; plain decode: ${plain.toFixed(2)} s`);
  return `import ratio=${(importFps / ffmpegFps).toFixed(2)} import_fps=${importFps.toFixed(0)} ffmpeg_fps=${ffmpegFps.toFixed(0)}`;
}
