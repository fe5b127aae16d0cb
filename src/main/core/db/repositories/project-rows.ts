import type { Db } from '../connection';

/** A table another row's column can point at; `jobs` references are dropped (job records stay on their machine). */
export type RowRef =
  | 'projects'
  | 'subjects'
  | 'capture_sessions'
  | 'recordings'
  | 'annotators'
  | 'events'
  | 'event_changes'
  | 'label_mappings'
  | 'import_reports'
  | 'training_runs'
  | 'jobs';

export interface ProjectTable {
  name: string;
  /** Selects the project's rows (`@project` is its id). */
  where: string;
  /** Order of export and of re-insertion. */
  order: string;
  /** The row's own `id` column, renumbered on import (in this map); absent for tables keyed by their references. */
  ownIds?: RowRef;
  /** Columns holding another row's id. */
  refs: Readonly<Record<string, RowRef>>;
}

const ofProject = 'project_id = @project';
const ofRuns = 'run_id IN (SELECT id FROM training_runs WHERE project_id = @project)';

/**
 * Every table that belongs to a project, parents before children. A new table must be listed
 * here or in `tablesOutsideProjects` (a test checks the schema against both).
 */
export const projectTables: readonly ProjectTable[] = [
  { name: 'projects', where: 'id = @project', order: 'id', ownIds: 'projects', refs: {} },
  { name: 'subjects', where: ofProject, order: 'id', ownIds: 'subjects', refs: { project_id: 'projects' } },
  { name: 'capture_sessions', where: ofProject, order: 'id', ownIds: 'capture_sessions', refs: { project_id: 'projects', subject_id: 'subjects' } },
  { name: 'recordings', where: ofProject, order: 'id', ownIds: 'recordings', refs: { project_id: 'projects', session_id: 'capture_sessions', subject_id: 'subjects' } },
  // Annotators are shared by all projects: the archive holds those who coded here, matched by name on import.
  {
    name: 'annotators',
    where: 'id IN (SELECT annotator_id FROM events WHERE project_id = @project UNION SELECT annotator_id FROM event_changes WHERE project_id = @project)',
    order: 'id',
    ownIds: 'annotators',
    refs: {},
  },
  { name: 'label_mappings', where: ofProject, order: 'id', ownIds: 'label_mappings', refs: { project_id: 'projects' } },
  {
    name: 'events',
    where: ofProject,
    order: 'id',
    ownIds: 'events',
    refs: { recording_id: 'recordings', project_id: 'projects', annotator_id: 'annotators', subject_id: 'subjects' },
  },
  { name: 'event_aus', where: 'event_id IN (SELECT id FROM events WHERE project_id = @project)', order: 'event_id, au', refs: { event_id: 'events' } },
  {
    name: 'event_changes',
    where: ofProject,
    order: 'id',
    ownIds: 'event_changes',
    refs: { event_id: 'events', project_id: 'projects', annotator_id: 'annotators', target: 'event_changes' },
  },
  { name: 'import_reports', where: ofProject, order: 'id', ownIds: 'import_reports', refs: { project_id: 'projects' } },
  { name: 'dataset_events', where: ofProject, order: 'event_id', refs: { event_id: 'events', project_id: 'projects', report_id: 'import_reports' } },
  { name: 'training_runs', where: ofProject, order: 'id', ownIds: 'training_runs', refs: { project_id: 'projects', job_id: 'jobs' } },
  { name: 'training_epochs', where: ofRuns, order: 'run_id, fold, stage, epoch', refs: { run_id: 'training_runs' } },
  { name: 'training_folds', where: ofRuns, order: 'run_id, fold', refs: { run_id: 'training_runs' } },
  { name: 'training_predictions', where: ofRuns, order: 'run_id, fold, event_id', refs: { run_id: 'training_runs', event_id: 'events' } },
  { name: 'training_fold_diagnostics', where: ofRuns, order: 'run_id, fold', refs: { run_id: 'training_runs' } },
];

/** Tables that are the machine's, not a project's. */
export const tablesOutsideProjects: Readonly<Record<string, string>> = {
  jobs: 'job records describe work done on the machine that ran it',
  backup_settings: 'the backup schedule is the workstation’s',
};

export type Cell = string | number | null;

export interface TableRows {
  columns: string[];
  rows: Cell[][];
}

/** Reads and writes a project's rows table by table, for whole-project archives. */
export function createProjectRowsRepository(db: Db) {
  const columnsOf = (table: string): string[] => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  const maxOf = (sql: string): number => (db.prepare<[], { n: number | null }>(sql).get()?.n ?? 0);

  return {
    /** Every table of a project, read in one transaction so the rows agree with each other. */
    read(projectId: number): Record<string, TableRows> {
      return db.transaction(() =>
        Object.fromEntries(
          projectTables.map((t) => {
            const statement = db.prepare(`SELECT * FROM ${t.name} WHERE ${t.where} ORDER BY ${t.order}`).raw(true);
            const rows = statement.all({ project: projectId }) as Cell[][];
            return [t.name, { columns: statement.columns().map((c) => c.name), rows }];
          }),
        ),
      )();
    },
    /** Names of the tables the database has (to check every one is accounted for). */
    tableNames(): string[] {
      return db.prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all().map((r) => r.name);
    },
    columnsOf,
    /** The largest id in use, so that imported rows can be given the next ones. */
    maxId: (table: string): number => maxOf(`SELECT MAX(id) AS n FROM ${table}`),
    /** The largest event id anything refers to, deleted events included (their undo re-creates them with that id). */
    maxEventId: (): number =>
      Math.max(maxOf('SELECT MAX(id) AS n FROM events'), maxOf('SELECT MAX(event_id) AS n FROM event_changes'), maxOf('SELECT MAX(event_id) AS n FROM training_predictions')),
    annotatorByName: (name: string): number | undefined => db.prepare<[string], { id: number }>(`SELECT id FROM annotators WHERE name = ? COLLATE NOCASE`).get(name)?.id,
    projectNameTaken: (name: string): boolean => db.prepare(`SELECT 1 FROM projects WHERE name = ? COLLATE NOCASE`).get(name) !== undefined,
    /** Inserts one row given by column; columns the table does not have are an error the caller reports. */
    inserter(table: string, columns: readonly string[]): (values: Record<string, Cell>) => void {
      const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      return (values) => void statement.run(values);
    },
    /** Whether the project has a training run in progress (its files are still being written). */
    runningRun: (projectId: number): number | undefined =>
      db.prepare<[number], { id: number }>(`SELECT id FROM training_runs WHERE project_id = ? AND status = 'running' ORDER BY id LIMIT 1`).get(projectId)?.id,
  };
}

export type ProjectRowsRepository = ReturnType<typeof createProjectRowsRepository>;
