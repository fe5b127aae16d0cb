import path from 'node:path';
import { defaultLabelSet } from '../../../shared/api/projects';
import { auNumbers, parseAus } from '../../../shared/domain/facs';
import type { JobResult } from '../../../shared/api/jobs';
import { createEventsRepository } from '../db/repositories/events';
import { createProjectsRepository } from '../db/repositories/projects';
import { createRecordingsRepository } from '../db/repositories/recordings';
import { createSessionsRepository } from '../db/repositories/sessions';
import { createSubjectsRepository } from '../db/repositories/subjects';
import type { JobContext } from '../jobs/worker/context';
import { discard } from '../media/frame-store';
import { requireTools } from '../media/tools';
import { stageVideo, type StagedVideo } from '../recordings/import-video';
import { commitRecordings } from '../recordings/store';
import type { RecordingOwner } from '../recordings/target';
import { generateDemoVideos } from './generate';
import { DEFAULT_DEMO_SEED, type DemoScale } from './plan';

export const demoProjectName = 'Demo';
export const groundTruthAnnotator = 'ground truth';

type DemoResult = JobResult<'demo.create'>;

function counts(ctx: JobContext, projectId: number, created: boolean): DemoResult {
  const subjects = createSubjectsRepository(ctx.db).list(projectId).length;
  const recordings = createRecordingsRepository(ctx.db).list(projectId).length;
  const events = createEventsRepository(ctx.db).countInProject(projectId);
  return { projectId, project: demoProjectName, subjects, recordings, events, created };
}

/**
 * The demo project, made by the product itself: synthetic subjects rendered to 50 fps videos,
 * imported through the normal video import, with their ground-truth events. Idempotent, and all
 * or nothing: the project appears only when every recording and event is in place.
 */
export async function createDemoProject(ctx: JobContext, scale: DemoScale): Promise<DemoResult> {
  const projects = createProjectsRepository(ctx.db);
  const existing = projects.findByName(demoProjectName);
  if (existing) return counts(ctx, existing.id, false);

  const tools = requireTools(ctx.tools);
  // The videos stay in the data directory (the recordings name them as their source), unless
  // the demo is not completed.
  const videosDir = path.join(ctx.dataDir, 'demo-videos', scale);
  const demo = await generateDemoVideos({
    outDir: videosDir,
    scale,
    seed: DEFAULT_DEMO_SEED,
    ffmpegPath: tools.ffmpeg,
    signal: ctx.signal,
    onProgress: (fraction, message) => ctx.report(0.6 * fraction, message),
  });

  // Staged before the project exists (no project has id 0, so no earlier import matches); the
  // real ids are set when everything is committed together.
  const provisional: RecordingOwner = { projectId: 0, subjectId: null, sessionId: null };
  const staged: StagedVideo[] = [];
  try {
    for (const [i, rec] of demo.recordings.entries()) {
      const outcome = await stageVideo(ctx, tools, provisional, {
        file: rec.file,
        stimulus: rec.stimulus,
        name: rec.name,
        format: 'jpg',
        span: (f) => 0.6 + (0.38 * (i + f)) / demo.recordings.length,
      });
      if (outcome.kind !== 'staged') throw new Error(`Demo recording ${rec.name} could not be staged`);
      staged.push(outcome.staged);
    }
    await ctx.progress(0.98, 'Saving the demo project');
    let projectId = 0;
    const subjects = createSubjectsRepository(ctx.db);
    const sessions = createSessionsRepository(ctx.db);
    const recordings = createRecordingsRepository(ctx.db);
    const events = createEventsRepository(ctx.db);
    commitRecordings(ctx.db, ctx.mediaRoot, staged, {
      before: () => {
        projectId = projects.insert({ name: demoProjectName, labelSet: [...defaultLabelSet], defaultFps: demo.fps });
        for (const subject of demo.subjects) {
          const subjectId = subjects.insert(projectId, subject.code, subject.notes);
          const stimuli = demo.recordings.filter((r) => r.subjectCode === subject.code).map((r) => r.stimulus);
          const sessionId = sessions.insert(projectId, {
            subjectId,
            capturedOn: null,
            operator: 'MER Workstation demo generator',
            camera: { fps: String(demo.fps), resolution: `${demo.width}x${demo.height}`, source: 'synthetic' },
            stimuli,
            notes: 'Synthetic subject: identity differs far more than the micro-expressions do.',
          });
          demo.recordings.forEach((r, i) => {
            if (r.subjectCode !== subject.code) return;
            Object.assign(staged[i]!.recording, { projectId, subjectId, sessionId });
          });
        }
      },
      after: (ids) => {
        const annotatorId = events.annotatorId(groundTruthAnnotator);
        demo.recordings.forEach((r, i) => {
          const recordingId = ids[i]!;
          recordings.setFaceBox(recordingId, r.faceBox);
          for (const e of r.events) {
            const aus = parseAus(e.aus);
            events.insert({
              recordingId, annotatorId, subjectId: null, onset: e.onset, apex: e.apex, offset: e.offset, emotion: e.emotion, objectiveClass: null,
              auRaw: e.aus, auNumbers: auNumbers(aus, 'union'), auUnparsed: !aus.ok, notes: '', uncertain: false, provenance: null,
            });
          }
        });
      },
    });
    return counts(ctx, projectId, true);
  } catch (error) {
    for (const s of staged) discard(s.staging.dir);
    discard(videosDir);
    throw error;
  }
}
