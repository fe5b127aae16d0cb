import type { Db } from '../connection';
import type { DatasetFormatId, ImportCounts, ImportReport, StoredImportReport } from '../../../../shared/api/datasets';

interface LinkRow {
  event_id: number;
  source_key: string;
  sheet_values: string;
  written: string;
}

interface ReportRow {
  id: number;
  project_id: number;
  dataset: DatasetFormatId;
  sheet_file: string | null;
  sheet_hash: string | null;
  root: string;
  annotator: string;
  counts: string;
  created_at: string;
}

export interface EventLink<S, W> {
  eventId: number;
  key: string;
  /** The sheet's values for the row, as last imported. */
  sheet: S;
  /** What the import wrote into the event. */
  written: W;
}

function toStored(row: ReportRow): StoredImportReport {
  return {
    id: row.id,
    projectId: row.project_id,
    format: row.dataset,
    sheet: row.sheet_file,
    sheetSha256: row.sheet_hash,
    root: row.root,
    annotator: row.annotator,
    counts: JSON.parse(row.counts) as ImportCounts,
    createdAt: row.created_at,
  };
}

/** Import reports, and which event each dataset row became (for idempotent re-imports). */
export function createDatasetImportsRepository(db: Db) {
  const links = db.prepare<[number, string], LinkRow>(`SELECT event_id, source_key, sheet_values, written FROM dataset_events WHERE project_id = ? AND dataset = ?`);
  const upsertLink = db.prepare(`
    INSERT INTO dataset_events (event_id, project_id, dataset, source_key, sheet_values, written, report_id)
    VALUES (@eventId, @projectId, @dataset, @key, @sheet, @written, @reportId)
    ON CONFLICT (event_id) DO UPDATE SET sheet_values = excluded.sheet_values, written = excluded.written, report_id = excluded.report_id`);
  const insertReport = db.prepare(`
    INSERT INTO import_reports (project_id, dataset, sheet_file, sheet_hash, root, annotator, counts, report, created_at)
    VALUES (@projectId, @dataset, @sheetFile, @sheetHash, @root, @annotator, @counts, @report, @now)`);
  const setReport = db.prepare<[string, number]>(`UPDATE import_reports SET report = ? WHERE id = ?`);
  const reportsOf = db.prepare<[number], ReportRow>(`SELECT id, project_id, dataset, sheet_file, sheet_hash, root, annotator, counts, created_at FROM import_reports WHERE project_id = ? ORDER BY id`);
  const reportById = db.prepare<[number], ReportRow & { report: string }>(`SELECT * FROM import_reports WHERE id = ?`);
  const recordingBySource = db.prepare<[number, string], { id: number }>(`SELECT id FROM recordings WHERE project_id = ? AND source_path = ? ORDER BY id LIMIT 1`);

  return {
    links<S, W>(projectId: number, dataset: DatasetFormatId): Map<string, EventLink<S, W>> {
      return new Map(
        links.all(projectId, dataset).map((r) => [r.source_key, { eventId: r.event_id, key: r.source_key, sheet: JSON.parse(r.sheet_values) as S, written: JSON.parse(r.written) as W }]),
      );
    },
    link(l: { eventId: number; projectId: number; dataset: DatasetFormatId; key: string; sheet: unknown; written: unknown; reportId: number }): void {
      upsertLink.run({ ...l, sheet: JSON.stringify(l.sheet), written: JSON.stringify(l.written) });
    },
    /** Stores a report; `report.reportId` is filled in with the new id. */
    /** The dataset each imported event of the project came from (events made in the app have none). */
    datasetsOfEvents(projectId: number): Map<number, string> {
      const rows = db.prepare<[number], { event_id: number; dataset: string }>('SELECT event_id, dataset FROM dataset_events WHERE project_id = ?').all(projectId);
      return new Map(rows.map((r) => [r.event_id, r.dataset]));
    },
    saveReport(projectId: number, report: ImportReport): number {
      const id = Number(
        insertReport.run({
          projectId,
          dataset: report.format,
          sheetFile: report.sheet?.file ?? null,
          sheetHash: report.sheet?.sha256 ?? null,
          root: report.root,
          annotator: report.annotator,
          counts: JSON.stringify(report.counts),
          report: '{}',
          now: new Date().toISOString(),
        }).lastInsertRowid,
      );
      setReport.run(JSON.stringify({ ...report, reportId: id }), id);
      return id;
    },
    reports: (projectId: number): StoredImportReport[] => reportsOf.all(projectId).map(toStored),
    report(id: number): (StoredImportReport & { report: ImportReport }) | undefined {
      const row = reportById.get(id);
      return row && { ...toStored(row), report: JSON.parse(row.report) as ImportReport };
    },
    recordingBySource: (projectId: number, sourcePath: string): number | undefined => recordingBySource.get(projectId, sourcePath)?.id,
  };
}

export type DatasetImportsRepository = ReturnType<typeof createDatasetImportsRepository>;
