import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { LabelMappingInfo } from '../../../shared/api/mappings';
import type { Split } from '../../../shared/domain/splits';
import { JobCancelled } from '../jobs/worker/context';
import type { Tools } from '../media/tools';
import { csv } from './csv';
import { writeSampleFrames, type FrameOptions, type SampleFrames } from './export-frames';
import { partialFolderPath } from './partial-folders';
import type { ExportSample, SampleSet } from './samples';

export interface ExportRequest {
  projectId: number;
  projectName: string;
  labelSet: readonly string[];
  mapping: LabelMappingInfo | null;
  split: Split;
  set: SampleSet;
  out: string;
  mediaRoot: string;
  /** Copy each sample's onset..offset frames as `frames/<subject>/<clip>/img<n>.<ext>`; null: no frames. */
  frames: FrameOptions | null;
  /** ffmpeg, needed when frames are cropped or resized. */
  tools: Tools | null;
  signal: AbortSignal;
  progress(fraction: number, message: string): void;
}

/** MEGC 2019 numbers its three classes this way in its ground-truth files. */
const megcClassIds: Record<string, number> = { negative: 0, positive: 1, surprise: 2 };

const sampleColumns = ['sample_id', 'dataset', 'subject', 'recording', 'clip', 'onset', 'apex', 'offset', 'emotion', 'label', 'aus', 'fps'] as const;

/** A clip folder name: the recording's, with the onset added when the recording holds several samples. */
function clipNames(samples: readonly ExportSample[]): Map<number, string> {
  const perRecording = new Map<number, number>();
  for (const s of samples) perRecording.set(s.recording.id, (perRecording.get(s.recording.id) ?? 0) + 1);
  return new Map(samples.map((s) => [s.id, perRecording.get(s.recording.id)! > 1 ? `${s.recording.name}_${s.event.onset}` : s.recording.name]));
}

function row(s: ExportSample, clip: string): (string | number | null)[] {
  const e = s.event;
  return [s.id, s.dataset ?? '', e.subjectCode, s.recording.name, clip, e.onset, e.apex, e.offset, e.emotion, s.label, e.aus, `${s.recording.fps.num}/${s.recording.fps.den}`];
}

/** What happens to the frames, for the progress message. */
function framesVerb(options: FrameOptions): string {
  if (options.crop && options.size !== null) return 'Cropping and resizing';
  if (options.crop) return 'Cropping';
  return options.size === null ? 'Copying' : 'Resizing';
}

function frameSize(frames: SampleFrames | undefined): { width: number; height: number } | null {
  return frames ? { width: frames.width, height: frames.height } : null;
}

/** A folder next to the target, renamed into place only when everything is written. */
export function partialFolder(out: string): string {
  const target = path.resolve(out);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new ApiError('CONFLICT', `${target} already exists and is not empty; choose a new or empty folder`);
  }
  const partial = partialFolderPath(target);
  try {
    mkdirSync(partial, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiError('UNAVAILABLE', `Cannot write the export to ${path.dirname(target)}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message}`);
  }
  return partial;
}

