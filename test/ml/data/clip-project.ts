/**
 * A project with real frames for the data pipeline's tests: three subjects, one recording each
 * (frames 100..111 of 32x24 PNG), two events per recording. Frame n of recording r has a left half
 * and a right half of known flat colours, so a cached or batched pixel says which frame, which
 * recording and which side of the face it came from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabelEvent } from '../../../src/shared/api/events';
import type { FaceBox, Recording } from '../../../src/shared/api/recordings';
import { databaseFileName } from '../../../src/main/core/data-dir';
import { openDatabase, type Db } from '../../../src/main/core/db/connection';
import { createProjectsRepository } from '../../../src/main/core/db/repositories/projects';
import { createRecordingsRepository } from '../../../src/main/core/db/repositories/recordings';
import { createSubjectsRepository } from '../../../src/main/core/db/repositories/subjects';
import { createEventsRepository } from '../../../src/main/core/db/repositories/events';
import { collectSamples, type ExportSample } from '../../../src/main/core/exports/samples';
import { createEventsService } from '../../../src/main/core/labels/events-service';
import { createStaging } from '../../../src/main/core/media/frame-store';
import { commitRecordings } from '../../../src/main/core/recordings/store';
import { twoColourFrame, writeFrameImages, type Rgb } from '../../helpers/rgb-images';

export const width = 32;
export const height = 24;
export const firstFrame = 100;
export const frameCount = 12;
/** Recording 1 (subject s2) is cropped to this box: x 12..27 holds 4 columns of the left half and 12 of the right. */
export const faceBox: FaceBox = { x: 12, y: 0, width: 16, height: 24 };

/** The left half's green channel counts frames: 10 per frame from the first. */
export const leftColour = (r: number, n: number): Rgb => [40 + 60 * r, 10 * (n - firstFrame), 90];
export const rightColour = (r: number, n: number): Rgb => [220, 200 - 10 * (n - firstFrame), 30 + 60 * r];

/** The expected S x S frame: `leftColumns` columns of the left colour, the rest of the right. */
export function expectedFrame(r: number, n: number, size: number, leftColumns: number): Uint8Array {
  return twoColourFrame(size, size, leftColour(r, n), rightColour(r, n), leftColumns);
}

/** Left columns after resizing to `size`: half the frame without a box, a quarter of the box with one. */
export const leftColumnsOf = (r: number, size: number) => (r === 1 ? size / 4 : size / 2);

export interface ClipProject {
  dataDir: string;
  mediaRoot: string;
  db: Db;
  projectId: number;
  recordings: Recording[];
  events: LabelEvent[];
  /** Sets a recording's face box (null: none) and returns the recording as stored. */
  setFaceBox(recordingId: number, box: FaceBox | null): Recording;
  /** The samples as the split export collects them (dataset "Lab", subjects "Lab/s1".."Lab/s3"). */
  samples(): ExportSample[];
  dispose(): void;
}

/** Built with the backend's own repositories, services and frame store on a temporary data folder. */
export function makeClipProject(): ClipProject {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mer-clips-'));
  const mediaRoot = path.join(dataDir, 'media');
  const db = openDatabase(path.join(dataDir, databaseFileName));
  const recordingsRepo = createRecordingsRepository(db);
  const projectId = createProjectsRepository(db).insert({ name: 'Lab', labelSet: ['happiness', 'surprise'], defaultFps: 50 });
  const annotatorId = createEventsRepository(db).annotatorId('Ana');
  const recordingIds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const subjectId = createSubjectsRepository(db).insert(projectId, `s${r + 1}`, '');
    const staging = createStaging(mediaRoot);
    const frames = Array.from({ length: frameCount }, (_, i) => twoColourFrame(width, height, leftColour(r, firstFrame + i), rightColour(r, firstFrame + i)));
    writeFrameImages(path.join(staging.dir, 'frames'), frames, width, height, { first: firstFrame });
    const [id] = commitRecordings(db, mediaRoot, [{
      staging,
      recording: {
        projectId, sessionId: null, subjectId, name: `rec-s${r + 1}`, stimulus: '', sourceKind: 'images',
        sourcePath: `/lab/s${r + 1}`, contentHash: `hash-s${r + 1}`, fpsNum: 50, fpsDen: 1, width, height, frameCount, firstFrame,
        missingFrames: [], frameFormat: 'png', mediaPath: staging.mediaPath, previewsPerSheet: 10, codec: null, rotation: 0, durationSec: frameCount / 50,
      },
    }]);
    recordingIds.push(id!);
  }
  recordingsRepo.setFaceBox(recordingIds[1]!, faceBox);
  const service = createEventsService(db);
  const events = recordingIds.flatMap((recordingId) => [
    service.create(recordingId, annotatorId, { onset: 100, apex: 103, offset: 106, emotion: 'happiness' }),
    service.create(recordingId, annotatorId, { onset: 105, apex: null, offset: 111, emotion: 'surprise' }),
  ]);
  return {
    dataDir,
    mediaRoot,
    db,
    projectId,
    recordings: recordingsRepo.list(projectId),
    events,
    setFaceBox(recordingId, box) {
      recordingsRepo.setFaceBox(recordingId, box);
      return recordingsRepo.get(recordingId)!;
    },
    samples: () => collectSamples(db, { projectId, datasetOf: () => 'Lab' }).samples,
    dispose() {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
