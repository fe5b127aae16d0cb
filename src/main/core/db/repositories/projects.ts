import type { Db } from '../connection';
import type { Project } from '../../../../shared/api/projects';

interface ProjectRow {
  id: number;
  name: string;
  label_set: string;
  default_fps: number;
  subject_count: number;
  created_at: string;
  updated_at: string;
}

const select = `
  SELECT p.*, (SELECT COUNT(*) FROM subjects s WHERE s.project_id = p.id) AS subject_count
  FROM projects p`;

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    labelSet: JSON.parse(row.label_set) as string[],
    defaultFps: row.default_fps,
    subjectCount: row.subject_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ProjectFields {
  name: string;
  labelSet: readonly string[];
  defaultFps: number;
}

export function createProjectsRepository(db: Db) {
  const byId = db.prepare<[number], ProjectRow>(`${select} WHERE p.id = ?`);
  const byName = db.prepare<[string], ProjectRow>(`${select} WHERE p.name = ? COLLATE NOCASE`);
  const all = db.prepare<[], ProjectRow>(`${select} ORDER BY p.name COLLATE NOCASE`);
  const insert = db.prepare(
    `INSERT INTO projects (name, label_set, default_fps, created_at, updated_at) VALUES (@name, @labelSet, @defaultFps, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE projects SET name = @name, label_set = @labelSet, default_fps = @defaultFps, updated_at = @now WHERE id = @id`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM projects WHERE id = ?`);
  const recordingCount = db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM recordings WHERE project_id = ?`);

  return {
    get: (id: number): Project | undefined => {
      const row = byId.get(id);
      return row && toProject(row);
    },
    findByName: (name: string): Project | undefined => {
      const row = byName.get(name);
      return row && toProject(row);
    },
    list: (): Project[] => all.all().map(toProject),
    insert(fields: ProjectFields): number {
      const info = insert.run({ ...fields, labelSet: JSON.stringify(fields.labelSet), now: new Date().toISOString() });
      return Number(info.lastInsertRowid);
    },
    update(id: number, fields: ProjectFields): void {
      update.run({ id, ...fields, labelSet: JSON.stringify(fields.labelSet), now: new Date().toISOString() });
    },
    delete: (id: number): void => void remove.run(id),
    recordingCount: (id: number): number => recordingCount.get(id)?.n ?? 0,
  };
}

export type ProjectsRepository = ReturnType<typeof createProjectsRepository>;
