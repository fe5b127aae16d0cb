import type { Db } from '../connection';
import type { CaptureSession } from '../../../../shared/api/recordings';

interface SessionRow {
  id: number;
  project_id: number;
  subject_id: number | null;
  captured_on: string | null;
  operator: string;
  camera: string;
  stimuli: string;
  notes: string;
  recording_count: number;
  created_at: string;
}

const select = `
  SELECT c.*, (SELECT COUNT(*) FROM recordings r WHERE r.session_id = c.id) AS recording_count
  FROM capture_sessions c`;

function toSession(row: SessionRow): CaptureSession {
  return {
    id: row.id,
    projectId: row.project_id,
    subjectId: row.subject_id,
    capturedOn: row.captured_on,
    operator: row.operator,
    camera: JSON.parse(row.camera) as Record<string, string>,
    stimuli: JSON.parse(row.stimuli) as string[],
    notes: row.notes,
    recordingCount: row.recording_count,
    createdAt: row.created_at,
  };
}

export interface SessionFields {
  subjectId: number | null;
  capturedOn: string | null;
  operator: string;
  camera: Record<string, string>;
  stimuli: string[];
  notes: string;
}

export function createSessionsRepository(db: Db) {
  const byId = db.prepare<[number], SessionRow>(`${select} WHERE c.id = ?`);
  const inProject = db.prepare<[number], SessionRow>(`${select} WHERE c.project_id = ? ORDER BY c.captured_on, c.id`);
  const insert = db.prepare(`
    INSERT INTO capture_sessions (project_id, subject_id, captured_on, operator, camera, stimuli, notes, created_at)
    VALUES (@projectId, @subjectId, @capturedOn, @operator, @camera, @stimuli, @notes, @now)`);
  const update = db.prepare(`
    UPDATE capture_sessions SET subject_id = @subjectId, captured_on = @capturedOn, operator = @operator,
      camera = @camera, stimuli = @stimuli, notes = @notes WHERE id = @id`);
  const remove = db.prepare<[number]>(`DELETE FROM capture_sessions WHERE id = ?`);
  const json = (f: SessionFields) => ({ ...f, camera: JSON.stringify(f.camera), stimuli: JSON.stringify(f.stimuli) });

  return {
    get: (id: number): CaptureSession | undefined => {
      const row = byId.get(id);
      return row && toSession(row);
    },
    list: (projectId: number): CaptureSession[] => inProject.all(projectId).map(toSession),
    insert: (projectId: number, f: SessionFields): number =>
      Number(insert.run({ projectId, ...json(f), now: new Date().toISOString() }).lastInsertRowid),
    update: (id: number, f: SessionFields): void => void update.run({ id, ...json(f) }),
    delete: (id: number): void => void remove.run(id),
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
