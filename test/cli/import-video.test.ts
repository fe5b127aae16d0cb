import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../helpers/backend';
import { mer } from '../helpers/cli';
import { makeClip } from '../helpers/media';

const clips = tempDir('mer-clips-');

function snapshot(dataDir: string) {
  const db = new Database(path.join(dataDir, 'workstation.sqlite'), { readonly: true });
  const rows = ['projects', 'subjects', 'recordings', 'jobs'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all());
  db.close();
  return { rows, media: readdirSync(path.join(dataDir, 'media', 'recordings')) };
}

test('import-video prints the recording as JSON; a bad file exits non-zero with one line and changes nothing', () => {
  const dataDir = path.join(tempDir(), 'data');
  const clip = makeClip(path.join(clips, 'clip.mp4'), { frames: 30, width: 96, height: 80, rate: '30000/1001' });
  const ok = mer(['import-video', '--data-dir', dataDir, '--project', 'Pilot', '--subject', '007', clip]);
  expect(ok.status, ok.stderr).toBe(0);
  expect(ok.json()).toEqual({ recording: 1, frames: 30, fps: '30000/1001', width: 96, height: 80 });

  const before = snapshot(dataDir);
  const bad = mer(['import-video', '--data-dir', dataDir, '--project', 'Pilot', '--subject', 'new-subject', path.join(clips, 'missing.mp4')]);
  expect(bad.status).toBe(1);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  expect(bad.stderr).toMatch(/missing\.mp4 does not exist/);
  expect(snapshot(dataDir)).toEqual(before);

  const again = mer(['import-video', '--data-dir', dataDir, '--project', 'Pilot', '--subject', '007', clip]);
  expect(again.json()).toMatchObject({ recording: 1, duplicate: true });
});

test('a failed import into a new data directory leaves no directory behind', () => {
  const dataDir = path.join(tempDir(), 'never-created');
  const bad = mer(['import-video', '--data-dir', dataDir, '--project', 'P', path.join(clips, 'nope.avi')]);
  expect(bad.status).toBe(1);
  expect(existsSync(dataDir)).toBe(false);
});
