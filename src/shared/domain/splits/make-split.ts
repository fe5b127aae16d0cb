import { deriveSeed, makeRng } from '../random';
import { assignGroups, groupsBy } from './group-assign';
import { SplitError, type Fold, type Protocol, type Split, type SplitSample } from './types';

export interface SplitOptions {
  protocol: Protocol;
  seed: number;
  /** kfold: number of folds (default 5, the paper's protocol). */
  folds?: number;
  /** Share of each fold's training subjects held out for model selection (default 0.2; 0 for none). */
  validationShare?: number;
  /** holdout: shares of subjects for train, validation and test (default 0.7 / 0.15 / 0.15). */
  holdout?: readonly [number, number, number];
}

const ids = (samples: readonly SplitSample[], keep: (s: SplitSample) => boolean) => samples.filter(keep).map((s) => s.id);

/** Picks validation subjects among a fold's training subjects, stratified like the folds. */
function withValidation(samples: readonly SplitSample[], testSubjects: ReadonlySet<string>, share: number, seed: number): { train: number[]; validation: number[] } {
  const trainSamples = samples.filter((s) => !testSubjects.has(s.subject));
  const groups = groupsBy(trainSamples, (i) => trainSamples[i]!.subject);
  if (share <= 0 || groups.length < 2) return { train: trainSamples.map((s) => s.id), validation: [] };
  const [, validationSubjects] = assignGroups(groups, [1 - share, share], seed);
  const held = new Set(validationSubjects);
  return { train: ids(trainSamples, (s) => !held.has(s.subject)), validation: ids(trainSamples, (s) => held.has(s.subject)) };
}

function byGroups(samples: readonly SplitSample[], testGroups: string[][], groupOf: (s: SplitSample) => string, names: string[], o: Required<Pick<SplitOptions, 'seed' | 'validationShare'>>): Fold[] {
  return testGroups.map((group, index) => {
    const inTest = new Set(group);
    const test = ids(samples, (s) => inTest.has(groupOf(s)));
    const testSubjects = new Set(samples.filter((s) => inTest.has(groupOf(s))).map((s) => s.subject));
    const { train, validation } = withValidation(samples, testSubjects, o.validationShare, deriveSeed(o.seed, `validation ${index}`));
    return { index, name: names[index]!, train, validation, test };
  });
}

/**
 * The split protocols: subject-independent stratified k-fold, leave-one-subject-out, the MEGC
 * 2019 composite (LOSO over the mapped 3-class samples), leave-one-dataset-out, a train/
 * validation/test holdout by subjects, and — only when asked for by name — a subject-dependent
 * k-fold over samples. The same seed gives the same split.
 */
export function makeSplit(samples: readonly SplitSample[], options: SplitOptions): Split {
  const seed = options.seed;
  const o = { seed, validationShare: options.validationShare ?? 0.2 };
  const subjects = [...new Set(samples.map((s) => s.subject))].sort();
  const bySubject = (s: SplitSample) => s.subject;
  let folds: Fold[];
  switch (options.protocol) {
    case 'kfold': {
      const k = options.folds ?? 5;
      if (subjects.length < k) throw new SplitError(`A ${k}-fold subject-independent split needs at least ${k} subjects; there are ${subjects.length}`);
      const groups = assignGroups(groupsBy(samples, (i) => samples[i]!.subject), Array(k).fill(1 / k), deriveSeed(seed, 'kfold'));
      folds = byGroups(samples, groups, bySubject, groups.map((_, i) => `fold ${i + 1} of ${k}`), o);
      break;
    }
    case 'loso':
    case 'megc':
      if (subjects.length < 2) throw new SplitError('Leave-one-subject-out needs at least two subjects');
      folds = byGroups(samples, subjects.map((s) => [s]), bySubject, subjects.map((s) => `subject ${s}`), o);
      break;
    case 'lodo': {
      const datasets = [...new Set(samples.map((s) => s.dataset ?? ''))].sort();
      if (datasets.length < 2) throw new SplitError('Leave-one-dataset-out needs samples from at least two datasets');
      folds = byGroups(samples, datasets.map((d) => [d]), (s) => s.dataset ?? '', datasets.map((d) => `dataset ${d}`), o);
      break;
    }
    case 'holdout': {
      const shares = options.holdout ?? [0.7, 0.15, 0.15];
      if (subjects.length < 3) throw new SplitError('A train/validation/test split by subjects needs at least three subjects');
      const [train, validation, test] = assignGroups(groupsBy(samples, (i) => samples[i]!.subject), shares, deriveSeed(seed, 'holdout'));
      const side = (keys: string[] | undefined) => new Set(keys);
      const [tr, va, te] = [side(train), side(validation), side(test)];
      folds = [{ index: 0, name: 'holdout', train: ids(samples, (s) => tr.has(s.subject)), validation: ids(samples, (s) => va.has(s.subject)), test: ids(samples, (s) => te.has(s.subject)) }];
      break;
    }
    case 'kfold-subject-dependent': {
      const k = options.folds ?? 5;
      const rng = makeRng(deriveSeed(seed, 'samples'));
      const order = new Map(rng.shuffle(samples.map((s) => s.id)).map((id, i) => [id, i]));
      // Stratified by class: deal each class's samples round-robin into the folds.
      const foldOf = new Map<number, number>();
      const byLabel = new Map<string, SplitSample[]>();
      for (const s of samples) byLabel.set(s.label, [...(byLabel.get(s.label) ?? []), s]);
      let next = 0;
      for (const label of [...byLabel.keys()].sort()) {
        for (const s of byLabel.get(label)!.sort((a, b) => order.get(a.id)! - order.get(b.id)!)) foldOf.set(s.id, next++ % k);
      }
      folds = Array.from({ length: k }, (_, index) => ({
        index,
        name: `fold ${index + 1} of ${k} (subject-dependent)`,
        train: ids(samples, (s) => foldOf.get(s.id) !== index),
        validation: [],
        test: ids(samples, (s) => foldOf.get(s.id) === index),
      }));
      return { protocol: options.protocol, seed, subjectDependent: true, folds };
    }
  }
  return { protocol: options.protocol, seed, subjectDependent: false, folds };
}

/** Subjects found on both sides of any fold (train or validation versus test): must be none. */
export function subjectLeaks(split: Split, samples: readonly SplitSample[]): string[] {
  const subjectOf = new Map(samples.map((s) => [s.id, s.subject]));
  const leaks = new Set<string>();
  for (const fold of split.folds) {
    const testSubjects = new Set(fold.test.map((id) => subjectOf.get(id)));
    for (const id of [...fold.train, ...fold.validation]) {
      const subject = subjectOf.get(id);
      if (subject !== undefined && testSubjects.has(subject)) leaks.add(subject);
    }
  }
  return [...leaks].sort();
}
