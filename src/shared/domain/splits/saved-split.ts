import { subjectLeaks } from './make-split';
import { SplitError, type Fold, type Split, type SplitSample } from './types';

export interface SavedFold {
  name: string;
  train: readonly number[];
  validation: readonly number[];
  test: readonly number[];
}

/**
 * A split given fold by fold (a split saved by the Export page), checked against the samples it
 * is used with: every event it names must be one of them, and no event may sit on two sides of a
 * fold. Samples it does not name are not used. Subject-dependent when a subject crosses sides.
 */
export function splitFromFolds(saved: readonly SavedFold[], samples: readonly SplitSample[], seed: number): Split {
  if (saved.length === 0) throw new SplitError('The saved split has no folds');
  const known = new Set(samples.map((s) => s.id));
  const missing = [...new Set(saved.flatMap((f) => [...f.train, ...f.validation, ...f.test]))].filter((id) => !known.has(id)).sort((a, b) => a - b);
  if (missing.length > 0) {
    const listed = missing.slice(0, 10).join(', ') + (missing.length > 10 ? `, … (${missing.length} in all)` : '');
    throw new SplitError(`The saved split names ${missing.length === 1 ? 'an event' : `${missing.length} events`} that ${missing.length === 1 ? 'is' : 'are'} not among the samples (deleted, or left out by the data choices): ${listed}`);
  }
  const folds: Fold[] = saved.map((f, index) => {
    const sides = [...f.train, ...f.validation, ...f.test];
    if (new Set(sides).size !== sides.length) throw new SplitError(`${f.name} of the saved split puts an event on two sides (or twice on one)`);
    return { index, name: f.name, train: [...f.train], validation: [...f.validation], test: [...f.test] };
  });
  const split: Split = { protocol: 'saved', seed, subjectDependent: false, folds };
  return { ...split, subjectDependent: subjectLeaks(split, samples).length > 0 };
}
