import type { Migration } from '../migrate';

/**
 * Labelling: the AU numbers of each event (for filters and agreement), a consensus event's
 * provenance, and the audit trail of every change with its before and after, which undo and
 * redo walk.
 */
export const labelling: Migration = {
  version: 30,
  name: 'labelling',
  up(db) {
    db.exec(`
      ALTER TABLE events ADD COLUMN provenance TEXT CHECK (provenance IS NULL OR json_valid(provenance));
      -- Set on save when part of the AU string could not be read (it is kept verbatim).
      ALTER TABLE events ADD COLUMN au_unparsed INTEGER NOT NULL DEFAULT 0 CHECK (au_unparsed IN (0, 1));
      -- Flags kept up to date on every write (see the events repository), so that filtering a
      -- project of many thousand events by status stays an index lookup.
      ALTER TABLE events ADD COLUMN overlap INTEGER NOT NULL DEFAULT 0 CHECK (overlap IN (0, 1));
      ALTER TABLE events ADD COLUMN unknown_emotion INTEGER NOT NULL DEFAULT 0 CHECK (unknown_emotion IN (0, 1));

      CREATE TABLE event_aus (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        au INTEGER NOT NULL,
        PRIMARY KEY (event_id, au)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX event_aus_au ON event_aus(au, event_id);

      CREATE TABLE event_changes (
        id INTEGER PRIMARY KEY,
        -- No foreign key: the trail outlives a deleted event.
        event_id INTEGER NOT NULL,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE RESTRICT,
        action TEXT NOT NULL CHECK (action IN ('create','update','delete','undo','redo')),
        before TEXT CHECK (before IS NULL OR json_valid(before)),
        after TEXT CHECK (after IS NULL OR json_valid(after)),
        -- For create/update/delete: 'done', 'undone', or 'discarded' (a newer change cleared the redo).
        state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done','undone','discarded')),
        -- For undo/redo: the change they acted on.
        target INTEGER REFERENCES event_changes(id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX event_changes_event ON event_changes(event_id, id);
      CREATE INDEX event_changes_stack ON event_changes(annotator_id, project_id, state, id);
      CREATE INDEX events_emotion ON events(emotion);
      -- The overlap flag looks for a coder's other events on the recording around an event;
      -- without this index SQLite walks every event of the coder.
      CREATE INDEX events_overlap ON events(recording_id, annotator_id, onset);
      CREATE INDEX events_order ON events(recording_id, onset, id);
      -- A recording never changes project, so events carry their project: listing a project's
      -- events in order, and counting them by emotion, then need no join.
      ALTER TABLE events ADD COLUMN project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE;
      UPDATE events SET project_id = (SELECT project_id FROM recordings r WHERE r.id = events.recording_id);
      CREATE INDEX events_project_order ON events(project_id, recording_id, onset, id);
      CREATE INDEX events_project_emotion ON events(project_id, emotion COLLATE NOCASE);

      -- A project's own class mappings (its label set → another set), editable; the built-in
      -- mappings of the public datasets live in code.
      CREATE TABLE label_mappings (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        to_labels TEXT NOT NULL CHECK (json_valid(to_labels)),
        map TEXT NOT NULL CHECK (json_valid(map)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (project_id, name)
      ) STRICT;
    `);
  },
};
