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
    `);
  },
};
