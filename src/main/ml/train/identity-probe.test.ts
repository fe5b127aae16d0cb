import { describe, expect, it } from 'vitest';
import { makeRng } from '../../../shared/domain/random';
import { identityProbe, probeHalves } from './identity-probe';

/** `perSubject` clips of each of `subjects` subjects: features are noise, plus the subject's own offset when `identity` > 0. */
function synthetic(options: { subjects: number; perSubject: number; width: number; identity: number; seed: number }) {
  const rng = makeRng(options.seed);
  const centres = Array.from({ length: options.subjects }, () => Array.from({ length: options.width }, () => rng.normal()));
  const features: number[][] = [];
  const subjects: string[] = [];
  for (let s = 0; s < options.subjects; s++) {
    for (let c = 0; c < options.perSubject; c++) {
      // Large unrelated dimensions (an emotion signal, say) that standardisation must not let drown identity.
      features.push(centres[s]!.map((v, d) => options.identity * v + rng.normal() * (d % 2 === 0 ? 1 : 50) + 1000));
      subjects.push(`s${s + 1}`);
    }
  }
  return { features, subjects };
}

describe('the identity probe', () => {
  it('names the subject of nearly every held-out clip when identity is linearly present in the features', () => {
    const { features, subjects } = synthetic({ subjects: 8, perSubject: 10, width: 32, identity: 3, seed: 1 });
    const probe = identityProbe(features, subjects, 7)!;
    expect(probe.subjects).toBe(8);
    expect(probe.chance).toBeCloseTo(1 / 8, 12);
    expect(probe.trainClips).toBe(40);
    expect(probe.testClips).toBe(40);
    expect(probe.accuracy).toBeGreaterThan(0.9);
    expect(probe.correct).toBe(Math.round(probe.accuracy * probe.testClips));
  });

  it('stays near chance when the features carry no identity', () => {
    // Averaged over seeds so one lucky draw does not decide; chance is 1/8.
    const accuracies = [1, 2, 3, 4, 5].map((seed) => {
      const { features, subjects } = synthetic({ subjects: 8, perSubject: 10, width: 32, identity: 0, seed });
      return identityProbe(features, subjects, seed)!.accuracy;
    });
    const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
    expect(mean).toBeLessThan(0.25);
  });

  it('splits each subject in halves: every subject answerable, no clip in both halves, odd clips fit the probe', () => {
    const subjects = ['a', 'a', 'a', 'b', 'b', 'c', 'b', 'a', 'b'];
    const { fit, predict } = probeHalves(subjects, 3);
    expect([...fit, ...predict].sort()).toEqual(subjects.map((_, i) => i));
    const count = (half: number[], s: string) => half.filter((i) => subjects[i] === s).length;
    expect(['a', 'b', 'c'].map((s) => [count(fit, s), count(predict, s)])).toEqual([[2, 2], [2, 2], [1, 0]]);
    // Seeded: the same halves for the same seed.
    expect(probeHalves(subjects, 3)).toEqual({ fit, predict });
  });

  it('has nothing to probe with one subject or one clip per subject, and refuses mismatched inputs', () => {
    expect(identityProbe([[1], [2], [3]], ['a', 'a', 'a'], 1)).toBeNull();
    expect(identityProbe([[1], [2]], ['a', 'b'], 1)).toBeNull();
    expect(() => identityProbe([[1]], ['a', 'b'], 1)).toThrow('1 feature vectors for 2 subjects');
  });

  it('ignores features that are constant over the fitting half (dead units) instead of dividing by zero', () => {
    const { features, subjects } = synthetic({ subjects: 4, perSubject: 6, width: 8, identity: 3, seed: 9 });
    const withDead = features.map((f) => [...f, 0, 0]);
    const probe = identityProbe(withDead, subjects, 2)!;
    expect(Number.isFinite(probe.accuracy)).toBe(true);
    expect(probe.accuracy).toBe(identityProbe(features, subjects, 2)!.accuracy);
  });
});
