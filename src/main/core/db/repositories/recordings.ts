import type { Db } from '../connection';
import type { FaceBox, FrameFormat, Recording } from '../../../../shared/api/recordings';

interface RecordingRow {
  id: number;
  project_id: number;
  session_id: number | null;
  subject_id: number | null;
  subject_code: string | null;
  name: string;
  stimulus: string;
  source_kind: 'video' | 'images';
  source_path: string;
  content_hash: string;
  fps_num: number;
  fps_den: number;
  width: number;
  height: number;
  frame_count: number;
  first_frame: number;
  missing_frames: string;
  frame_format: FrameFormat;
  frames_dir: string;
  previews_per_sheet: number | null;
  codec: string | null;
  rotation: number;
  duration_sec: number;
  face_box: string | null;
  event_count: number;
  created_at: string;
}

const select = `
  SELECT r.*, s.code AS subject_code,
    (SELECT COUNT(*) FROM events e WHERE e.recording_id = r.id) AS event_count
  FROM recordings r LEFT JOIN subjects s ON s.id = r.subject_id`;

function toRecording(row: RecordingRow): Recording {
  const missing = JSON.parse(row.missing_frames) as number[];
  return {
    id: row.id,
    projectId: row.project_id,
    sessionId: row.session_id,
    subjectId: row.subject_id,
    subjectCode: row.subject_code,
    name: row.name,
    stimulus: row.stimulus,
    sourceKind: row.source_kind,
    sourcePath: row.source_path,
    contentHash: row.content_hash,
    fps: { num: row.fps_num, den: row.fps_den },
    width: row.width,
    height: row.height,
    frameCount: row.frame_count,
    firstFrame: row.first_frame,
    lastFrame: row.first_frame + row.frame_count + missing.length - 1,
    missingFrames: missing,
    frameFormat: row.frame_format,
    mediaPath: row.frames_dir,
    previewsPerSheet: row.previews_per_sheet,
    codec: row.codec,
    rotation: row.rotation,
    durationSec: row.duration_sec,
    faceBox: row.face_box === null ? null : (JSON.parse(row.face_box) as FaceBox),
    eventCount: row.event_count,
    createdAt: row.created_at,
  };
}

/** Everything an import knows about a new recording. */
export interface NewRecording {
  projectId: number;
  sessionId: number | null;
  subjectId: number | null;
  name: string;
  stimulus: string;
  sourceKind: 'video' | 'images';
  sourcePath: string;
  contentHash: string;
  fpsNum: number;
  fpsDen: number;
  width: number;
  height: number;
  frameCount: number;
  firstFrame: number;
  missingFrames: number[];
  frameFormat: FrameFormat;
  mediaPath: string;
  /** See shared/domain/preview-sheets.ts. */
  previewsPerSheet: number;
  codec: string | null;
  rotation: number;
  durationSec: number;
}

export function createRecordingsRepository(db: Db) {
  const byId = db.prepare<[number], RecordingRow>(`${select} WHERE r.id = ?`);
  const byHash = db.prepare<[number, string], RecordingRow>(`${select} WHERE r.project_id = ? AND r.content_hash = ?`);
  const inProject = db.prepare<[number], RecordingRow>(`${select} WHERE r.project_id = ? ORDER BY r.id`);
  const ofSubject = db.prepare<[number, number], RecordingRow>(`${select} WHERE r.project_id = ? AND r.subject_id = ? ORDER BY r.id`);
  const allMediaPaths = db.prepare<[], { frames_dir: string }>(`SELECT frames_dir FROM recordings`);
  const insert = db.prepare(`
    INSERT INTO recordings (project_id, session_id, subject_id, name, source_path, content_hash, stimulus, fps_num, fps_den,
      width, height, frame_count, first_frame, frames_dir, created_at, source_kind, frame_format, missing_frames, codec, rotation, duration_sec, previews_per_sheet)
    VALUES (@projectId, @sessionId, @subjectId, @name, @sourcePath, @contentHash, @stimulus, @fpsNum, @fpsDen,
      @width, @height, @frameCount, @firstFrame, @mediaPath, @now, @sourceKind, @frameFormat, @missingFrames, @codec, @rotation, @durationSec, @previewsPerSheet)`);
  const update = db.prepare(
    `UPDATE recordings SET name = @name, subject_id = @subjectId, session_id = @sessionId, stimulus = @stimulus WHERE id = @id`,
  );
  const setFaceBox = db.prepare<[string | null, number]>(`UPDATE recordings SET face_box = ? WHERE id = ?`);
  const remove = db.prepare<[number]>(`DELETE FROM recordings WHERE id = ?`);

  return {
    get: (id: number): Recording | undefined => {
      const row = byId.get(id);
      return row && toRecording(row);
    },
    findByHash: (projectId: number, hash: string): Recording | undefined => {
      const row = byHash.get(projectId, hash);
      return row && toRecording(row);
    },
    list: (projectId: number, subjectId?: number): Recording[] =>
      (subjectId === undefined ? inProject.all(projectId) : ofSubject.all(projectId, subjectId)).map(toRecording),
    mediaPaths: (): Set<string> => new Set(allMediaPaths.all().map((r) => r.frames_dir)),
    insert(r: NewRecording): number {
      const info = insert.run({ ...r, missingFrames: JSON.stringify(r.missingFrames), now: new Date().toISOString() });
      return Number(info.lastInsertRowid);
    },
    update(id: number, fields: { name: string; subjectId: number | null; sessionId: number | null; stimulus: string }): void {
      update.run({ id, ...fields });
    },
    setFaceBox: (id: number, box: FaceBox | null): void => void setFaceBox.run(box === null ? null : JSON.stringify(box), id),
    delete: (id: number): void => void remove.run(id),
  };
}

export type RecordingsRepository = ReturnType<typeof createRecordingsRepository>;
