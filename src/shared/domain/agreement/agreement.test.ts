import { describe, expect, test } from 'vitest';
import { cohenKappa, facsAgreement, matchEvents, pairAgreement, spanIou, spread, type CodedEvent } from '.';

const ev = (id: number, onset: number, offset: number, emotion = 'x', aus: number[] = [], recordingId = 1, apex: number | null = null): CodedEvent => ({ id, recordingId, onset, apex, offset, emotion, aus });

describe('measures, against hand-computed cases', () => {
  test("Cohen's kappa: 50 items, po = 0.7, pe = 0.5 → 0.4", () => {
    const pairs = [
      ...Array.from({ length: 20 }, () => ['a', 'a'] as const),
      ...Array.from({ length: 5 }, () => ['a', 'b'] as const),
      ...Array.from({ length: 10 }, () => ['b', 'a'] as const),
      ...Array.from({ length: 15 }, () => ['b', 'b'] as const),
    ];
    expect(cohenKappa(pairs)).toBeCloseTo(0.4, 10);
  });

  test('kappa: perfect agreement is 1, no items is null, one shared label throughout is 1', () => {
    expect(cohenKappa([['a', 'a'], ['b', 'b']])).toBe(1);
    expect(cohenKappa([])).toBeNull();
    expect(cohenKappa([['a', 'a'], ['a', 'a']])).toBe(1);
    expect(cohenKappa([['a', 'b'], ['b', 'a']])).toBeCloseTo(-1, 10);
  });

  test('FACS agreement ratio (Ekman & Friesen): 2 × both / total scored', () => {
    expect(facsAgreement([1, 2, 4], [1, 2, 5])).toBeCloseTo(4 / 6, 10);
    expect(facsAgreement([12], [12])).toBe(1);
    expect(facsAgreement([6, 12], [])).toBe(0);
    expect(facsAgreement([], [])).toBeNull();
  });

  test('span overlap and spread', () => {
    expect(spanIou({ onset: 10, offset: 19 }, { onset: 15, offset: 24 })).toBeCloseTo(5 / 15, 10);
    expect(spanIou({ onset: 10, offset: 19 }, { onset: 20, offset: 24 })).toBe(0);
    expect(spread([2, -4, 0])).toEqual({ mean: 2, max: 4, n: 3 });
    expect(spread([])).toBeNull();
  });
});

describe('matching events across coders', () => {
  test('best overlap first, each event once, never across recordings', () => {
    const a = [ev(1, 10, 20), ev(2, 30, 40), ev(3, 100, 110)];
    const b = [ev(11, 12, 22), ev(12, 18, 35), ev(13, 100, 110, 'x', [], 2)];
    const m = matchEvents(a, b);
    expect(m.pairs.map((p) => [p.a.id, p.b.id])).toEqual([[1, 11], [2, 12]]);
    expect(m.onlyA.map((e) => e.id)).toEqual([3]);
    expect(m.onlyB.map((e) => e.id)).toEqual([13]);
  });

  test('a pair report gathers frame differences, kappa and the pooled FACS ratio', () => {
    const a = [ev(1, 10, 20, 'happiness', [6, 12], 1, 15), ev(2, 40, 50, 'surprise', [1, 2, 5], 1, 44)];
    const b = [ev(11, 12, 20, 'happiness', [12], 1, 16), ev(12, 41, 52, 'fear', [1, 2, 4], 1, null)];
    const r = pairAgreement(a, b);
    expect(r.matched).toHaveLength(2);
    expect(r.onset).toEqual({ mean: 1.5, max: 2, n: 2 });
    expect(r.apex).toEqual({ mean: 1, max: 1, n: 1 });
    expect(r.offset).toEqual({ mean: 1, max: 2, n: 2 });
    expect(r.emotionAgreement).toBe(0.5);
    // 2·(1 + 2) / (3 + 6) over both events
    expect(r.facsAgreement).toBeCloseTo(6 / 9, 10);
  });
});
