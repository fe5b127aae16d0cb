import type { Migration } from '../migrate';

/**
 * What the frame store needs to serve a recording (format, gaps, codec, rotation), and the
 * events labelled on recordings with their annotators (the labelling issue builds on these).
 */
export const recordingsAndEvents: Migration = {
  version: 20,
  name: 'recordings-and-events',
  up(db) {
    db.exec(`
      ALTER TABLE recordings ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'video' CHECK (source_kind IN ('video','images'));
      ALTER TABLE recordings ADD COLUMN frame_format TEXT NOT NULL DEFAULT 'jpg' CHECK (frame_format IN ('jpg','png'));
      ALTER TABLE recordings ADD COLUMN missing_frames TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(missing_frames));
      ALTER TABLE recordings ADD COLUMN codec TEXT;
      ALTER TABLE recordings ADD COLUMN rotation INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE recordings ADD COLUMN duration_sec REAL NOT NULL DEFAULT 0;
      CREATE INDEX recordings_project ON recordings(project_id);
      CREATE INDEX recordings_session ON recordings(session_id);

      CREATE TABLE annotators (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE RESTRICT,
        -- NULL: the recording's subject.
        subject_id INTEGER REFERENCES subjects(id) ON DELETE RESTRICT,
        onset INTEGER NOT NULL,
        -- NULL: the apex is explicitly missing (some dataset rows have none).
        apex INTEGER,
        offset INTEGER NOT NULL,
        emotion TEXT NOT NULL,
        objective_class TEXT,
        au_raw TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        uncertain INTEGER NOT NULL DEFAULT 0 CHECK (uncertain IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (onset <= offset),
        CHECK (apex IS NULL OR (apex >= onset AND apex <= offset))
      ) STRICT;
      CREATE INDEX events_recording ON events(recording_id);
      CREATE INDEX events_annotator ON events(annotator_id);
    `);
  },
};
