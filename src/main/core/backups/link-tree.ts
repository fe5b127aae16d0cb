import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface FileTotals {
  files: number;
  bytes: number;
}

/** Errors that mean "this file system cannot hard-link here", after which a copy is the answer. */
const cannotLink = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK']);

/** A checkpoint being written (checkpoint-file.ts); the finished file replaces it by rename. */
const isTemporary = (name: string): boolean => /\.tmp-\d+$/.test(name);

/**
 * Hard-links a file where the file system allows, else copies it. Linking is safe because frames
 * never change once imported and checkpoints are replaced by rename, never rewritten in place.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (!cannotLink.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  }
}

/** Recreates `source` at `target` (which must not exist yet), file by file; returns what it holds. */
export function linkTree(source: string, target: string): FileTotals {
  const totals: FileTotals = { files: 0, bytes: 0 };
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) {
      const inner = linkTree(from, to);
      totals.files += inner.files;
      totals.bytes += inner.bytes;
    } else if (entry.isFile() && !isTemporary(entry.name)) {
      linkOrCopy(from, to);
      totals.files += 1;
      totals.bytes += statSync(to).size;
    }
  }
  return totals;
}

/** What a folder holds (files and bytes, recursively); zero for a folder that does not exist. */
export function measureTree(dir: string): FileTotals {
  const totals: FileTotals = { files: 0, bytes: 0 };
  if (!existsSync(dir)) return totals;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const inner = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = measureTree(inner);
      totals.files += sub.files;
      totals.bytes += sub.bytes;
    } else if (entry.isFile()) {
      totals.files += 1;
      totals.bytes += statSync(inner).size;
    }
  }
  return totals;
}
