import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFileName } from '../../src/main/core/data-dir';
import { makeImages } from '../helpers/media';
import type { CasmeRow } from './sheet-files';

/**
 * Real sheet rows made small: each clip gets 5 frames, renumbered from `first` (8..12 for the
 * first, so that "img10" sorts before "img8" by name), the apex moved to the same relative place.
 * A "/" apex stays "/".
 */
export function renumber(rows: readonly CasmeRow[], first = 8, step = 20): CasmeRow[] {
  return rows.map((r, k) => {
    const onset = first + k * step;
    const apex = typeof r.apex === 'number' ? onset + Math.round((4 * (r.apex - r.onset)) / (r.offset - r.onset)) : r.apex;
    return { ...r, onset, apex, offset: onset + 4 };
  });
}

let template: string | undefined;

/**
 * Real JPEG frames (64x48, made once by ffmpeg and copied: one ffmpeg run per test file, not per
 * frame). Its own temp folder: the e2e specs use this builder without loading the backend.
 */
export function jpegFrames(dir: string, names: readonly string[]): string {
  template ??= path.join(makeImages(mkdtempSync(path.join(os.tmpdir(), 'mer-frame-')), ['frame.jpg']), 'frame.jpg');
  mkdirSync(dir, { recursive: true });
  for (const name of names) copyFileSync(template, path.join(dir, name));
  return dir;
}

/** CASME II-style folders `<root>/sub01/EP02_01f/img8.jpg` with real (tiny) images. */
export function casmeTree(root: string, clips: readonly { subject: string; clip: string; frames: readonly number[] }[]): string {
  for (const c of clips) jpegFrames(path.join(root, `sub${c.subject}`, c.clip), c.frames.map((n) => `img${n}.jpg`));
  return root;
}

export const span = (onset: number, offset: number): number[] => Array.from({ length: offset - onset + 1 }, (_, i) => onset + i);

/** Everything an import may touch: the rows of every table it writes, and the frame store. */
export function snapshot(dataDir: string) {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    const tables = ['projects', 'subjects', 'recordings', 'events', 'event_aus', 'event_changes', 'annotators', 'dataset_events', 'import_reports', 'capture_sessions'];
    const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all().map((r) => JSON.stringify(r)).sort()]));
    return { rows, media: listTree(path.join(dataDir, 'media')) };
  } finally {
    db.close();
  }
}

function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? [`${name}/`, ...listTree(full).map((n) => `${name}/${n}`)] : [name];
  });
}
