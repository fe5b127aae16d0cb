import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../../../src/shared/client/api-client';
import { makeClip } from '../../helpers/media';
import { violate } from '../tally';
import { startAndKill } from './kill-job';
import { isConnectionLoss, sleep, type Scenario, type TrialContext } from './types';

/** A clip no earlier trial made (its size and length differ), so its import is never a duplicate. */
function uniqueClip(dir: string, trial: number): string {
  return makeClip(path.join(dir, `import-${trial}.mp4`), { frames: 20 + (trial % 30), width: 64 + 2 * (Math.floor(trial / 30) % 64), height: 48 });
}

/** Deletes an earlier import at a seeded moment in the same window: the trash path of the frame store. */
async function deleteDuring(ctx: TrialContext, recordingId: number, delayMs: number): Promise<'acknowledged' | 'in flight'> {
  await sleep(delayMs);
  try {
    await ctx.client.call('recordings.delete', { id: recordingId });
    return 'acknowledged';
  } catch (error) {
    if (isConnectionLoss(error)) return 'in flight';
    throw error;
  }
}

/**
 * (a) A video import job (and sometimes the delete of an earlier import) killed at a seeded
 * moment. Afterwards an acknowledged import has its recording, an acknowledged delete has none;
 * anything in flight is all there or not at all (the frame store checks say which).
 */
export function importScenario(): Scenario {
  const imported: number[] = [];
  return async (ctx) => {
    const { fixture, rng, tally, where } = ctx;
    const clip = uniqueClip(fixture.clipsDir, ctx.trial);
    const toDelete = imported.length >= 2 && rng.chance(0.5) ? imported.shift() : undefined;
    const deleted = toDelete === undefined ? undefined : deleteDuring(ctx, toDelete, rng.range(0, 1000));
    const { job, finished: heard } = await startAndKill(ctx, 'recordings.import-video', { projectId: fixture.importProjectId, path: clip });
    const deleteOutcome = await deleted;
    rmSync(clip, { force: true });

    return async (after: ApiClient) => {
      const counts = tally.perKind.import;
      if (heard?.status === 'succeeded') counts.acknowledged++;
      else counts.inFlight++;
      const now = await after.call('jobs.get', { id: job.id });
      if (now.status === 'interrupted') counts.killedRunning++;
      else if (now.status !== 'succeeded') violate(tally, null, `${where}: import job ${job.id} ended ${now.status} (${now.error ?? now.message}), not succeeded or interrupted`);
      const recordings = await after.call('recordings.list', { projectId: fixture.importProjectId });
      const ids = new Set(recordings.map((r) => r.id));
      if (now.status === 'succeeded') {
        const { recordingId } = now.result as { recordingId: number };
        if (!ids.has(recordingId)) violate(tally, 'lost', `${where}: import job ${job.id} succeeded but its recording ${recordingId} is gone`);
        else imported.push(recordingId);
      } else {
        // Interrupted after its rows were written: the recording is complete and kept.
        const kept = recordings.find((r) => r.sourcePath === clip);
        if (kept) imported.push(kept.id);
      }
      if (toDelete !== undefined) {
        if (deleteOutcome === 'acknowledged' && ids.has(toDelete)) violate(tally, 'lost', `${where}: the acknowledged delete of recording ${toDelete} did not last`);
        if (deleteOutcome === 'in flight' && ids.has(toDelete)) imported.unshift(toDelete);
      }
    };
  };
}
