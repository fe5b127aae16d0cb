import type { TrainingConfig } from '../../../shared/api/training';
import { makeSplit, splitFromFolds, SplitError, type Split } from '../../../shared/domain/splits';
import type { LabelMappingInfo } from '../../../shared/api/mappings';
import type { Project } from '../../../shared/api/projects';
import type { Db } from '../../core/db/connection';
import { createDatasetImportsRepository } from '../../core/db/repositories/dataset-imports';
import { chooseMapping } from '../../core/exports/export-split';
import { collectSamples, type ExportSample, type SampleSet } from '../../core/exports/samples';
import { extraProjectMapping, runProjects, TrainingDataError } from './run-projects';

export { TrainingDataError };

export interface TrainingSamples {
  samples: ExportSample[];
  /** Class names in index order (the mapping's targets or the project's label set, those that occur). */
  classes: string[];
  classOf: Map<number, number>;
  split: Split;
  dropped: { eventId: number; reason: string }[];
}

/**
 * The samples a run trains on and their split: the same collection and split code the export
 * uses, so an exported split and a trained split are the same thing.
 */
export interface RunSampleSet {
  set: SampleSet;
  /** The class vocabulary: the mapping's targets, or the project's label set. */
  vocabulary: readonly string[];
  /** The run's projects, its own first; with more than one, subjects read "Project/sub01". */
  projectNames: string[];
}

/** The fold split the configuration asks for: made by its protocol, or the saved one as it is. */
function splitOf(samples: SampleSet['samples'], config: TrainingConfig): Split {
  const { protocol, saved } = config.protocol;
  if (protocol === 'saved') return splitFromFolds(saved!.folds, samples, config.seed);
  return makeSplit(samples, { protocol, seed: config.seed, folds: config.protocol.folds, validationShare: config.protocol.validationShare });
}

/** A saved split trains on exactly the events it names: the others are left out, with the reason. */
function onlySavedEvents(set: SampleSet, config: TrainingConfig): SampleSet {
  const saved = config.protocol.protocol === 'saved' ? config.protocol.saved : null;
  if (!saved) return set;
  const named = new Set(saved.folds.flatMap((f) => [...f.train, ...f.validation, ...f.test]));
  return {
    samples: set.samples.filter((s) => named.has(s.id)),
    dropped: [...set.dropped, ...set.samples.filter((s) => !named.has(s.id)).map((s) => ({ eventId: s.id, reason: 'not in the saved split' }))],
  };
}

/** One project's events as samples; with `pooled`, subjects are named by project so none is shared across projects. */
function projectSamples(db: Db, config: TrainingConfig, project: Project, mapping: LabelMappingInfo | null, pooled: boolean): SampleSet {
  const datasets = createDatasetImportsRepository(db).datasetsOfEvents(project.id);
  const collect = () =>
    collectSamples(db, {
      projectId: project.id,
      annotatorIds: config.data.annotatorIds ?? undefined,
      excludeFlagged: config.data.excludeFlagged,
      consensusOnly: config.data.consensusOnly,
      mapping,
      datasetOf: (event) => datasets.get(event.id) ?? project.name,
    });
  if (!pooled) return collect();
  const set = naming(project, 'has no usable events', collect);
  const prefix = `${project.name}/`;
  return {
    samples: set.samples.map((s) => ({ ...s, subject: s.subject.startsWith(prefix) ? s.subject : `${prefix}${s.subject}` })),
    dropped: set.dropped.map((d) => ({ ...d, reason: `${project.name}: ${d.reason}` })),
  };
}

/** Runs `work`, saying which project of a pooled run a failure is about. */
function naming<T>(project: Project, what: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TrainingDataError) throw error;
    throw new TrainingDataError(`The project "${project.name}" ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const lowerSet = (labels: readonly string[]) => [...new Set(labels.map((l) => l.toLowerCase()))].sort().join(', ');

/** The events a configuration trains on, as the split export collects them (nothing dropped silently), every project's pooled. */
export function collectRunSamples(db: Db, config: TrainingConfig): RunSampleSet {
  const [project, ...extras] = runProjects(db, config);
  const pooled = extras.length > 0;
  const chosen = () => chooseMapping(db, project!.id, config.data.mapping ?? undefined, config.protocol.protocol);
  const mapping = pooled ? naming(project!, 'has no mapping to use', chosen) : chosen();
  const vocabulary = mapping ? mapping.toLabels : project!.labelSet;
  const sets = [projectSamples(db, config, project!, mapping, pooled)];
  for (const extra of extras) {
    const extraMapping = extraProjectMapping(db, extra, mapping, config);
    const classes = extraMapping ? extraMapping.toLabels : extra.labelSet;
    if (lowerSet(classes) !== lowerSet(vocabulary)) {
      throw new TrainingDataError(`The project "${extra.name}" has the classes ${classes.join(', ')}${extraMapping ? ` (mapping "${extraMapping.name}")` : ''}, but "${project!.name}" has ${vocabulary.join(', ')}: choose a mapping that gives every project the same classes`);
    }
    sets.push(projectSamples(db, config, extra, extraMapping, pooled));
  }
  const set = { samples: sets.flatMap((s) => s.samples), dropped: sets.flatMap((s) => s.dropped) };
  return { set: onlySavedEvents(set, config), vocabulary, projectNames: [project!, ...extras].map((p) => p.name) };
}

export function trainingSamples(db: Db, config: TrainingConfig): TrainingSamples {
  const { set, vocabulary, projectNames } = collectRunSamples(db, config);
  if (set.samples.length === 0) throw new TrainingDataError(`The project "${projectNames.join('" + "')}" has no labelled events to train on${set.dropped.length ? ` (${set.dropped.length} left out: ${set.dropped[0]!.reason}, ...)` : ''}`);
  const present = new Set(set.samples.map((s) => s.label.toLowerCase()));
  const classes = vocabulary.filter((label) => present.has(label.toLowerCase()));
  const unknown = set.samples.find((s) => !classes.some((c) => c.toLowerCase() === s.label.toLowerCase()));
  if (unknown) throw new TrainingDataError(`Event ${unknown.id} has the label "${unknown.label}", which is not in the label set`);
  if (classes.length < 2) throw new TrainingDataError(`Training needs at least two classes; the samples are all "${classes[0]}"`);
  const classOf = new Map(set.samples.map((s) => [s.id, classes.findIndex((c) => c.toLowerCase() === s.label.toLowerCase())]));
  let split: Split;
  try {
    split = splitOf(set.samples, config);
  } catch (error) {
    if (error instanceof SplitError) throw new TrainingDataError(error.message);
    throw error;
  }
  for (const fold of split.folds) {
    if (fold.train.length === 0) throw new TrainingDataError(`${fold.name} has no training samples`);
    if (fold.test.length === 0) throw new TrainingDataError(`${fold.name} has no test samples`);
    const trainClasses = new Set(fold.train.map((id) => classOf.get(id)));
    if (trainClasses.size < 2) throw new TrainingDataError(`The training part of ${fold.name} has a single class ("${classes[[...trainClasses][0]!]}"): nothing to learn`);
  }
  return { samples: set.samples, classes, classOf, split, dropped: set.dropped };
}
