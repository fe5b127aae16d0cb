import type { Migration } from '../migrate';

/**
 * Dataset imports: the report of each import, kept with the project, and which event each
 * dataset row became, so that importing the same sheet again changes nothing and a newer
 * version of a sheet (CASME II 2014 → 2019) updates exactly the rows it revises.
 */
export const datasetImports: Migration = {
  version: 40,
  name: 'dataset-imports',
  up(db) {
    db.exec(`
      CREATE TABLE import_reports (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        -- The format: casme2, samm, smic, mmew, casme3 or generic.
        dataset TEXT NOT NULL,
        -- NULL for SMIC, which has no sheet.
        sheet_file TEXT,
        sheet_hash TEXT,
        root TEXT NOT NULL,
        annotator TEXT NOT NULL,
        counts TEXT NOT NULL CHECK (json_valid(counts)),
        report TEXT NOT NULL CHECK (json_valid(report)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX import_reports_project ON import_reports(project_id, id);

      -- One row per event an import created: the row's identity in the dataset (e.g.
      -- 'sub01/EP02_01f'), the sheet's values as imported and what was written, so that a
      -- re-import can tell a revised sheet from an event edited in the project since.
      CREATE TABLE dataset_events (
        event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        dataset TEXT NOT NULL,
        source_key TEXT NOT NULL,
        sheet_values TEXT NOT NULL CHECK (json_valid(sheet_values)),
        written TEXT NOT NULL CHECK (json_valid(written)),
        report_id INTEGER REFERENCES import_reports(id) ON DELETE SET NULL,
        UNIQUE (project_id, dataset, source_key)
      ) STRICT;
      CREATE INDEX dataset_events_report ON dataset_events(report_id);
    `);
  },
};
