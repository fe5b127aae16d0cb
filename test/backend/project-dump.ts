import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../../src/main/core/data-dir';
import { createProjectRowsRepository, projectTables, type Cell, type RowRef } from '../../src/main/core/db/repositories/project-rows';

/**
 * A project's rows with every id replaced by what it points at, so two data directories can be
 * compared by content and relations: a subject becomes its code, a recording its fields and
 * frames, an event its fields and its recording's, and so on. Ids inside JSON (an event's state
 * in its history, provenance, a run's configuration) are replaced the same way.
 */
export type ProjectDump = Record<string, string[]>;

type Row = Record<string, Cell>;

function filesOf(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((e) => {
    const child = relative ? `${relative}/${e.name}` : e.name;
    return e.isDirectory() ? filesOf(dir, child) : [child];
  });
}

/** Every file of a folder with the SHA-256 of its bytes, sorted by path: equal only if byte for byte equal. */
export function folderContent(dir: string): string {
  if (!existsSync(dir)) return '[]';
  return JSON.stringify(filesOf(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

export function dumpProject(dataDir: string, projectName: string): ProjectDump {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    const project = db.prepare<[string], { id: number }>('SELECT id FROM projects WHERE name = ?').get(projectName);
    if (!project) throw new Error(`no project ${projectName}`);
    const tables = createProjectRowsRepository(db).read(project.id);
    const rowsOf = (table: string): Row[] => tables[table]!.rows.map((cells) => Object.fromEntries(tables[table]!.columns.map((c, i) => [c, cells[i] ?? null])));
    const byId = new Map<string, Row>();
    for (const t of projectTables) if (t.ownIds) for (const row of rowsOf(t.name)) byId.set(`${t.name}:${String(row['id'])}`, row);
    const labels = new Map<string, string>();

    const stateLabel = (json: Cell): unknown => {
      if (typeof json !== 'string') return json;
      const state = JSON.parse(json) as Record<string, unknown>;
      const provenance = state['provenance'] ? JSON.parse(provenanceLabel(JSON.stringify(state['provenance']))) as unknown : null;
      return { ...state, recordingId: label('recordings', state['recordingId']), annotatorId: label('annotators', state['annotatorId']), subjectId: label('subjects', state['subjectId']), provenance };
    };
    const provenanceLabel = (json: string): string => json.replace(/\(event (\d+)\)/g, (_, n: string) => `(${String(label('events', Number(n))).replace(/["\\]/g, '')})`);
    const deletedEvent = (id: number): string => {
      const first = rowsOf('event_changes').find((c) => c['event_id'] === id);
      return `deleted event created as ${JSON.stringify(stateLabel(first?.['after'] ?? null))}`;
    };
    function label(table: RowRef, id: unknown): string | null {
      if (id === null || id === undefined) return null;
      const key = `${table}:${String(id)}`;
      const known = labels.get(key);
      if (known !== undefined) return known;
      const row = byId.get(key);
      const text = row ? rowLabel(table, row) : table === 'events' ? deletedEvent(Number(id)) : `missing ${key}`;
      labels.set(key, text);
      return text;
    }
    function rowLabel(table: string, row: Row): string {
      const spec = projectTables.find((t) => t.name === table)!;
      const out: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        if (column === 'id' && spec.ownIds) continue;
        const ref = spec.refs[column];
        if (ref === 'jobs') continue; // job records stay on the machine that ran them
        out[column] = ref ? label(ref, value) : value;
      }
      if (table === 'recordings') out['frames_dir'] = folderContent(path.join(dataDir, 'media', String(row['frames_dir'])));
      if (table === 'event_changes') {
        out['before'] = stateLabel(row['before'] ?? null);
        out['after'] = stateLabel(row['after'] ?? null);
      }
      if (table === 'events' && typeof row['provenance'] === 'string') {
        out['provenance'] = provenanceLabel(row['provenance']);
      }
      if (table === 'import_reports') {
        const report = JSON.parse(String(row['report'])) as { reportId: number | null; changes: { removed: { eventId: number }[]; items: { eventId: number }[] } };
        const events = (list: { eventId: number }[]) => list.map((item) => ({ ...item, eventId: label('events', item.eventId) }));
        out['report'] = { ...report, reportId: report.reportId === row['id'] ? 'this report' : report.reportId, changes: { ...report.changes, removed: events(report.changes.removed), items: events(report.changes.items) } };
      }
      if (table === 'training_fold_diagnostics' && typeof row['attention'] === 'string') {
        const samples = JSON.parse(row['attention']) as { eventId: number; recordingId: number }[];
        out['attention'] = samples.map((a) => ({ ...a, eventId: label('events', a.eventId), recordingId: label('recordings', a.recordingId) }));
      }
      if (table === 'training_runs') {
        const config = JSON.parse(String(row['config'])) as { projectId: number; data: { annotatorIds: number[] | null } };
        out['config'] = { ...config, projectId: label('projects', config.projectId), data: { ...config.data, annotatorIds: config.data.annotatorIds?.map((a) => label('annotators', a)) ?? null } };
        out['folder'] = folderContent(path.join(dataDir, 'runs', String(row['id'])));
      }
      return JSON.stringify(out);
    }

    return Object.fromEntries(
      projectTables.map((t) => {
        const rows = rowsOf(t.name).map((row) => (t.ownIds ? label(t.ownIds, row['id'])! : rowLabel(t.name, row)));
        return [t.name, rows.sort()];
      }),
    );
  } finally {
    db.close();
  }
}
