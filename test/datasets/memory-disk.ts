import path from 'node:path';
import type { DirEntry, DiskView } from '../../src/main/core/datasets/disk/disk-view';

/**
 * A disk in memory for planning tests: folders given by their path (below `root`) and the names
 * of the files in them. Parent folders exist implicitly.
 */
export function memoryDisk(root: string, folders: Record<string, readonly string[]>): DiskView {
  const tree = new Map<string, Map<string, boolean>>();
  const ensure = (dir: string) => {
    let entries = tree.get(dir);
    if (!entries) {
      entries = new Map();
      tree.set(dir, entries);
      const parent = path.dirname(dir);
      if (parent !== dir) ensure(parent).set(path.basename(dir), true);
    }
    return entries;
  };
  ensure(root);
  for (const [folder, files] of Object.entries(folders)) {
    const dir = ensure(path.join(root, folder));
    for (const f of files) dir.set(f, false);
  }
  return {
    list(dir): readonly DirEntry[] | null {
      const entries = tree.get(path.resolve(dir));
      return entries ? [...entries].map(([name, isDir]) => ({ name, dir: isDir })) : null;
    },
  };
}

/** Frame file names for onset..offset with a name pattern (`img{n}.jpg`). */
export function frameNames(first: number, last: number, name: (n: number) => string): string[] {
  return Array.from({ length: last - first + 1 }, (_, i) => name(first + i));
}
