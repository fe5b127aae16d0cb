import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { jobKinds } from '../../../shared/api/jobs';
import { latestVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { TableRows } from '../db/repositories/project-rows';
import { JobCancelled, type JobRunner } from '../jobs/worker/context';
import { archiveFormatVersion, checkManifest, manifestName, recordingFolderPattern, runFolderPattern, sha256File, tableFilePattern, type Manifest } from './manifest';
import { restoreRows } from './restore-rows';
import { extractArchive, readFirstEntry } from './tar-io';

const notAnArchive = (file: string) => `${path.basename(file)} is not a MER Workstation project archive`;

/** The manifest, read from the archive's first entry: anything else there means a foreign file. */
async function readManifest(file: string): Promise<Manifest> {
  let raw: Buffer | null;
  try {
    raw = await readFirstEntry(file, manifestName, 64 * 1024 * 1024);
  } catch (error) {
    throw new Error(`${notAnArchive(file)} (or it is damaged: ${(error as Error).message})`, { cause: error });
  }
  if (raw === null) throw new Error(`${notAnArchive(file)} (it does not begin with ${manifestName})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new Error(`The archive's manifest is damaged (not JSON); ${path.basename(file)} cannot be imported`);
  }
  const manifest = checkManifest(parsed, { formatVersion: archiveFormatVersion, schemaVersion: latestVersion(migrations) });
  const listed = new Set(manifest.files.map((f) => f.path));
  const strange = manifest.files.find((f) => f.path.split('/').includes('..') || refusal(f.path, 'File') !== null || f.path === manifestName);
  if (strange) throw new Error(`The archive's manifest is damaged (it lists "${strange.path}")`);
  for (const table of manifest.tables) {
    if (!tableFilePattern.test(table) || !listed.has(table)) throw new Error(`The archive's manifest is damaged (the table "${table}" is not one of its files)`);
  }
  for (const folder of Object.values(manifest.runFolders)) {
    if (!/^runs\/\d+$/.test(folder)) throw new Error(`The archive's manifest is damaged (a run folder is "${folder}")`);
  }
  return manifest;
}

/** Only what an archive writer puts there: the manifest, tables, frame folders and run folders, as plain files. */
function refusal(entryPath: string, type: string): string | null {
  const clean = entryPath.replace(/^\.\//, '');
  const known = clean === manifestName || tableFilePattern.test(clean) || recordingFolderPattern.test(clean) || runFolderPattern.test(clean);
  const folderOfKnown = type === 'Directory' && ['tables/', 'media/', 'media/recordings/', 'runs/'].includes(clean.endsWith('/') ? clean : `${clean}/`);
  if (type !== 'File' && type !== 'Directory') return `The archive holds ${clean}, a ${type} entry; archives hold only files and folders`;
  return known || folderOfKnown ? null : `The archive holds ${clean}, which a project archive never does`;
}

function filesBelow(root: string, relative = ''): string[] {
  return readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((e) => {
    const child = relative ? `${relative}/${e.name}` : e.name;
    return e.isDirectory() ? filesBelow(root, child) : [child];
  });
}

const Table = z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) });

function readTable(dir: string, table: string): TableRows {
  const parsed = Table.safeParse(JSON.parse(readFileSync(path.join(dir, table), 'utf8')));
  if (!parsed.success) throw new Error(`The archive is damaged: ${table} is not a table of rows`);
  return parsed.data;
}

