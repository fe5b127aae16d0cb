import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';

let registered = false;

/**
 * Lets tfjs load `file://…/model.json` graph models from disk on any backend. Only tfjs-node ships
 * a file:// loader, and Node's fetch refuses file: URLs, so without this the face models inside
 * @vladmandic/human could not be read under wasm or cpu.
 */
export function registerFileModelLoader(): void {
  if (registered) return;
  registered = true;
  tf.io.registerLoadRouter((url): tf.io.IOHandler => {
    const where = Array.isArray(url) ? url[0] : url;
    // A router answers null for URLs that are not its own (tfjs skips it); the typings omit that.
    if (typeof where !== 'string' || !where.startsWith('file://')) return null as unknown as tf.io.IOHandler;
    const file = fileURLToPath(where);
    return {
      load: () =>
        tf.io.getModelArtifactsForJSON(JSON.parse(readFileSync(file, 'utf8')) as tf.io.ModelJSON, async (manifest) => {
          const specs = manifest.flatMap((group) => group.weights);
          const buffers = manifest.flatMap((group) => group.paths.map((p) => readFileSync(path.join(path.dirname(file), p))));
          return [specs, tf.io.concatenateArrayBuffers(buffers.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)))];
        }),
    };
  });
}