/** Writes the manifest, the per-fold CSVs, the MEGC file when the classes are MEGC's, and optionally the frames. */
export async function writeExport(r: ExportRequest): Promise<{ dir: string; files: number; frames: number }> {
  const target = path.resolve(r.out);
  const partial = partialFolder(target);
  const { samples } = r.set;
  const clips = clipNames(samples);
  const byId = new Map(samples.map((s) => [s.id, s]));
  let files = 0;
  let frames = 0;
  const write = (name: string, text: string): void => {
    mkdirSync(path.dirname(path.join(partial, name)), { recursive: true });
    writeFileSync(path.join(partial, name), text);
    files++;
  };
  try {
    const sampleFrames = new Map<number, SampleFrames>();
    if (r.frames) {
      const verb = framesVerb(r.frames);
      for (const [i, s] of samples.entries()) {
        if (r.signal.aborted) throw new JobCancelled();
        r.progress((0.9 * i) / samples.length, `${verb} frames of sample ${i + 1} of ${samples.length}`);
        const dir = path.join('frames', s.event.subjectCode ?? 'unknown', clips.get(s.id)!);
        const written = await writeSampleFrames(s, r.frames, { root: partial, dir, mediaRoot: r.mediaRoot, tools: r.tools, signal: r.signal });
        sampleFrames.set(s.id, written);
        frames += written.files.length;
      }
    }
    r.progress(0.92, 'Writing the manifest and the fold files');
    const width = String(r.split.folds.length).length;
    for (const fold of r.split.folds) {
      const base = r.split.folds.length === 1 ? fold.name : `fold_${String(fold.index + 1).padStart(width, '0')}`;
      const stem = r.split.subjectDependent ? `${base}_SUBJECT-DEPENDENT` : base;
      for (const side of ['train', 'validation', 'test'] as const) {
        if (fold[side].length === 0 && side === 'validation') continue;
        write(`folds/${stem}_${side}.csv`, csv(sampleColumns, fold[side].map((id) => row(byId.get(id)!, clips.get(id)!))));
      }
    }
    const megc = new Set(samples.map((s) => s.label)).size > 0 && samples.every((s) => s.label in megcClassIds);
    if (megc && !r.split.subjectDependent) {
      write('megc2019_ground_truth.csv', csv(['dataset', 'subject', 'filename', 'onset', 'apex', 'offset', 'label', 'label_id'], samples.map((s) => [s.dataset ?? '', s.event.subjectCode, clips.get(s.id)!, s.event.onset, s.event.apex, s.event.offset, s.label, megcClassIds[s.label]!])));
    }
    const manifest = {
      format: 'mer-workstation-split/1',
      project: r.projectName,
      // Training on this split checks it is of the same project (training.readSavedSplit).
      projectId: r.projectId,
      createdAt: new Date().toISOString(),
      labelSet: r.labelSet,
      mapping: r.mapping && { name: r.mapping.name, key: r.mapping.key, map: r.mapping.map, toLabels: r.mapping.toLabels },
      protocol: r.split.protocol,
      // Named in every file a tool might read alone: samples of a subject are on both sides.
      subjectDependent: r.split.subjectDependent,
      seed: r.split.seed,
      classes: [...new Set(samples.map((s) => s.label))].sort(),
      frameOptions: r.frames && {
        crop: r.frames.crop,
        size: r.frames.size,
        // Copied whole (resized when a size is set) although cropping was asked for.
        recordingsWithoutFaceBox: r.frames.crop ? [...new Set(samples.filter((s) => s.recording.faceBox === null).map((s) => s.recording.name))].sort() : [],
      },
      dropped: r.set.dropped,
      samples: samples.map((s) => ({
        id: s.id, dataset: s.dataset, subject: s.event.subjectCode, recording: s.recording.name, recordingId: s.recording.id, clip: clips.get(s.id),
        onset: s.event.onset, apex: s.event.apex, offset: s.event.offset, emotion: s.event.emotion, label: s.label, aus: s.event.aus,
        fps: s.recording.fps, faceBox: s.recording.faceBox, frames: sampleFrames.get(s.id)?.files ?? null,
        frameSize: frameSize(sampleFrames.get(s.id)), cropped: sampleFrames.get(s.id)?.cropped ?? null,
      })),
      folds: r.split.folds.map((f) => ({ name: f.name, train: f.train, validation: f.validation, test: f.test })),
    };
    write('manifest.json', JSON.stringify(manifest, null, 2));
    if (r.split.subjectDependent) write('SUBJECT-DEPENDENT.txt', 'This split is subject-dependent: samples of one subject appear in training and test. Results on it are not comparable with subject-independent ones.\n');
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(partial, target);
    return { dir: target, files, frames };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // ffmpeg killed by a cancel reports itself as failed; the job was cancelled.
    throw r.signal.aborted ? new JobCancelled() : error;
  }
}
