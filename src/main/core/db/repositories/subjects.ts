import type { Db } from '../connection';
import type { Subject } from '../../../../shared/api/subjects';

interface SubjectRow {
  id: number;
  project_id: number;
  code: string;
  notes: string;
  recording_count: number;
  created_at: string;
  updated_at: string;
}

const select = `
  SELECT s.*, (SELECT COUNT(*) FROM recordings r WHERE r.subject_id = s.id) AS recording_count
  FROM subjects s`;

function toSubject(row: SubjectRow): Subject {
  return {
    id: row.id,
    projectId: row.project_id,
    code: row.code,
    notes: row.notes,
    recordingCount: row.recording_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createSubjectsRepository(db: Db) {
  const byId = db.prepare<[number], SubjectRow>(`${select} WHERE s.id = ?`);
  const byCode = db.prepare<[number, string], SubjectRow>(`${select} WHERE s.project_id = ? AND s.code = ?`);
  const inProject = db.prepare<[number], SubjectRow>(`${select} WHERE s.project_id = ? ORDER BY s.code`);
  const insert = db.prepare(
    `INSERT INTO subjects (project_id, code, notes, created_at, updated_at) VALUES (@projectId, @code, @notes, @now, @now)`,
  );
  const update = db.prepare(`UPDATE subjects SET code = @code, notes = @notes, updated_at = @now WHERE id = @id`);
  const remove = db.prepare<[number]>(`DELETE FROM subjects WHERE id = ?`);

  return {
    get: (id: number): Subject | undefined => {
      const row = byId.get(id);
      return row && toSubject(row);
    },
    findByCode: (projectId: number, code: string): Subject | undefined => {
      const row = byCode.get(projectId, code);
      return row && toSubject(row);
    },
    list: (projectId: number): Subject[] => inProject.all(projectId).map(toSubject),
    insert(projectId: number, code: string, notes: string): number {
      return Number(insert.run({ projectId, code, notes, now: new Date().toISOString() }).lastInsertRowid);
    },
    update(id: number, code: string, notes: string): void {
      update.run({ id, code, notes, now: new Date().toISOString() });
    },
    delete: (id: number): void => void remove.run(id),
  };
}

export type SubjectsRepository = ReturnType<typeof createSubjectsRepository>;
