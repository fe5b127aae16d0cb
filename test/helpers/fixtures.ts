import Database from 'better-sqlite3';
import path from 'node:path';
import { databaseFileName } from '../../src/main/core/data-dir';
import type { Backend } from '../../src/main/core/backend';

/**
 * A recording row written straight into the database (no frames), for tests about labels that
 * do not need pixels. Frames run from `first` to `first + count - 1`.
 */
export function insertRecording(backend: Backend, projectId: number, subjectId: number | null, options: { name?: string; first?: number; count?: number } = {}): number {
  const db = new Database(path.join(backend.dataDir, databaseFileName));
  try {
    const info = db
      .prepare(
        `INSERT INTO recordings (project_id, subject_id, name, source_path, content_hash, fps_num, fps_den, width, height, frame_count, first_frame, frames_dir, created_at)
         VALUES (?, ?, ?, '/none.mp4', ?, 50, 1, 256, 256, ?, ?, ?, 'now')`,
      )
      .run(projectId, subjectId, options.name ?? 'clip', `hash-${Math.random()}`, options.count ?? 500, options.first ?? 0, `recordings/${Math.random()}`);
    return Number(info.lastInsertRowid);
  } finally {
    db.close();
  }
}
