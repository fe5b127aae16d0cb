import { renderBackground } from './background';
import { parseAus, type AuActivations } from './emotions';
import { deformFor, eventActivation } from './expression';
import { drawFace, viewFor, type FaceState, type Pose } from './face';
import type { DemoPlan, DemoRecording } from './plan';
import { subjectFace } from './plan';
import { makeCanvas, type Canvas } from './raster';
import { deriveSeed, makeRng, type Rng } from '../../../shared/domain/random';

/** Sensor noise, standard deviation in 8-bit levels. */
const NOISE_SIGMA = 2;

/** Per-event rendering style, derived from the recording seed: intensity, per-AU variation, asymmetry. */
function eventStyles(rec: DemoRecording): { gains: AuActivations; asymmetry: number }[] {
  return rec.events.map((event, i) => {
    const rng = makeRng(deriveSeed(rec.seed, `event:${i}`));
    const intensity = rng.range(0.8, 1);
    const gains: AuActivations = {};
    for (const au of parseAus(event.aus)) gains[au] = intensity * rng.range(0.85, 1.1);
    return { gains, asymmetry: rng.range(-0.25, 0.25) };
  });
}

function blinkClosure(rec: DemoRecording, frame: number): number {
  for (const b of rec.blinks) {
    if (frame < b.start || frame > b.end) continue;
    const closeAt = b.start + 3;
    if (frame <= closeAt) return (frame - b.start) / 3;
    const t = (frame - closeAt) / Math.max(1, b.end - closeAt);
    return Math.max(0, 1 - t * t * (3 - 2 * t) * 1.05);
  }
  return 0;
}

/** Slow sway, a little jitter and breathing: the head is never perfectly still. */
class Motion {
  private readonly waves: { a: number; f: number; ph: number }[][];
  private jx = 0;
  private jy = 0;
  private gaze: [number, number] = [0, 0];
  private gazeTarget: [number, number] = [0, 0];
  private nextSaccade: number;
  constructor(private readonly rng: Rng) {
    const wave = (a: number, f0: number, f1: number): { a: number; f: number; ph: number } => ({ a: a * rng.range(0.6, 1.2), f: rng.range(f0, f1), ph: rng.range(0, 2 * Math.PI) });
    this.waves = [
      [wave(1.3, 0.12, 0.3), wave(0.45, 0.5, 0.9)],
      [wave(0.8, 0.1, 0.25), wave(0.3, 0.6, 1)],
      [wave(0.008, 0.08, 0.2)],
      [wave(0.004, 0.2, 0.3)],
    ];
    this.nextSaccade = rng.int(30, 120);
  }
  private sum(i: number, t: number): number {
    let s = 0;
    for (const w of this.waves[i] ?? []) s += w.a * Math.sin(2 * Math.PI * w.f * t + w.ph);
    return s;
  }
  /** Call once per frame, in order. */
  step(frame: number, fps: number): { pose: Pose; gaze: readonly [number, number] } {
    const t = frame / fps;
    this.jx = 0.7 * this.jx + 0.08 * this.rng.normal();
    this.jy = 0.7 * this.jy + 0.06 * this.rng.normal();
    if (frame >= this.nextSaccade) {
      this.gazeTarget = [this.rng.range(-1.3, 1.3), this.rng.range(-0.6, 0.5)];
      this.nextSaccade = frame + this.rng.int(40, 150);
    }
    this.gaze = [this.gaze[0] + (this.gazeTarget[0] - this.gaze[0]) * 0.6, this.gaze[1] + (this.gazeTarget[1] - this.gaze[1]) * 0.6];
    return {
      pose: { dx: this.sum(0, t) + this.jx, dy: this.sum(1, t) + this.jy, roll: this.sum(2, t), scale: 1 + this.sum(3, t) },
      gaze: this.gaze,
    };
  }
}

