import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDataDir } from '../src/main/cli/data-access';
import { runLocalJob } from '../src/main/cli/local-job';
import { createProjectsRepository } from '../src/main/core/db/repositories/projects';
import { benchClip, frameCountOf } from './clip';

const never = new AbortController().signal;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Export and import of a whole-project archive: one recording of the bench clip (its JPEG frames and previews). */
export async function benchProjectArchive(): Promise<string> {
  const clip = await benchClip();
  const work = mkdtempSync(path.join(os.tmpdir(), 'mer-bench-archive-'));
  try {
    const source = path.join(work, 'source');
    let session = openDataDir(source);
    const projectId = createProjectsRepository(session.db).insert({ name: 'Bench', labelSet: ['a', 'b'], defaultFps: 50 });
    session.close(false);
    await runLocalJob(source, 'recordings.import-video', { projectId, path: clip }, never);
    const exports: number[] = [];
    const imports: number[] = [];
    let archiveBytes = 0;
    let dataBytes = 0;
    for (let i = 0; i < 3; i++) {
      const out = path.join(work, `bench-${i}.merproj`);
      exports.push(await timed(() => runLocalJob(source, 'projects.export-archive', { projectId, out }, never).then((r) => {
        dataBytes = (r.result as { counts: Record<string, number> }).counts['bytes'] ?? 0;
      })));
      archiveBytes = statSync(out).size;
      const target = path.join(work, `target-${i}`);
      session = openDataDir(target);
      session.close(false);
      imports.push(await timed(() => runLocalJob(target, 'projects.import-archive', { file: out }, never)));
    }
    const mb = (n: number) => n / 1e6;
    const best = (xs: number[]) => Math.min(...xs);
    console.log(`one recording of ${frameCountOf(clip)} frames (1024x1024 JPEG q2 + previews): ${mb(dataBytes).toFixed(1)} MB of files, archive ${mb(archiveBytes).toFixed(1)} MB; best of 3; ${os.cpus().length} cores`);
    console.log(`export ${best(exports).toFixed(2)} s (${(mb(dataBytes) / best(exports)).toFixed(0)} MB/s), import ${best(imports).toFixed(2)} s (${(mb(dataBytes) / best(imports)).toFixed(0)} MB/s)`);
    return `project-archive export_mb_s=${(mb(dataBytes) / best(exports)).toFixed(0)} import_mb_s=${(mb(dataBytes) / best(imports)).toFixed(0)} ratio=${(archiveBytes / dataBytes).toFixed(3)}`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
