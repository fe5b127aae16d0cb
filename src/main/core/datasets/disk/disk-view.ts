import { readdirSync } from 'node:fs';
import path from 'node:path';
import { frameNumberOf } from '../../media/image-folder';

export interface DirEntry {
  name: string;
  dir: boolean;
}

/** What the planner may see of the disk: folder listings (tests give an in-memory one). */
export interface DiskView {
  /** The entries of a folder; null when it does not exist or cannot be read. */
  list(dir: string): readonly DirEntry[] | null;
}

/** The real file system, each folder read at most once per plan. */
export function fileSystemDisk(): DiskView {
  const cache = new Map<string, readonly DirEntry[] | null>();
  return {
    list(dir) {
      const key = path.resolve(dir);
      let entries = cache.get(key);
      if (entries === undefined) {
        try {
          entries = readdirSync(key, { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() || (d.isSymbolicLink() && isDirLink(key, d.name)) }));
        } catch {
          entries = null;
        }
        cache.set(key, entries);
      }
      return entries;
    },
  };
}

function isDirLink(dir: string, name: string): boolean {
  try {
    readdirSync(path.join(dir, name));
    return true;
  } catch {
    return false;
  }
}

const imageExtensions = new Set(['.jpg', '.jpeg', '.png', '.bmp']);

/** The frame numbers of a folder's images, from their names (never their order). */
export interface FolderFrames {
  numbers: readonly number[];
  has: ReadonlySet<number>;
  first: number;
  last: number;
}

export function folderFrames(disk: DiskView, dir: string): FolderFrames | null {
  const entries = disk.list(dir);
  if (!entries) return null;
  const numbers = new Set<number>();
  for (const e of entries) {
    if (e.dir || !imageExtensions.has(path.extname(e.name).toLowerCase())) continue;
    const n = frameNumberOf(e.name);
    if (n !== null) numbers.add(n);
  }
  if (numbers.size === 0) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  return { numbers: sorted, has: numbers, first: sorted[0]!, last: sorted.at(-1)! };
}
