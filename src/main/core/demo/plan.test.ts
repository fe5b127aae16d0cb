import { describe, expect, test } from 'vitest';
import { DEMO_EMOTIONS, parseAus } from './emotions';
import { MIN_LEAD, demoPlan, type DemoPlan } from './plan';

const CORE_AUS: Record<string, number[]> = {
  happiness: [6, 12],
  surprise: [1, 2, 5],
  disgust: [9, 10],
  sadness: [1, 4, 15],
  fear: [1, 2, 4, 20],
  anger: [4, 7],
};

function checkInvariants(plan: DemoPlan): void {
  expect(plan).toMatchObject({ project: 'Demo', fps: 50 });
  expect(new Set(plan.subjects.map((s) => s.code)).size).toBe(plan.subjects.length);
  expect(new Set(plan.recordings.map((r) => r.name)).size).toBe(plan.recordings.length);
  for (const rec of plan.recordings) {
    expect(plan.subjects.map((s) => s.code)).toContain(rec.subjectCode);
    expect(rec.name).toBe(`${rec.subjectCode}_${rec.stimulus}`);
    let lastEnd = -1;
    for (const e of rec.events) {
      expect(Number.isInteger(e.onset) && Number.isInteger(e.apex) && Number.isInteger(e.offset)).toBe(true);
      expect(e.onset).toBeGreaterThanOrEqual(MIN_LEAD);
      expect(e.onset).toBeLessThan(e.apex);
      expect(e.apex).toBeLessThan(e.offset);
      expect(e.offset).toBeLessThan(rec.frameCount);
      // A micro-expression: under 0.5 s at 50 fps.
      expect(e.offset - e.onset).toBeGreaterThanOrEqual(8);
      expect(e.offset - e.onset).toBeLessThanOrEqual(22);
      expect(e.onset, 'events are in order and never overlap').toBeGreaterThan(lastEnd);
      lastEnd = e.offset;
      expect(e.aus).toMatch(/^\d+(\+\d+)*$/);
      expect(parseAus(e.aus)).toEqual(expect.arrayContaining(CORE_AUS[e.emotion] ?? [-1]));
    }
    expect(rec.blinks.length, `${rec.name} has blinks`).toBeGreaterThan(0);
    for (const b of rec.blinks) {
      expect(b.start).toBeGreaterThanOrEqual(0);
      expect(b.end).toBeLessThan(rec.frameCount);
      expect(rec.events.some((e) => b.start <= e.offset && b.end >= e.onset), 'a blink never overlaps an event').toBe(false);
    }
    const box = rec.faceBox;
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= plan.width && box.y + box.height <= plan.height).toBe(true);
  }
}

describe('demoPlan', () => {
  test('full: 8 subjects x 3 recordings of 6-8 s, 4 events each, every emotion twice per subject', () => {
    const plan = demoPlan('full', 1);
    checkInvariants(plan);
    expect(plan).toMatchObject({ width: 256, height: 256 });
    expect(plan.subjects).toHaveLength(8);
    expect(plan.recordings).toHaveLength(24);
    expect(plan.recordings.flatMap((r) => r.events)).toHaveLength(96);
    for (const rec of plan.recordings) {
      expect(rec.events).toHaveLength(4);
      expect(rec.frameCount).toBeGreaterThanOrEqual(300);
      expect(rec.frameCount).toBeLessThanOrEqual(400);
      expect(new Set(rec.events.map((e) => e.emotion)).size, 'no emotion twice in one recording').toBe(4);
    }
    for (const subject of plan.subjects) {
      const events = plan.recordings.filter((r) => r.subjectCode === subject.code).flatMap((r) => r.events);
      for (const emotion of DEMO_EMOTIONS) expect(events.filter((e) => e.emotion === emotion), `${subject.code} ${emotion}`).toHaveLength(2);
      expect(subject.notes).toMatch(/^Synthetic subject: /);
    }
  });

  test('small: 3 subjects x 1 recording of 3 s with 2 events each, every emotion once', () => {
    const plan = demoPlan('small', 1);
    checkInvariants(plan);
    expect(plan).toMatchObject({ width: 128, height: 128 });
    expect(plan.subjects).toHaveLength(3);
    expect(plan.recordings).toHaveLength(3);
    expect(plan.recordings.map((r) => r.frameCount)).toEqual([150, 150, 150]);
    expect(plan.recordings.map((r) => r.events.length)).toEqual([2, 2, 2]);
    expect(new Set(plan.recordings.flatMap((r) => r.events.map((e) => e.emotion)))).toEqual(new Set(DEMO_EMOTIONS));
  });

  test('holds for many seeds, is deterministic for a seed and differs between seeds', () => {
    for (let seed = 0; seed < 40; seed++) {
      checkInvariants(demoPlan('full', seed));
      checkInvariants(demoPlan('small', seed));
    }
    expect(demoPlan('full', 7)).toEqual(demoPlan('full', 7));
    expect(JSON.stringify(demoPlan('full', 7))).not.toBe(JSON.stringify(demoPlan('full', 8)));
  });
});
