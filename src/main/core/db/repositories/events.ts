import type { Db } from '../connection';

/** A labelled event as an import or the demo writes it (the labelling issue adds the rest). */
export interface NewEvent {
  recordingId: number;
  annotatorId: number;
  subjectId: number | null;
  onset: number;
  apex: number | null;
  offset: number;
  emotion: string;
  objectiveClass: string | null;
  auRaw: string;
  notes: string;
}

export function createEventsRepository(db: Db) {
  const findAnnotator = db.prepare<[string], { id: number }>(`SELECT id FROM annotators WHERE name = ?`);
  const insertAnnotator = db.prepare<[string, string]>(`INSERT INTO annotators (name, created_at) VALUES (?, ?)`);
  const insert = db.prepare(`
    INSERT INTO events (recording_id, annotator_id, subject_id, onset, apex, offset, emotion, objective_class, au_raw, notes, created_at, updated_at)
    VALUES (@recordingId, @annotatorId, @subjectId, @onset, @apex, @offset, @emotion, @objectiveClass, @auRaw, @notes, @now, @now)`);
  const inProject = db.prepare<[number], { n: number }>(
    `SELECT COUNT(*) AS n FROM events e JOIN recordings r ON r.id = e.recording_id WHERE r.project_id = ?`,
  );

  return {
    /** The annotator with this name, created on first use. */
    annotatorId(name: string): number {
      const found = findAnnotator.get(name);
      if (found) return found.id;
      return Number(insertAnnotator.run(name, new Date().toISOString()).lastInsertRowid);
    },
    insert: (e: NewEvent): number => Number(insert.run({ ...e, now: new Date().toISOString() }).lastInsertRowid),
    countInProject: (projectId: number): number => inProject.get(projectId)?.n ?? 0,
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
