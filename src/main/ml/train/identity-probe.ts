import { deriveSeed, makeRng } from '../../../shared/domain/random';

/**
 * The identity probe: can a subject be told from MENet's pooled features?
 *
 * The probe has to name subjects it has seen, so each subject's clips are split in halves (seeded):
 * one half fits the probe, the other is predicted. A subject with a single clip only fits (it is one
 * more wrong answer the probe can give). The classifier is the nearest class mean on features
 * standardised with the fitting half's mean and std: a linear classifier with nothing to tune (no
 * learning rate, no epochs, no regularisation), so a change between two probes of one fold is a
 * change of the features, not of the probe's fit. Chance is 1 / the subjects it can answer.
 */
export interface ProbeOutcome {
  subjects: number;
  trainClips: number;
  testClips: number;
  correct: number;
  accuracy: number;
  chance: number;
}

/** A feature whose std on the fitting half is below this is constant there: it is left out. */
const flatStd = 1e-6;

/** Per-subject halves: indices of the clips that fit the probe and of the clips it predicts. */
export function probeHalves(subjects: readonly string[], seed: number): { fit: number[]; predict: number[] } {
  const bySubject = new Map<string, number[]>();
  subjects.forEach((s, i) => bySubject.set(s, [...(bySubject.get(s) ?? []), i]));
  const fit: number[] = [];
  const predict: number[] = [];
  for (const [subject, clips] of [...bySubject].sort(([a], [b]) => a.localeCompare(b))) {
    const shuffled = makeRng(deriveSeed(seed, `identity probe ${subject}`)).shuffle(clips);
    const held = Math.floor(shuffled.length / 2);
    predict.push(...shuffled.slice(0, held));
    fit.push(...shuffled.slice(held));
  }
  return { fit, predict };
}

function standardiser(features: readonly ArrayLike<number>[], fit: readonly number[]): (x: ArrayLike<number>) => Float64Array {
  const width = features[fit[0]!]!.length;
  const mean = new Float64Array(width);
  const square = new Float64Array(width);
  for (const i of fit) {
    const x = features[i]!;
    for (let d = 0; d < width; d++) {
      mean[d]! += x[d]! / fit.length;
      square[d]! += x[d]! ** 2 / fit.length;
    }
  }
  const kept = [...mean.keys()].filter((d) => Math.sqrt(Math.max(0, square[d]! - mean[d]! ** 2)) >= flatStd);
  const scale = kept.map((d) => 1 / Math.sqrt(square[d]! - mean[d]! ** 2));
  return (x) => Float64Array.from(kept, (d, k) => (x[d]! - mean[d]!) * scale[k]!);
}

/**
 * Probes `features[i]` (one pooled vector per clip) for `subjects[i]`. Null when there is nothing
 * to probe: fewer than two subjects, or no subject with two clips.
 */
export function identityProbe(features: readonly ArrayLike<number>[], subjects: readonly string[], seed: number): ProbeOutcome | null {
  if (features.length !== subjects.length) throw new Error(`The identity probe got ${features.length} feature vectors for ${subjects.length} subjects`);
  const { fit, predict } = probeHalves(subjects, seed);
  const classes = [...new Set(fit.map((i) => subjects[i]!))].sort();
  if (classes.length < 2 || predict.length === 0) return null;
  const standardise = standardiser(features, fit);
  const sums = new Map(classes.map((c) => [c, { sum: new Float64Array(standardise(features[fit[0]!]!).length), count: 0 }]));
  for (const i of fit) {
    const entry = sums.get(subjects[i]!)!;
    standardise(features[i]!).forEach((v, d) => (entry.sum[d]! += v));
    entry.count++;
  }
  const means = classes.map((c) => {
    const { sum, count } = sums.get(c)!;
    return sum.map((v) => v / count);
  });
  let correct = 0;
  for (const i of predict) {
    const x = standardise(features[i]!);
    let best = 0;
    let bestDistance = Infinity;
    means.forEach((m, c) => {
      let distance = 0;
      for (let d = 0; d < x.length; d++) distance += (x[d]! - m[d]!) ** 2;
      if (distance < bestDistance) {
        best = c;
        bestDistance = distance;
      }
    });
    if (classes[best] === subjects[i]) correct++;
  }
  return { subjects: classes.length, trainClips: fit.length, testClips: predict.length, correct, accuracy: correct / predict.length, chance: 1 / classes.length };
}
