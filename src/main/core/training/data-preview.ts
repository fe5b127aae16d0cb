import { isApiError } from '../../../shared/api/errors';
import { TrainingConfig } from '../../../shared/api/training';
import type { TrainingDataPreview, TrainingDataQuery } from '../../../shared/api/training-preview';
import { collectRunSamples, trainingSamples, TrainingDataError } from '../../ml/train/training-samples';
import type { Db } from '../db/connection';
import { createProjectsRepository } from '../db/repositories/projects';
import { notFound } from '../errors';
import type { SampleSet } from '../exports/samples';

type Counted = Pick<TrainingDataPreview, 'classes' | 'subjects' | 'samples' | 'dropped'>;

const nothing: Counted = { classes: [], subjects: [], samples: 0, dropped: [] };

/**
 * Class counts per subject, in the vocabulary's order; labels outside it (a run refuses them) come
 * last. A run over several projects names its subjects "Project/sub01", as its folds do.
 */
function countsOf(set: SampleSet, vocabulary: readonly string[], pooled: boolean): Counted {
  const lower = (s: string) => s.toLowerCase();
  const present = new Set(set.samples.map((s) => lower(s.label)));
  const known = vocabulary.filter((label) => present.has(lower(label)));
  const unknown = [...new Set(set.samples.map((s) => s.label).filter((l) => !known.some((k) => lower(k) === lower(l))))].sort();
  const classes = [...known, ...unknown];
  const bySubject = new Map<string, { subject: string; dataset: string; counts: number[] }>();
  for (const sample of set.samples) {
    const row = bySubject.get(sample.subject) ?? { subject: pooled ? sample.subject : (sample.event.subjectCode ?? sample.subject), dataset: sample.dataset ?? '', counts: classes.map(() => 0) };
    row.counts[classes.findIndex((c) => lower(c) === lower(sample.label))]! += 1;
    bySubject.set(sample.subject, row);
  }
  const reasons = new Map<string, number>();
  for (const d of set.dropped) reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + 1);
  return {
    classes,
    subjects: [...bySubject.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row),
    samples: set.samples.length,
    dropped: [...reasons.entries()].map(([reason, events]) => ({ reason, events })).sort((a, b) => b.events - a.events),
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const expected = (error: unknown) => error instanceof TrainingDataError || isApiError(error);

/**
 * The samples and split a run of this configuration would use, by the same code the run uses:
 * what the data and protocol steps of the Train wizard show before anything is launched.
 */
export function previewTrainingData(db: Db, query: TrainingDataQuery): TrainingDataPreview {
  const config = TrainingConfig.parse(query);
  const project = createProjectsRepository(db).get(config.projectId);
  if (!project) throw notFound('Project', config.projectId);
  let counted = nothing;
  try {
    const { set, vocabulary, projectNames } = collectRunSamples(db, config);
    counted = countsOf(set, vocabulary, projectNames.length > 1);
    const { split } = trainingSamples(db, config);
    const folds = split.folds.map((f) => ({ index: f.index, name: f.name, train: f.train.length, validation: f.validation.length, test: f.test.length }));
    return { ...counted, folds, problem: null };
  } catch (error) {
    if (!expected(error)) throw error;
    return { ...counted, folds: [], problem: messageOf(error) };
  }
}