/** Every file the manifest lists is there with its size and SHA-256, and nothing else is. */
async function verify(dir: string, manifest: Manifest, signal: AbortSignal, progress: (f: number, m: string) => Promise<void>): Promise<void> {
  const listed = new Set(manifest.files.map((f) => f.path));
  const strange = manifest.files.find((f) => f.path.split('/').includes('..') || refusal(f.path, 'File') !== null || f.path === manifestName);
  if (strange) throw new Error(`The archive's manifest is damaged (it lists "${strange.path}")`);
  const extra = filesBelow(dir).find((f) => f !== manifestName && !listed.has(f));
  if (extra) throw new Error(`The archive holds ${extra}, which its manifest does not list: it was altered`);
  let index = 0;
  for (const file of manifest.files) {
    const onDisk = path.join(dir, file.path);
    if (!existsSync(onDisk)) throw new Error(`The archive is incomplete: ${file.path} is missing`);
    if (statSync(onDisk).size !== file.bytes || (await sha256File(onDisk, signal)) !== file.sha256) {
      throw new Error(`The archive is damaged: ${file.path} does not match its checksum`);
    }
    if (++index % 50 === 0 || index === manifest.files.length) await progress(index / manifest.files.length, `Checking ${index} of ${manifest.files.length} files`);
  }
}

/** Refuses before writing anything when the disk cannot hold the unpacked archive. */
function checkSpace(dataDir: string, manifest: Manifest): void {
  const needed = manifest.files.reduce((sum, f) => sum + f.bytes, 0) * 1.05 + 16 * 1024 * 1024;
  const stats = statfsSync(dataDir);
  const free = stats.bavail * stats.bsize;
  if (free < needed) {
    const mb = (n: number) => `${Math.ceil(n / 1e6)} MB`;
    throw new Error(`Not enough disk space to import this archive: it needs about ${mb(needed)} and ${mb(free)} are free in ${dataDir}. Nothing was imported.`);
  }
}

function explain(error: unknown): Error {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOSPC' || e.code === 'SQLITE_FULL') return new Error('The disk became full while importing the archive; nothing was imported', { cause: error });
  if (e.code === 'Z_BUF_ERROR' || e.code === 'Z_DATA_ERROR' || e.code === 'TAR_BAD_ARCHIVE' || e.code === 'TAR_ENTRY_INVALID') {
    return new Error(`The archive is damaged or incomplete (${e.message}); nothing was imported`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Opens an archive as a new project: the manifest is checked first (format, versions, free
 * space), the archive is unpacked into a staging folder in the frame store (swept at start-up if
 * a crash leaves it), every file is checked against its checksum, then rows and folders go in
 * together. Any failure leaves the data directory as it was.
 */
export const importArchiveJob: JobRunner = async (rawParams, ctx) => {
  const { file: given } = jobKinds['projects.import-archive'].params.parse(rawParams);
  const file = path.resolve(given);
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`There is no file ${file}`);
  await ctx.progress(0, 'Reading the manifest');
  const manifest = await readManifest(file);
  checkSpace(ctx.dataDir, manifest);

  const staging = path.join(ctx.mediaRoot, '.staging', `archive-${randomUUID()}`);
  mkdirSync(staging, { recursive: true });
  try {
    const size = statSync(file).size || 1;
    await extractArchive({
      file,
      into: staging,
      signal: ctx.signal,
      refuse: refusal,
      onBytes: (read) => ctx.report(0.6 * (read / size), `Unpacking: ${Math.round(read / 1e6)} of ${Math.round(size / 1e6)} MB`),
    });
    await verify(staging, manifest, ctx.signal, (f, m) => ctx.progress(0.6 + 0.3 * f, m));
    const tables: Record<string, TableRows> = Object.fromEntries(manifest.tables.map((t) => [t.replace(/^tables\/|\.json$/g, ''), readTable(staging, t)]));
    await ctx.progress(0.92, 'Writing the project');
    const restored = restoreRows(ctx.db, { tables, extracted: staging, runFolders: manifest.runFolders, dataDir: ctx.dataDir });
    const renamed = restored.project === manifest.project ? '' : ` as "${restored.project}"`;
    return {
      result: { projectId: restored.projectId, project: restored.project, archivedAs: manifest.project, counts: restored.counts },
      message: `Imported "${manifest.project}"${renamed}`,
    };
  } catch (error) {
    if (ctx.signal.aborted) throw new JobCancelled();
    throw explain(error);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
