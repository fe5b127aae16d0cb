import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TrainingConfig, type TrainingConfigInput } from '../../src/shared/api/training';
import { databaseFileName } from '../../src/main/core/data-dir';
import { openDatabase, type Db } from '../../src/main/core/db/connection';
import { createEventsRepository } from '../../src/main/core/db/repositories/events';
import { createProjectsRepository } from '../../src/main/core/db/repositories/projects';
import { createSubjectsRepository } from '../../src/main/core/db/repositories/subjects';
import { createEventsService } from '../../src/main/core/labels/events-service';
import { createStaging } from '../../src/main/core/media/frame-store';
import { commitRecordings } from '../../src/main/core/recordings/store';
import { writeFrameImages } from './rgb-images';
import { tinyEvents as eventsAt, tinyFrame as frame, tinyFramesPerRecording as framesPerRecording, tinySize as size } from './tiny-frames';

/** A tiny learnable project for training tests: `subjects` subjects, one recording of tiny-frames.ts each, 4 events each. */
export interface TrainingProject {
  dataDir: string;
  mediaRoot: string;
  db: Db;
  projectId: number;
  events: number;
  dispose(): void;
}

/**
 * `into`: add the project to another training project's data directory (same database), e.g. to
 * train on two projects; disposing the first then removes both.
 */
export function makeTrainingProject(subjects = 6, options: { name?: string; labelSet?: string[]; into?: TrainingProject } = {}): TrainingProject {
  const dataDir = options.into?.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'mer-train-'));
  const mediaRoot = path.join(dataDir, 'media');
  const db = options.into?.db ?? openDatabase(path.join(dataDir, databaseFileName));
  const projectId = createProjectsRepository(db).insert({ name: options.name ?? 'Tiny', labelSet: options.labelSet ?? ['happiness', 'surprise'], defaultFps: 50 });
  const annotatorId = createEventsRepository(db).annotatorId('Ana');
  const service = createEventsService(db);
  let events = 0;
  for (let s = 0; s < subjects; s++) {
    const subjectId = createSubjectsRepository(db).insert(projectId, `s${s + 1}`, '');
    const staging = createStaging(mediaRoot);
    writeFrameImages(path.join(staging.dir, 'frames'), Array.from({ length: framesPerRecording }, (_, n) => frame(s, n)), size, size, { first: 0 });
    const [recordingId] = commitRecordings(db, mediaRoot, [{
      staging,
      recording: {
        projectId, sessionId: null, subjectId, name: `rec-s${s + 1}`, stimulus: '', sourceKind: 'images',
        sourcePath: `/tiny/s${s + 1}`, contentHash: `tiny-s${s + 1}`, fpsNum: 50, fpsDen: 1, width: size, height: size,
        frameCount: framesPerRecording, firstFrame: 0, missingFrames: [], frameFormat: 'png', mediaPath: staging.mediaPath, previewsPerSheet: 10,
        codec: null, rotation: 0, durationSec: framesPerRecording / 50,
      },
    }]);
    for (const e of eventsAt) {
      service.create(recordingId!, annotatorId, { onset: e.onset, apex: Math.round((e.onset + e.offset) / 2), offset: e.offset, emotion: e.emotion });
      events++;
    }
  }
  return {
    dataDir,
    mediaRoot,
    db,
    projectId,
    events,
    dispose() {
      if (options.into) return;
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A configuration small enough to train in seconds on the cpu backend, with the full layer structure. */
export function tinyConfig(projectId: number, overrides: Partial<TrainingConfigInput> = {}): TrainingConfig {
  return TrainingConfig.parse({
    projectId,
    protocol: { protocol: 'kfold', folds: 3 },
    preprocessing: { frames: 4 },
    model: { preset: 'lite', meInput: 16, idInput: 8, widths: [4, 4, 8, 8] },
    training: { epochs: [1, 1, 1, 1], batchSize: 4, learningRate: 0.01 },
    backend: 'cpu',
    ...overrides,
  });
}
