import type { Migration } from '../migrate';

/** Projects, subjects, capture sessions, recordings and jobs: the ground every issue builds on. */
export const foundation: Migration = {
  version: 10,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        label_set TEXT NOT NULL CHECK (json_valid(label_set)),
        default_fps REAL NOT NULL CHECK (default_fps > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE subjects (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (project_id, code)
      ) STRICT;

      CREATE TABLE capture_sessions (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        subject_id INTEGER REFERENCES subjects(id) ON DELETE RESTRICT,
        captured_on TEXT,
        operator TEXT NOT NULL DEFAULT '',
        camera TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(camera)),
        stimuli TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(stimuli)),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE recordings (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES capture_sessions(id) ON DELETE SET NULL,
        subject_id INTEGER REFERENCES subjects(id) ON DELETE RESTRICT,
        name TEXT NOT NULL,
        source_path TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        stimulus TEXT NOT NULL DEFAULT '',
        fps_num INTEGER NOT NULL CHECK (fps_num > 0),
        fps_den INTEGER NOT NULL CHECK (fps_den > 0),
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        frame_count INTEGER NOT NULL CHECK (frame_count > 0),
        first_frame INTEGER NOT NULL DEFAULT 0,
        frames_dir TEXT NOT NULL,
        face_box TEXT CHECK (face_box IS NULL OR json_valid(face_box)),
        created_at TEXT NOT NULL,
        UNIQUE (project_id, content_hash)
      ) STRICT;
      CREATE INDEX recordings_subject ON recordings(subject_id);

      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued','running','succeeded','failed','cancelled','interrupted')),
        progress REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
        message TEXT NOT NULL DEFAULT '',
        params TEXT NOT NULL CHECK (json_valid(params)),
        result TEXT CHECK (result IS NULL OR json_valid(result)),
        error TEXT,
        cancellable INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX jobs_status ON jobs(status);
    `);
  },
};
