import * as tf from '@tensorflow/tfjs-core';
import { z } from 'zod';
import { folderIOHandler, ModelFolderError } from './tfjs-folder';

/**
 * A fold's MENet as a TensorFlow.js artifact. `modelTopology` is our own description (a MENet is
 * plain functions over named weights, not a Keras layer graph): architecture, preset, network
 * shape, classes, input clip and normalisation — everything needed to rebuild and feed it.
 */
export const artifactFormat = 'mer-workstation/menet';

const Stats = z.object({ mean: z.tuple([z.number(), z.number(), z.number()]), std: z.tuple([z.number(), z.number(), z.number()]) });

export const MenetTopology = z.object({
  format: z.literal(artifactFormat),
  version: z.literal(1),
  architecture: z.literal('MENet'),
  description: z.string(),
  preset: z.enum(['lite', 'paper']),
  network: z.object({
    frames: z.number().int().min(1),
    meInput: z.number().int().min(1),
    idInput: z.number().int().min(1),
    widths: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
    emotionClasses: z.number().int().min(2),
    identityClasses: z.number().int().min(1),
    /** onset-difference: the network subtracts each clip's first frame itself; feed it frames as for 'frames'. */
    motionInput: z.enum(['frames', 'onset-difference']).default('frames'),
    dao: z.boolean(),
    mineProjection: z.boolean(),
    mineHidden: z.number().int(),
  }),
  classes: z.array(z.string()).min(2),
  /** The class mapping's key the run used (null: the project's own emotion labels). */
  mapping: z.string().nullable(),
  input: z.object({
    /** [batch, T, height, width, RGB], float32, normalised per channel with `normalisation.me`. */
    layout: z.literal('NTHWC'),
    frames: z.number().int().min(1),
    size: z.number().int().min(1),
    identitySize: z.number().int().min(1),
    sampling: z.enum(['onset-offset', 'onset-apex']),
    interpolate: z.boolean(),
    faceCrop: z.boolean(),
  }),
  normalisation: z.object({ me: Stats, id: Stats }),
  source: z.object({ project: z.string(), runId: z.number().int(), runName: z.string(), fold: z.number().int(), foldName: z.string(), chosenEpoch: z.number().int() }),
});
export type MenetTopology = z.infer<typeof MenetTopology>;

export interface MenetModel {
  topology: MenetTopology;
  /** MENet's variables by stable name (`menet/...`); the caller disposes them. */
  weights: Record<string, tf.Tensor>;
}

/** Writes model.json and the shards into `dir` (which exists); returns the weight bytes. */
export async function saveMenetArtifact(dir: string, model: MenetModel): Promise<{ weights: number; bytes: number }> {
  const names = Object.keys(model.weights).sort();
  const { data, specs } = await tf.io.encodeWeights(names.map((name) => ({ name, tensor: model.weights[name]! })));
  await folderIOHandler(dir).save({
    format: 'mer-workstation-menet',
    generatedBy: `TensorFlow.js v${tf.version_core}`,
    convertedBy: null,
    modelTopology: model.topology,
    weightSpecs: specs,
    weightData: data,
  });
  return { weights: names.length, bytes: tf.io.CompositeArrayBuffer.join(data).byteLength };
}

const bytesOf = (spec: tf.io.WeightsManifestEntry) => spec.shape.reduce((a, b) => a * b, 1) * (spec.dtype === 'float32' || spec.dtype === 'int32' ? 4 : 1);

/** Reads a model folder back; a folder that is not one of ours, or is damaged, is an error naming why. */
export async function loadMenetArtifact(dir: string): Promise<MenetModel> {
  const artifacts = await folderIOHandler(dir).load();
  const parsed = MenetTopology.safeParse(artifacts.modelTopology);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelFolderError(`${dir}/model.json is not a MER Workstation MENet model (${issue.path.join('.') || 'modelTopology'}: ${issue.message})`);
  }
  const specs = artifacts.weightSpecs ?? [];
  const expected = specs.reduce((n, s) => n + bytesOf(s), 0);
  const data = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? []);
  if (data.byteLength !== expected) throw new ModelFolderError(`The weights of ${dir} are damaged: ${data.byteLength} bytes where model.json describes ${expected}`);
  return { topology: parsed.data, weights: tf.io.decodeWeights(data, specs) };
}
