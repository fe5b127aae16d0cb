import { ApiError } from '../../../shared/api/errors';
import type { LabelMappingInfo } from '../../../shared/api/mappings';
import { makeSplit, subjectLeaks, SplitError, type Protocol, type Split } from '../../../shared/domain/splits';
import type { Db } from '../db/connection';
import { createDatasetImportsRepository } from '../db/repositories/dataset-imports';
import { createProjectsRepository } from '../db/repositories/projects';
import { notFound } from '../errors';
import type { JobContext } from '../jobs/worker/context';
import { listMappings } from '../labels/mappings';
import { requireTools } from '../media/tools';
import { checkFaceBoxes } from './export-frames';
import { collectSamples } from './samples';
import { writeExport } from './write-export';

export interface ExportParams {
  projectId: number;
  protocol: Protocol;
  folds?: number | undefined;
  seed?: number | undefined;
  holdout?: readonly [number, number, number] | undefined;
  /** A mapping's key from mappings.list (`builtin:…` or `project:…`). */
  mapping?: string | undefined;
  annotatorIds?: number[] | undefined;
  excludeFlagged?: boolean | undefined;
  copyFrames?: boolean | undefined;
  /** Crop copied frames to their recording's face box (recordings without one are copied whole). */
  frameCrop?: boolean | undefined;
  /** Resize copied frames to S x S; null or absent keeps their size. */
  frameSize?: number | null | undefined;
  out: string;
}

export interface ExportOutcome {
  dir: string;
  folds: number;
  samples: number;
  subjects: number;
  leaks: number;
  dropped: number;
  frames: number;
  droppedEvents: { eventId: number; reason: string }[];
}

export function chooseMapping(db: Db, projectId: number, key: string | undefined, protocol: Protocol | 'saved'): LabelMappingInfo | null {
  const project = createProjectsRepository(db).get(projectId)!;
  const all = listMappings(db, project);
  if (key) {
    const found = all.find((m) => m.key === key);
    if (!found) throw new ApiError('VALIDATION', `There is no mapping "${key}" for this project`, [{ path: 'mapping', message: 'unknown mapping' }]);
    return found;
  }
  if (protocol !== 'megc') return null;
  // The MEGC composite needs the three MEGC classes: take the mapping from this project's labels.
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((l) => b.some((x) => x.toLowerCase() === l.toLowerCase()));
  const megc = all.find((m) => same(m.fromLabels, project.labelSet) && same(m.toLabels, ['negative', 'positive', 'surprise']));
  if (!megc) throw new ApiError('VALIDATION', 'The MEGC composite protocol needs a mapping of the project\'s labels to negative / positive / surprise; create one or choose it', [{ path: 'mapping', message: 'required for megc' }]);
  return megc;
}

/** Collects the samples, makes the split (refusing any subject leak), and writes the export. */
export async function exportSplit(ctx: JobContext, p: ExportParams): Promise<ExportOutcome> {
  const project = createProjectsRepository(ctx.db).get(p.projectId);
  if (!project) throw notFound('Project', p.projectId);
  await ctx.progress(0, 'Collecting samples');
  const mapping = chooseMapping(ctx.db, p.projectId, p.mapping, p.protocol);
  // Imported events know their dataset; events labelled here belong to the project.
  const datasets = createDatasetImportsRepository(ctx.db).datasetsOfEvents(p.projectId);
  const set = collectSamples(ctx.db, {
    projectId: p.projectId,
    annotatorIds: p.annotatorIds,
    excludeFlagged: p.excludeFlagged,
    mapping,
    datasetOf: (event) => datasets.get(event.id) ?? project.name,
  });
  let split: Split;
  try {
    split = makeSplit(set.samples, { protocol: p.protocol, seed: p.seed ?? 1, folds: p.folds, ...(p.holdout ? { holdout: p.holdout } : {}) });
  } catch (error) {
    if (error instanceof SplitError) throw new ApiError('VALIDATION', error.message);
    throw error;
  }
  const leaks = split.subjectDependent ? [] : subjectLeaks(split, set.samples);
  if (leaks.length > 0) throw new ApiError('INTERNAL', `The split put subjects ${leaks.join(', ')} on both sides; nothing was written`);
  const frames = p.copyFrames ? { crop: p.frameCrop ?? false, size: p.frameSize ?? null } : null;
  // Looked for before anything is written: a missing ffmpeg is named at once, not after some samples.
  const tools = frames && (frames.crop || frames.size !== null) ? requireTools(ctx.tools) : null;
  if (frames?.crop) checkFaceBoxes(set.samples);
  await ctx.progress(0.05, `Writing ${split.folds.length} fold(s) of ${set.samples.length} samples`);
  const written = await writeExport({
    projectId: project.id,
    projectName: project.name,
    labelSet: project.labelSet,
    mapping,
    split,
    set,
    out: p.out,
    mediaRoot: ctx.mediaRoot,
    frames,
    tools,
    signal: ctx.signal,
    progress: (f, m) => ctx.report(0.05 + 0.95 * f, m),
  });
  return {
    dir: written.dir,
    folds: split.folds.length,
    samples: set.samples.length,
    subjects: new Set(set.samples.map((s) => s.subject)).size,
    leaks: leaks.length,
    dropped: set.dropped.length,
    frames: written.frames,
    droppedEvents: set.dropped,
  };
}
