import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitStaging, createStaging, moveToTrash, sweepFrameStore } from './frame-store';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A committed recording folder with `frames` frame files. */
function committedRecording(mediaRoot: string, frames: number): string {
  const staging = createStaging(mediaRoot);
  for (let n = 0; n < frames; n++) writeFileSync(path.join(staging.dir, 'frames', `${n}.jpg`), `frame ${n}`);
  commitStaging(mediaRoot, staging);
  return staging.mediaPath;
}

describe('the start-up sweep of the frame store', () => {
  it('puts back the frames of a recording whose delete was cut short before its row went', () => {
    const mediaRoot = mkdtempSync(path.join(os.tmpdir(), 'mer-frames-'));
    roots.push(mediaRoot);
    const kept = committedRecording(mediaRoot, 3);
    const deleted = committedRecording(mediaRoot, 2);
    // A delete moves the folder aside first; a crash before the row is deleted leaves the row.
    moveToTrash(mediaRoot, kept);
    moveToTrash(mediaRoot, deleted);

    sweepFrameStore(mediaRoot, new Set([kept]));

    expect(readdirSync(path.join(mediaRoot, kept, 'frames')).sort()).toEqual(['0.jpg', '1.jpg', '2.jpg']);
    expect(existsSync(path.join(mediaRoot, deleted))).toBe(false);
    expect(existsSync(path.join(mediaRoot, '.trash'))).toBe(false);
  });
});
