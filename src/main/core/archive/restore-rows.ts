import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveCounts } from '../../../shared/api/project-archive';
import type { Db } from '../db/connection';
import { createProjectRowsRepository, projectTables, type Cell, type ProjectTable, type TableRows } from '../db/repositories/project-rows';
import { runsRoot } from '../training/run-folders';
import { IdMaps } from './id-maps';
import { remapAttention, remapEventState, remapImportReport, remapProvenance, remapRunConfig } from './remap-json';

export interface RestoreInput {
  /** The archive's tables by name. */
  tables: Record<string, TableRows>;
  /** Where the archive was extracted (holds media/recordings/<key> and runs/<id>). */
  extracted: string;
  /** Old run id → folder in the archive. */
  runFolders: Record<string, string>;
  dataDir: string;
}

export interface Restored {
  projectId: number;
  project: string;
  counts: ArchiveCounts;
}

/** "Name", or "Name (2)", "Name (3)"… the first that no project has. */
function freeName(name: string, taken: (name: string) => boolean): string {
  if (!taken(name)) return name;
  for (let n = 2; ; n++) if (!taken(`${name} (${n})`)) return `${name} (${n})`;
}

/** The largest numeric run folder in `<data>/runs` (a crash can leave a deleted run's until the next start). */
function largestRunFolder(dataDir: string): number {
  const dir = runsRoot(dataDir);
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((max, name) => (/^\d+$/.test(name) ? Math.max(max, Number(name)) : max), 0);
}

const recordingFolder = /^recordings\/[A-Za-z0-9_-]+$/;

/**
 * Writes an archive's rows as a new project in one transaction, every id renumbered, and moves
 * its frame and run folders in place inside that transaction: if anything fails, the rows roll
 * back and the moved folders are removed, so the data directory is as it was.
 */
export function restoreRows(db: Db, input: RestoreInput): Restored {
  const repo = createProjectRowsRepository(db);
  const moved: string[] = [];
  const move = (from: string, to: string) => {
    if (!existsSync(from)) throw new Error(`The archive is damaged: ${path.relative(input.extracted, from)} is missing`);
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
    moved.push(to);
  };

  const restore = (): Restored => {
    const ids = new IdMaps(repo, largestRunFolder(input.dataDir));
    const counts: ArchiveCounts = { annotatorsCreated: 0, recordingFolders: 0, runFolders: 0 };
    const created = { projectId: 0, project: '' };
    const place = (kind: 'recordingFolders' | 'runFolders', from: string, to: string) => {
      move(path.join(input.extracted, from), path.join(input.dataDir, to));
      counts[kind]!++;
    };
    for (const table of projectTables) {
      const data = input.tables[table.name];
      if (!data) continue;
      const known = new Set(repo.columnsOf(table.name));
      const unknown = data.columns.filter((c) => !known.has(c));
      if (unknown.length > 0) throw new Error(`The archive's ${table.name} has columns this version does not know (${unknown.join(', ')})`);
      const rows = data.rows.map((cells) => Object.fromEntries(data.columns.map((c, i) => [c, cells[i] ?? null])) as Record<string, Cell>);
      const insert = repo.inserter(table.name, data.columns);
      if (table.name === 'annotators') {
        counts['annotatorsCreated'] = restoreAnnotators(rows, ids, repo.annotatorByName, insert);
        continue;
      }
      const own = table.ownIds;
      const newIds = own ? rows.map((row) => ids.allocate(own, Number(row['id']))) : [];
      rows.forEach((row, i) => {
        const values = withRefs(table, row, ids);
        if (own) values['id'] = newIds[i]!;
        if (table.name === 'projects') {
          created.project = freeName(String(row['name']), repo.projectNameTaken);
          created.projectId = newIds[i]!;
          values['name'] = created.project;
        }
        transform(table.name, row, values, ids);
        if (table.name === 'recordings') place('recordingFolders', `media/${String(row['frames_dir'])}`, `media/${String(values['frames_dir'])}`);
        const runFolder = table.name === 'training_runs' ? input.runFolders[String(row['id'])] : undefined;
        if (runFolder !== undefined) place('runFolders', runFolder, `runs/${String(values['id'])}`);
        insert(values);
      });
      counts[table.name] = rows.length;
    }
    if (created.projectId === 0) throw new Error('The archive is damaged: it holds no project');
    return { ...created, counts };
  };

  try {
    return db.transaction(restore).immediate();
  } catch (error) {
    for (const dir of moved) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function withRefs(table: ProjectTable, row: Record<string, Cell>, ids: IdMaps): Record<string, Cell> {
  const values = { ...row };
  for (const [column, ref] of Object.entries(table.refs)) if (column in values) values[column] = ids.ref(ref, values[column]);
  return values;
}

/** Annotators are matched by name (they are shared by all projects); returns how many were new. */
function restoreAnnotators(rows: Record<string, Cell>[], ids: IdMaps, byName: (name: string) => number | undefined, insert: (values: Record<string, Cell>) => void): number {
  let createdCount = 0;
  for (const row of rows) {
    const existing = byName(String(row['name']));
    if (existing !== undefined) ids.reuse('annotators', Number(row['id']), existing);
    else {
      insert({ ...row, id: ids.allocate('annotators', Number(row['id'])) });
      createdCount++;
    }
  }
  return createdCount;
}

/** Columns that hold a folder or ids inside JSON. */
function transform(table: string, row: Record<string, Cell>, values: Record<string, Cell>, ids: IdMaps): void {
  switch (table) {
    case 'recordings': {
      const old = String(row['frames_dir']);
      if (!recordingFolder.test(old)) throw new Error(`The archive is damaged: a recording's frame folder is "${old}"`);
      values['frames_dir'] = `recordings/${randomUUID()}`;
      return;
    }
    case 'events':
      values['provenance'] = remapProvenance(row['provenance'] ?? null, ids);
      return;
    case 'event_changes':
      values['before'] = remapEventState(row['before'] ?? null, ids);
      values['after'] = remapEventState(row['after'] ?? null, ids);
      return;
    case 'import_reports':
      values['report'] = remapImportReport(row['report'] ?? null, ids, Number(values['id']));
      return;
    case 'training_runs':
      values['config'] = remapRunConfig(row['config'] ?? null, ids);
      return;
    case 'training_fold_diagnostics':
      values['attention'] = remapAttention(row['attention'] ?? null, ids);
      return;
  }
}
