import { z } from 'zod';
import { Id } from './common';

/**
 * A whole project as one file (`.merproj`: a gzipped tar) that another machine's workstation can
 * open: a manifest, the project's rows as JSON, its frame folders and its training run folders.
 */
export const archiveExtension = '.merproj';

/** A file name an archive may have: `.merproj`, or `.tar.gz` when renamed for other tools. */
export function isArchiveFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith(archiveExtension) || lower.endsWith('.tar.gz');
}

/** POSIX `/…`, Windows `C:\…` or `\\server\…`: a relative path would depend on the backend's working folder. */
const isAbsolutePath = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');

const FilePath = z.string().trim().min(1, 'must not be empty').max(4096).refine(isAbsolutePath, 'must be an absolute path on the backend machine');

export const ExportArchiveParams = z
  .object({
    projectId: Id,
    /** The archive file to write; `.merproj` is added when the name has no such ending. It must not exist yet. */
    out: FilePath,
  })
  .strict();

/** Rows per table, and `recordings`, `runs`, `files` and `bytes` of the folders. */
export const ArchiveCounts = z.record(z.string(), z.number().int());
export type ArchiveCounts = z.infer<typeof ArchiveCounts>;

export const ExportArchiveResult = z.object({ file: z.string(), bytes: z.number().int(), project: z.string(), counts: ArchiveCounts });

export const ImportArchiveParams = z.object({ file: FilePath }).strict();

export const ImportArchiveResult = z.object({
  projectId: Id,
  /** The new project's name: the archive's, or "Name (2)" when that name was taken. */
  project: z.string(),
  /** The name in the archive. */
  archivedAs: z.string(),
  counts: ArchiveCounts,
});
