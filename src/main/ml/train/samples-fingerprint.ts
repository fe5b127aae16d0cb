import { createHash } from 'node:crypto';
import { writeFileSync, readFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { TrainingSamples } from './training-samples';

/**
 * What a run trained on, as a content hash: every sample's recording (by its content hash),
 * frames, subject and class, and the class list. Row ids are left out on purpose, so a run
 * moved to another machine in a project archive (where every id is renumbered) still matches.
 */
export function samplesFingerprint(data: Pick<TrainingSamples, 'samples' | 'classes'>): { hash: string; count: number } {
  const lines = data.samples
    .map((s) => [s.recording.contentHash, s.recording.frameCount, s.subject, s.event.onset, s.event.apex ?? '', s.event.offset, s.label].join('\t'))
    .sort();
  const hash = createHash('sha256').update(`${data.classes.join('\t')}\n${lines.join('\n')}`).digest('hex');
  return { hash, count: lines.length };
}

const fileName = 'samples.json';

/**
 * A run's folds are made once from its samples. When the project is edited between the start of
 * a run and its resume, the same split code would make other folds and the pooled result would mix
 * two datasets: the resume is refused instead, saying what to do.
 */
export function checkSamplesUnchanged(runDir: string, runId: number, data: Pick<TrainingSamples, 'samples' | 'classes'>): void {
  const now = samplesFingerprint(data);
  const file = path.join(runDir, fileName);
  if (!existsSync(file)) {
    writeFileSync(`${file}.partial`, JSON.stringify(now));
    renameSync(`${file}.partial`, file);
    return;
  }
  const then = JSON.parse(readFileSync(file, 'utf8')) as { hash: string; count: number };
  if (then.hash === now.hash) return;
  const counts = then.count === now.count ? `still ${now.count} samples, but their frames, subjects or classes changed` : `${then.count} samples then, ${now.count} now`;
  throw new Error(
    `The project's events changed since run ${runId} started (${counts}). Resuming would train the remaining folds on other data than the finished ones. ` +
      `Clone the run to start it again on the current events, or undo the edits to resume it.`,
  );
}
