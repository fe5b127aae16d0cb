import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { jobKinds } from '../../../shared/api/jobs';
import { archiveExtension, type ArchiveCounts } from '../../../shared/api/project-archive';
import { appVersion } from '../app/version';
import { createProjectRowsRepository, projectTables, type TableRows } from '../db/repositories/project-rows';
import { partialFolderPath } from '../exports/partial-folders';
import { JobCancelled, type JobRunner } from '../jobs/worker/context';
import { runDirectory } from '../training/run-folders';
import { archiveFormat, archiveFormatVersion, manifestName, sha256, sha256File, tablePath, type ArchiveFile, type Manifest } from './manifest';
import { writeArchive } from './tar-io';

/** JPEG and PNG frames barely compress: a light level keeps the archive fast to write. */
const gzipLevel = 1;

/** Every file below `dir` (relative to `root`, with forward slashes), sorted. */
function filesBelow(root: string, dir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push({ path: child, bytes: statSync(path.join(root, child)).size });
    }
  };
  walk(dir);
  return out;
}

function withExtension(out: string): string {
  return out.endsWith(archiveExtension) || out.endsWith('.tar.gz') ? out : `${out}${archiveExtension}`;
}

/** The folders of the project's recordings and runs, checked to be there. */
function folders(dataDir: string, tables: Record<string, TableRows>) {
  const column = (t: TableRows, name: string) => t.columns.indexOf(name);
  const recordings = tables['recordings']!;
  const mediaDirs = recordings.rows.map((r) => `media/${String(r[column(recordings, 'frames_dir')])}`);
  for (const dir of mediaDirs) {
    if (!existsSync(path.join(dataDir, dir))) throw new Error(`The frames of a recording are missing (${dir}); run the integrity check before exporting`);
  }
  const runs = tables['training_runs']!;
  const runFolders: Record<string, string> = {};
  for (const row of runs.rows) {
    const id = String(row[column(runs, 'id')]);
    if (existsSync(runDirectory(dataDir, Number(id)))) runFolders[id] = `runs/${id}`;
  }
  return { mediaDirs, runFolders };
}

/**
 * Writes a project into one archive: the manifest first (format, versions, counts and the SHA-256
 * of every other entry), then the rows of each table as JSON, then the frame and run folders.
 * The file appears under its name only when complete.
 */
export const exportArchiveJob: JobRunner = async (rawParams, ctx) => {
  const params = jobKinds['projects.export-archive'].params.parse(rawParams);
  const out = path.resolve(withExtension(params.out));
  if (!existsSync(path.dirname(out))) throw new Error(`The folder ${path.dirname(out)} does not exist`);
  if (existsSync(out)) throw new Error(`${out} already exists; choose another name (an archive is never overwritten)`);
  const repo = createProjectRowsRepository(ctx.db);
  const running = repo.runningRun(params.projectId);
  if (running !== undefined) throw new Error(`Training run ${running} of this project is still running; wait for it to finish (or cancel it), then export`);

  await ctx.progress(0, 'Reading the project');
  const tables = repo.read(params.projectId);
  const project = tables['projects']!;
  if (project.rows.length === 0) throw new Error(`Project ${params.projectId} does not exist`);
  const projectName = String(project.rows[0]![project.columns.indexOf('name')]);
  const { mediaDirs, runFolders } = folders(ctx.dataDir, tables);
  const generated = projectTables.map((t) => ({ path: tablePath(t.name), data: Buffer.from(JSON.stringify(tables[t.name]!)) }));
  const onDisk = [...mediaDirs, ...Object.values(runFolders)].flatMap((dir) => filesBelow(ctx.dataDir, dir));
  const totalBytes = onDisk.reduce((sum, f) => sum + f.bytes, 0) || 1;

  const files: ArchiveFile[] = generated.map((g) => ({ path: g.path, bytes: g.data.length, sha256: sha256(g.data) }));
  let hashed = 0;
  for (const file of onDisk) {
    files.push({ path: file.path, bytes: file.bytes, sha256: await sha256File(path.join(ctx.dataDir, file.path), ctx.signal) });
    hashed += file.bytes;
    const n = files.length - generated.length;
    if (n % 50 === 0 || n === onDisk.length) await ctx.progress(0.3 * (hashed / totalBytes), `Checksums: ${n} of ${onDisk.length} files`);
  }
  const counts: ArchiveCounts = {
    ...Object.fromEntries(projectTables.map((t) => [t.name, tables[t.name]!.rows.length])),
    runFolders: Object.keys(runFolders).length,
    files: onDisk.length,
    bytes: onDisk.reduce((sum, f) => sum + f.bytes, 0),
  };
  const manifest: Manifest = {
    format: archiveFormat,
    formatVersion: archiveFormatVersion,
    appVersion,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    createdAt: new Date().toISOString(),
    project: projectName,
    counts,
    tables: projectTables.map((t) => tablePath(t.name)),
    runFolders,
    files,
  };

  // Named from the path as given, so the supervisor finds it if this worker is killed (partial-folders.ts).
  const partial = partialFolderPath(path.resolve(params.out));
  try {
    await writeArchive({
      generated: [{ path: manifestName, data: Buffer.from(JSON.stringify(manifest, null, 1)) }, ...generated],
      files: onDisk,
      cwd: ctx.dataDir,
      out: partial,
      gzipLevel,
      signal: ctx.signal,
      onBytes: (done) => ctx.report(0.3 + 0.7 * (done / totalBytes), `Writing the archive: ${Math.round(done / 1e6)} of ${Math.round(totalBytes / 1e6)} MB`),
    });
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    if (ctx.signal.aborted) throw new JobCancelled();
    throw error;
  }
  await ctx.progress(1, 'Archive written');
  const bytes = statSync(out).size;
  return { result: { file: out, bytes, project: projectName, counts }, message: `Exported "${projectName}" to ${path.basename(out)}` };
};
