import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { ArchiveCounts } from '../../../shared/api/project-archive';

/** What a `.merproj` archive is; the first entry of every archive is its manifest. */
export const archiveFormat = 'mer-project-archive';
/** Raised when the layout changes in a way older readers cannot follow. */
export const archiveFormatVersion = 1;
export const manifestName = 'manifest.json';

export const ArchiveFile = z.object({
  /** Path inside the archive, e.g. `tables/events.json` or `media/recordings/<key>/frames/12.jpg`. */
  path: z.string(),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ArchiveFile = z.infer<typeof ArchiveFile>;

export const Manifest = z.object({
  format: z.literal(archiveFormat),
  formatVersion: z.number().int().min(1),
  appVersion: z.string(),
  /** The database schema (migration version) the rows were read from. */
  schemaVersion: z.number().int().min(0),
  createdAt: z.string(),
  project: z.string(),
  counts: ArchiveCounts,
  /** Archive paths of the tables, in the order their rows are inserted. */
  tables: z.array(z.string()),
  /** Old run id → its folder in the archive (runs that wrote no files have none). */
  runFolders: z.record(z.string(), z.string()),
  /** Every other entry of the archive, with its size and SHA-256. */
  files: z.array(ArchiveFile),
});
export type Manifest = z.infer<typeof Manifest>;

export const tablePath = (table: string): string => `tables/${table}.json`;

/** Folders an archive may hold besides the manifest and the tables: nothing else is accepted. */
export const recordingFolderPattern = /^media\/recordings\/[A-Za-z0-9_-]+\//;
export const runFolderPattern = /^runs\/\d+\//;
export const tableFilePattern = /^tables\/[a-z_]+\.json$/;

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hashes a file as a stream (run checkpoints can be hundreds of megabytes). */
export function sha256File(file: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(file, { signal });
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Reads what an archive says it is before trusting the rest: a foreign file, a newer format or a
 * newer schema is refused here with a message that says which.
 */
export function checkManifest(raw: unknown, reader: { formatVersion: number; schemaVersion: number }): Manifest {
  const head = z.object({ format: z.unknown(), formatVersion: z.unknown(), schemaVersion: z.unknown() }).partial().safeParse(raw);
  if (!head.success || head.data.format !== archiveFormat) throw new Error('This file is not a MER Workstation project archive (its manifest does not say so)');
  const { formatVersion, schemaVersion } = head.data;
  if (typeof formatVersion === 'number' && formatVersion > reader.formatVersion) {
    throw new Error(`This archive was written by a newer MER Workstation (archive format ${formatVersion}; this version reads up to ${reader.formatVersion}). Update the app to open it.`);
  }
  if (typeof schemaVersion === 'number' && schemaVersion > reader.schemaVersion) {
    throw new Error(`This archive holds data of a newer MER Workstation (schema ${schemaVersion}; this version knows up to ${reader.schemaVersion}). Update the app to open it.`);
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw new Error(`The archive's manifest is damaged (${parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ')})`);
  return parsed.data;
}
