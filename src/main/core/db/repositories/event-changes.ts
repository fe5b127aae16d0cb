import type { Db } from '../connection';
import type { EventChange } from '../../../../shared/api/events';

type Action = EventChange['action'];

interface ChangeRow {
  id: number;
  event_id: number;
  annotator_id: number;
  annotator_name: string;
  action: Action;
  before: string | null;
  after: string | null;
  state: 'done' | 'undone' | 'discarded';
  at: string;
}

export interface StoredChange<S> {
  id: number;
  eventId: number;
  annotatorId: number;
  before: S | null;
  after: S | null;
}

function toChange(row: ChangeRow): EventChange {
  return {
    id: row.id,
    eventId: row.event_id,
    annotatorId: row.annotator_id,
    annotatorName: row.annotator_name,
    action: row.action,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    at: row.at,
  };
}

/** The audit trail: every change of an event with who, when, before and after. Undo walks it. */
export function createEventChangesRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO event_changes (event_id, project_id, annotator_id, action, before, after, target, at)
    VALUES (@eventId, @projectId, @annotatorId, @action, @before, @after, @target, @now)`);
  const ofEvent = db.prepare<[number], ChangeRow>(`
    SELECT c.*, a.name AS annotator_name FROM event_changes c JOIN annotators a ON a.id = c.annotator_id
    WHERE c.event_id = ? ORDER BY c.id`);
  const byId = db.prepare<[number], ChangeRow>(`SELECT c.*, a.name AS annotator_name FROM event_changes c JOIN annotators a ON a.id = c.annotator_id WHERE c.id = ?`);
  // The undo stack of an annotator in a project: their own changes, newest first.
  const lastDone = db.prepare<[number, number], ChangeRow>(`
    SELECT c.*, '' AS annotator_name FROM event_changes c
    WHERE c.annotator_id = ? AND c.project_id = ? AND c.action IN ('create','update','delete') AND c.state = 'done'
    ORDER BY c.id DESC LIMIT 1`);
  // The redo stack: the change undone last (undo and redo rows record when that happened).
  const lastUndone = db.prepare<[number, number], ChangeRow>(`
    SELECT t.*, '' AS annotator_name FROM event_changes u JOIN event_changes t ON t.id = u.target
    WHERE u.annotator_id = ? AND u.project_id = ? AND u.action IN ('undo','redo') AND t.state = 'undone'
    ORDER BY u.id DESC LIMIT 1`);
  const setState = db.prepare<[string, number]>(`UPDATE event_changes SET state = ? WHERE id = ?`);
  const discardRedo = db.prepare<[number, number]>(`UPDATE event_changes SET state = 'discarded' WHERE annotator_id = ? AND project_id = ? AND state = 'undone'`);

  const stored = <S>(row: ChangeRow): StoredChange<S> => ({
    id: row.id,
    eventId: row.event_id,
    annotatorId: row.annotator_id,
    before: row.before === null ? null : (JSON.parse(row.before) as S),
    after: row.after === null ? null : (JSON.parse(row.after) as S),
  });

  return {
    /** Records a change; a new create/update/delete empties the annotator's redo stack. */
    record(c: { eventId: number; projectId: number; annotatorId: number; action: Action; before: unknown; after: unknown; target?: number }): number {
      if (c.action === 'create' || c.action === 'update' || c.action === 'delete') discardRedo.run(c.annotatorId, c.projectId);
      const info = insert.run({
        eventId: c.eventId,
        projectId: c.projectId,
        annotatorId: c.annotatorId,
        action: c.action,
        before: c.before === null ? null : JSON.stringify(c.before),
        after: c.after === null ? null : JSON.stringify(c.after),
        target: c.target ?? null,
        now: new Date().toISOString(),
      });
      return Number(info.lastInsertRowid);
    },
    history: (eventId: number): EventChange[] => ofEvent.all(eventId).map(toChange),
    get: (id: number): EventChange | undefined => {
      const row = byId.get(id);
      return row && toChange(row);
    },
    nextUndo<S>(annotatorId: number, projectId: number): StoredChange<S> | undefined {
      const row = lastDone.get(annotatorId, projectId);
      return row && stored<S>(row);
    },
    nextRedo<S>(annotatorId: number, projectId: number): StoredChange<S> | undefined {
      const row = lastUndone.get(annotatorId, projectId);
      return row && stored<S>(row);
    },
    markUndone: (id: number): void => void setState.run('undone', id),
    markDone: (id: number): void => void setState.run('done', id),
  };
}

export type EventChangesRepository = ReturnType<typeof createEventChangesRepository>;
