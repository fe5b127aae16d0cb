import { DEMO_EMOTIONS, chooseAus, formatAus, type DemoEmotion } from './emotions';
import { deriveSeed, makeRng, type Rng } from '../../../shared/domain/random';
import { faceRegions } from './regions';
import { makeSubject, type FaceParams } from './subject';

export type DemoScale = 'full' | 'small';

/** One ground-truth micro-expression. Frame numbers are 0-based indices into the video. */
export interface DemoEvent {
  onset: number;
  apex: number;
  offset: number;
  emotion: DemoEmotion;
  /** FACS AUs, '1+2+5' style. */
  aus: string;
}

/** A blink (not an emotion: a distractor), from its first to its last frame. */
export interface DemoBlink {
  start: number;
  end: number;
}

export interface DemoSubject {
  code: string;
  notes: string;
  /** Seed of the subject's face (`makeSubject`). */
  seed: number;
}

export interface DemoRecording {
  subjectCode: string;
  stimulus: string;
  /** `<subject>_<stimulus>`; the file is `<subject>/<stimulus>.mp4`. */
  name: string;
  frameCount: number;
  /** Seed of everything that happens in the recording besides the events (sway, noise, gaze). */
  seed: number;
  events: DemoEvent[];
  blinks: DemoBlink[];
  /** A square around the head in pixels (sway stays inside it): the recording's face box. */
  faceBox: { x: number; y: number; width: number; height: number };
  /** Set by `generateDemoVideos`. */
  file?: string;
}

export interface DemoPlan {
  project: 'Demo';
  fps: 50;
  width: number;
  height: number;
  scale: DemoScale;
  seed: number;
  subjects: DemoSubject[];
  recordings: DemoRecording[];
}

interface ScaleSpec {
  subjects: number;
  recordingsPerSubject: number;
  eventsPerRecording: number;
  frames: readonly [number, number];
  size: number;
}

/**
 * full: 8 subjects x 3 recordings of 6-8 s with 4 events each (96 events, every emotion twice per
 * subject) at 256 x 256, the MENet input size. small (tests): 3 subjects x 1 recording of 3 s with 2
 * events each (every emotion once overall) at 128 x 128, the IDNet input size, 4x cheaper to render.
 */
const SCALES: Record<DemoScale, ScaleSpec> = {
  full: { subjects: 8, recordingsPerSubject: 3, eventsPerRecording: 4, frames: [300, 400], size: 256 },
  small: { subjects: 3, recordingsPerSubject: 1, eventsPerRecording: 2, frames: [150, 150], size: 128 },
};

/** The seed of the demo the app creates (any seed gives an equally valid demo). */
export const DEFAULT_DEMO_SEED = 1;

/** The first onset is at least this many frames into the video. */
export const MIN_LEAD = 10;
const MIN_TAIL = 10;

/** Emotions of each recording: every emotion equally often per subject (full) or overall (small). */
function assignEmotions(spec: ScaleSpec, rng: Rng): DemoEmotion[][][] {
  const perSubject = spec.recordingsPerSubject * spec.eventsPerRecording;
  if (perSubject >= DEMO_EMOTIONS.length) {
    const out: DemoEmotion[][][] = [];
    for (let s = 0; s < spec.subjects; s++) {
      let best: DemoEmotion[][] = [];
      for (let attempt = 0; attempt < 100; attempt++) {
        const pool: DemoEmotion[] = [];
        while (pool.length < perSubject) pool.push(...rng.shuffle(DEMO_EMOTIONS));
        const recs = Array.from({ length: spec.recordingsPerSubject }, (_, r) => pool.slice(r * spec.eventsPerRecording, (r + 1) * spec.eventsPerRecording));
        best = recs;
        if (recs.every((list) => new Set(list).size === list.length)) break;
      }
      out.push(best);
    }
    return out;
  }
  const pool: DemoEmotion[] = [];
  const total = spec.subjects * perSubject;
  while (pool.length < total) pool.push(...rng.shuffle(DEMO_EMOTIONS));
  return Array.from({ length: spec.subjects }, (_, s) =>
    Array.from({ length: spec.recordingsPerSubject }, (_, r) => pool.slice((s * spec.recordingsPerSubject + r) * spec.eventsPerRecording).slice(0, spec.eventsPerRecording)),
  );
}

function placeEvents(emotions: DemoEmotion[], frameCount: number, rng: Rng): DemoEvent[] {
  const start = MIN_LEAD + rng.int(4, 20);
  const slot = (frameCount - MIN_TAIL - start) / emotions.length;
  return emotions.map((emotion, i) => {
    const length = rng.int(9, 22);
    const rise = Math.max(3, Math.round(length * rng.range(0.3, 0.5)));
    const lo = Math.ceil(start + i * slot + 3);
    const hi = Math.floor(start + (i + 1) * slot - length - 3);
    const onset = rng.int(lo, Math.max(lo, hi));
    return { onset, apex: onset + rise, offset: onset + length, emotion, aus: formatAus(chooseAus(emotion, rng)) };
  });
}

/** Blinks every 1.5-3.5 s, kept clear of the events so that no label overlaps a blink. */
function placeBlinks(events: DemoEvent[], frameCount: number, rng: Rng): DemoBlink[] {
  const blinks: DemoBlink[] = [];
  let t = rng.int(3, 60);
  let guard = 0;
  while (guard++ < 100) {
    const length = rng.int(7, 11);
    const clash = events.find((e) => t <= e.offset + 6 && t + length >= e.onset - 6);
    if (clash) {
      t = clash.offset + 7 + rng.int(0, 8);
      continue;
    }
    if (t + length >= frameCount - 2) break;
    blinks.push({ start: t, end: t + length });
    t += length + rng.int(75, 175);
  }
  return blinks;
}

/** The whole demo project as data: who, which recordings, and what happens when. */
export function demoPlan(scale: DemoScale, seed: number): DemoPlan {
  const spec = SCALES[scale];
  const rng = makeRng(deriveSeed(seed, `plan:${scale}`));
  const emotions = assignEmotions(spec, rng);
  const subjects: DemoSubject[] = [];
  const recordings: DemoRecording[] = [];
  for (let s = 0; s < spec.subjects; s++) {
    const code = `D${String(s + 1).padStart(2, '0')}`;
    const subjectSeed = deriveSeed(seed, `subject:${s}`);
    const face = makeSubject(subjectSeed, { index: s, count: spec.subjects });
    const box = faceRegions(face, spec.size).face;
    const faceBox = { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0 };
    subjects.push({ code, seed: subjectSeed, notes: face.description });
    for (let r = 0; r < spec.recordingsPerSubject; r++) {
      const frameCount = rng.int(spec.frames[0], spec.frames[1]);
      const events = placeEvents(emotions[s]?.[r] ?? [], frameCount, rng);
      const stimulus = `clip${r + 1}`;
      recordings.push({
        subjectCode: code,
        stimulus,
        name: `${code}_${stimulus}`,
        frameCount,
        seed: deriveSeed(seed, `recording:${s}:${r}`),
        events,
        blinks: placeBlinks(events, frameCount, rng),
        faceBox,
      });
    }
  }
  return { project: 'Demo', fps: 50, width: spec.size, height: spec.size, scale, seed, subjects, recordings };
}

/** The face of a plan's subject (with the same stratification the plan used). */
export function subjectFace(plan: DemoPlan, code: string): FaceParams {
  const index = plan.subjects.findIndex((s) => s.code === code);
  const subject = plan.subjects[index];
  if (!subject) throw new Error(`The demo plan has no subject ${code}`);
  return makeSubject(subject.seed, { index, count: plan.subjects.length });
}