/** Float canvas -> 8-bit RGB with a per-channel gain (illumination drift) and sensor noise. */
export function quantize(canvas: Canvas, gain: readonly [number, number, number], noise: Float32Array, offsets: readonly [number, number]): Uint8Array {
  const src = canvas.data;
  const out = new Uint8Array(src.length);
  const [o1, o2] = offsets;
  const [gr, gg, gb] = gain;
  for (let i = 0; i < src.length; i += 3) {
    const r = (src[i] as number) * gr + (noise[o1 + i] as number) + (noise[o2 + i] as number);
    const g = (src[i + 1] as number) * gg + (noise[o1 + i + 1] as number) + (noise[o2 + i + 1] as number);
    const b = (src[i + 2] as number) * gb + (noise[o1 + i + 2] as number) + (noise[o2 + i + 2] as number);
    out[i] = r < 0 ? 0 : r > 255 ? 255 : r + 0.5;
    out[i + 1] = g < 0 ? 0 : g > 255 ? 255 : g + 0.5;
    out[i + 2] = b < 0 ? 0 : b > 255 ? 255 : b + 0.5;
  }
  return out;
}

/** The expression, blink and gaze of a recording at a frame (pose and noise aside). */
export function faceStateAt(rec: DemoRecording, frame: number, styles = eventStyles(rec), gaze: readonly [number, number] = [0, 0]): FaceState {
  const aus: AuActivations = {};
  let asymmetry = 0;
  rec.events.forEach((event, i) => {
    const a = eventActivation(frame, event.onset, event.apex, event.offset);
    const style = styles[i];
    if (a <= 0 || !style) return;
    asymmetry = style.asymmetry;
    for (const [au, g] of Object.entries(style.gains)) aus[Number(au) as keyof AuActivations] = a * (g ?? 0);
  });
  return { deform: deformFor(aus, asymmetry), blink: blinkClosure(rec, frame), gaze };
}

/**
 * The frames of one recording, one new `width*height*3` RGB buffer at a time (memory stays flat).
 * A pure function of the plan: the same plan always gives the same bytes.
 */
export function* renderRecording(plan: DemoPlan, recordingIndex: number): Generator<Uint8Array, void, undefined> {
  const rec = plan.recordings[recordingIndex];
  if (!rec) throw new Error(`The demo plan has no recording ${recordingIndex}`);
  const face = subjectFace(plan, rec.subjectCode);
  const { width, height } = plan;
  const background = renderBackground(face, width, height);
  const canvas = makeCanvas(width, height);
  const rng = makeRng(rec.seed);
  const motion = new Motion(makeRng(deriveSeed(rec.seed, 'motion')));
  const styles = eventStyles(rec);
  const size = width * height * 3;
  // Two noise tables read at random offsets and summed: cheap, and no two frames share a pattern.
  const span = 4096 * 3;
  const noise = new Float32Array(size + span);
  for (let i = 0; i < noise.length; i++) noise[i] = rng.normal() * (NOISE_SIGMA / Math.SQRT2);
  const light = [rng.range(0.15, 0.35), rng.range(0, 2 * Math.PI), rng.range(0.05, 0.12), rng.range(0, 2 * Math.PI)] as const;
  for (let frame = 0; frame < rec.frameCount; frame++) {
    const { pose, gaze } = motion.step(frame, plan.fps);
    const state = faceStateAt(rec, frame, styles, gaze);
    canvas.data.set(background.data);
    drawFace(canvas, viewFor(face, pose, width), face, state);
    const t = frame / plan.fps;
    const level = 1 + 0.025 * Math.sin(2 * Math.PI * light[0] * t + light[1]) + 0.003 * rng.normal();
    const warm = 0.01 * Math.sin(2 * Math.PI * light[2] * t + light[3]);
    yield quantize(canvas, [level * (1 + warm), level, level * (1 - warm)], noise, [3 * rng.int(0, 4095), 3 * rng.int(0, 4095)]);
  }
}
