import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

/**
 * A tf.io IOHandler over a folder: `model.json` in TensorFlow.js's weights-manifest format and the
 * weights in 4 MB shards beside it (`group1-shard1of3.bin`, as tfjs-converter names them). Plain
 * TensorFlow.js in Node has no file:// handler (that comes with tfjs-node's native binary).
 */
export const modelJsonName = 'model.json';
const shardBytes = 4 * 1024 * 1024;

export class ModelFolderError extends Error {
  override readonly name = 'ModelFolderError';
}

function writeDurably(file: string, chunks: readonly Uint8Array[]): void {
  const fd = openSync(file, 'w');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function joined(data: tf.io.WeightData): Uint8Array {
  return new Uint8Array(tf.io.CompositeArrayBuffer.join(data));
}

export function folderIOHandler(dir: string): Required<Pick<tf.io.IOHandler, 'save' | 'load'>> {
  return {
    save: async (artifacts) => {
      const bytes = artifacts.weightData ? joined(artifacts.weightData) : new Uint8Array(0);
      const count = Math.max(1, Math.ceil(bytes.byteLength / shardBytes));
      const paths = Array.from({ length: count }, (_, i) => `group1-shard${i + 1}of${count}.bin`);
      paths.forEach((name, i) => writeDurably(path.join(dir, name), [bytes.subarray(i * shardBytes, (i + 1) * shardBytes)]));
      const json: tf.io.ModelJSON = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology ?? {},
        weightsManifest: [{ paths, weights: artifacts.weightSpecs ?? [] }],
      };
      // model.json last: a folder with it names only shards that are already complete.
      writeDurably(path.join(dir, modelJsonName), [Buffer.from(JSON.stringify(json, null, 1), 'utf8')]);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    load: async () => {
      const file = path.join(dir, modelJsonName);
      if (!existsSync(file)) throw new ModelFolderError(`${dir} holds no ${modelJsonName} (not a TensorFlow.js model folder)`);
      let json: tf.io.ModelJSON;
      try {
        json = JSON.parse(readFileSync(file, 'utf8')) as tf.io.ModelJSON;
      } catch {
        throw new ModelFolderError(`${file} is not JSON`);
      }
      if (!Array.isArray(json.weightsManifest)) throw new ModelFolderError(`${file} has no weightsManifest`);
      const specs: tf.io.WeightsManifestEntry[] = [];
      const shards: ArrayBuffer[] = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const name of group.paths) {
          const shard = path.join(dir, name);
          if (path.dirname(path.resolve(shard)) !== path.resolve(dir)) throw new ModelFolderError(`${file} names a weight file outside its folder: ${name}`);
          if (!existsSync(shard)) throw new ModelFolderError(`The weight file ${name} of ${file} is missing`);
          const buffer = readFileSync(shard);
          shards.push(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
        }
      }
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        weightSpecs: specs,
        weightData: tf.io.CompositeArrayBuffer.join(shards),
      };
    },
  };
}
