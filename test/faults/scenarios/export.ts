import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../../../src/shared/client/api-client';
import { violate } from '../tally';
import { startAndKill } from './kill-job';
import type { Scenario } from './types';

interface Manifest {
  samples: { frames: string[] | null }[];
  folds: unknown[];
}

/** Why an export folder is not complete, or null when it is: a manifest naming frames that are all there. */
function incomplete(dir: string): string | null {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    return `its manifest cannot be read (${(error as Error).message})`;
  }
  if (manifest.samples.length === 0 || manifest.folds.length === 0) return 'its manifest lists no samples or no folds';
  const missing = manifest.samples.flatMap((s) => s.frames ?? []).filter((f) => !existsSync(path.join(dir, f)));
  return missing.length > 0 ? `${missing.length} frame file(s) named in the manifest are missing, e.g. ${missing[0]}` : null;
}

/**
 * (d) A split export with copied frames killed at a seeded moment. Afterwards the target folder
 * is complete or absent, with no partial folder beside it; an acknowledged export is complete.
 */
export function exportScenario(): Scenario {
  return async (ctx) => {
    const { fixture, rng, tally, where } = ctx;
    const out = path.join(fixture.exportsDir, `trial-${ctx.trial}`);
    const protocol = rng.pick(['kfold', 'loso'] as const);
    const params = { projectId: fixture.trainingProjectId, protocol, copyFrames: true, out };
    const { job, finished: heard } = await startAndKill(ctx, 'datasets.export', params);

    return async (after: ApiClient) => {
      const counts = tally.perKind.export;
      if (heard?.status === 'succeeded') counts.acknowledged++;
      else counts.inFlight++;
      const now = await after.call('jobs.get', { id: job.id });
      if (now.status === 'interrupted') counts.killedRunning++;
      else if (now.status !== 'succeeded') violate(tally, null, `${where}: export job ${job.id} ended ${now.status} (${now.error ?? now.message}), not succeeded or interrupted`);
      const why = existsSync(out) ? incomplete(out) : now.status === 'succeeded' ? 'it is missing' : null;
      if (why) violate(tally, now.status === 'succeeded' ? 'lost' : null, `${where}: the export to ${out} (job ${now.status}) is half-written: ${why}`);
      const partials = readdirSync(fixture.exportsDir).filter((name) => name.startsWith(`trial-${ctx.trial}.partial-`));
      if (partials.length > 0) violate(tally, null, `${where}: the half-written ${partials.join(', ')} was left beside the export's target`);
      for (const name of [`trial-${ctx.trial}`, ...partials]) rmSync(path.join(fixture.exportsDir, name), { recursive: true, force: true });
    };
  };
}
