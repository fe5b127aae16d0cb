import path from 'node:path';
import type { FolderPattern } from '../formats/types';
import { folderFrames, type DiskView, type FolderFrames } from './disk-view';

export interface Located {
  dir: string;
  frames: FolderFrames;
  /** Found by a search for the folder's name rather than by the dataset's layout. */
  searched: boolean;
}

export interface Findable {
  folders: readonly FolderPattern[];
  lookup: { clip: readonly string[]; subject: readonly string[] };
}

/** Per disk view: each folder's subfolders by exact and by lower-case name, and each folder's frames. */
interface Lookups {
  subdirs: Map<string, { exact: Set<string>; lower: Map<string, string> } | null>;
  frames: Map<string, FolderFrames | null>;
}
const lookups = new WeakMap<DiskView, Lookups>();

function lookupsOf(disk: DiskView): Lookups {
  let found = lookups.get(disk);
  if (!found) {
    found = { subdirs: new Map(), frames: new Map() };
    lookups.set(disk, found);
  }
  return found;
}

/** A child folder by one of the names, exact spelling first, then ignoring case. */
function child(disk: DiskView, dir: string, names: readonly string[]): string | null {
  const cache = lookupsOf(disk).subdirs;
  let subdirs = cache.get(dir);
  if (subdirs === undefined) {
    const entries = disk.list(dir);
    subdirs = entries ? { exact: new Set(), lower: new Map() } : null;
    for (const e of entries ?? []) {
      if (!e.dir) continue;
      subdirs!.exact.add(e.name);
      if (!subdirs!.lower.has(e.name.toLowerCase())) subdirs!.lower.set(e.name.toLowerCase(), e.name);
    }
    cache.set(dir, subdirs);
  }
  if (!subdirs) return null;
  for (const name of names) {
    if (subdirs.exact.has(name)) return path.join(dir, name);
    const loose = subdirs.lower.get(name.toLowerCase());
    if (loose !== undefined) return path.join(dir, loose);
  }
  return null;
}

function framesOf(disk: DiskView, dir: string): FolderFrames | null {
  const cache = lookupsOf(disk).frames;
  let frames = cache.get(dir);
  if (frames === undefined) {
    frames = folderFrames(disk, dir);
    cache.set(dir, frames);
  }
  return frames;
}

/** The first pattern that leads to a folder with numbered images. */
export function resolveFolders(disk: DiskView, base: string, patterns: readonly FolderPattern[]): Located | null {
  for (const pattern of patterns) {
    let dir: string | null = base;
    for (const names of pattern) {
      dir = child(disk, dir, names);
      if (dir === null) break;
    }
    if (dir === null) continue;
    const frames = framesOf(disk, dir);
    if (frames) return { dir, frames, searched: false };
  }
  return null;
}

function subfolders(disk: DiskView, dir: string): string[] {
  return (disk.list(dir) ?? [])
    .filter((e) => e.dir && !e.name.startsWith('.'))
    .map((e) => path.join(dir, e.name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export interface BaseChoice {
  /** The folder that holds the clip folders; null when no candidate holds any. */
  base: string | null;
  resolved: number;
  /** Other candidates that hold as many clip folders. */
  alike: string[];
}

/**
 * Where the dataset keeps its clip folders: the root itself, a folder the format names
 * (`CASME2_RAW_selected`, `SAMM_CROP`, …) or any folder one or two levels down, whichever
 * resolves the most rows (ties: the root, then the format's order, then the first by name).
 */
export function chooseBase(disk: DiskView, root: string, preferred: readonly string[], rows: readonly Findable[]): BaseChoice {
  const candidates = [root, ...preferred.map((p) => path.join(root, p))];
  const children = subfolders(disk, root);
  candidates.push(...children);
  for (const c of children.slice(0, 100)) candidates.push(...subfolders(disk, c).slice(0, 100));
  const unique = [...new Set(candidates)].slice(0, 400);
  let best: BaseChoice = { base: null, resolved: 0, alike: [] };
  for (const base of unique) {
    if (!disk.list(base)) continue;
    let resolved = 0;
    for (const row of rows) if (resolveFolders(disk, base, row.folders)) resolved++;
    if (resolved > best.resolved) best = { base, resolved, alike: [] };
    else if (resolved > 0 && resolved === best.resolved) best.alike.push(base);
    if (best.resolved === rows.length && base === root) break;
  }
  return best;
}

/** Folder name (lower case) → folders of that name below the base, up to `depth` levels down. */
export function nameIndex(disk: DiskView, base: string, depth = 4): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const walk = (dir: string, level: number): void => {
    if (level > depth) return;
    for (const sub of subfolders(disk, dir)) {
      const key = path.basename(sub).toLowerCase();
      index.set(key, [...(index.get(key) ?? []), sub]);
      walk(sub, level + 1);
    }
  };
  walk(base, 1);
  return index;
}

/**
 * The last resort for a row the layouts miss: its clip folder found by name anywhere below the
 * base. Accepted only when one folder has the name and it is surely this row's: its path names
 * the subject, or the clip name is unique in the sheet.
 */
export function searchFolder(disk: DiskView, index: Map<string, string[]>, base: string, row: Findable, clipUnique: boolean): Located | null {
  const hits = [...new Set(row.lookup.clip.flatMap((name) => index.get(name.toLowerCase()) ?? []))];
  const subjects = new Set(row.lookup.subject.map((s) => s.toLowerCase()));
  const ours = hits.filter((dir) => path.relative(base, dir).split(path.sep).some((seg) => subjects.has(seg.toLowerCase())));
  const pick = ours.length === 1 ? ours[0] : hits.length === 1 && clipUnique ? hits[0] : undefined;
  if (pick === undefined) return null;
  const frames = framesOf(disk, pick);
  return frames ? { dir: pick, frames, searched: true } : null;
}
