import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../tf/backend';
import { registerFileModelLoader } from './file-model-loader';

/** An RGB image, row-major, 3 bytes a pixel. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A face found in an image: its box in that image's pixels and the detector's confidence. */
export interface DetectedFace {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/** What we use of @vladmandic/human (its own typings cannot be resolved through its exports map). */
interface HumanInstance {
  version: string;
  load(): Promise<void>;
  detect(input: tf.Tensor): Promise<{ face: { box: [number, number, number, number]; score: number }[] }>;
}
type HumanModule = { Human: new (config: object) => HumanInstance };

/** The package's own description of the model, for job results and the README. */
export const FACE_DETECTOR = 'BlazeFace (@vladmandic/human)';

const requireHere = createRequire(__filename);
let human: Promise<HumanInstance> | null = null;

/**
 * Human's wasm build, with only its face detector (BlazeFace) on: its models ship inside the npm
 * package, so detection works offline. Its exports map lacks the leading './' on every key, so
 * the wasm build is required by its file path next to the package's main file.
 */
function loadHuman(): Promise<HumanInstance> {
  human ??= (async () => {
    registerFileModelLoader();
    if (tf.getBackend() !== 'wasm') await selectBackend('wasm');
    const dist = path.dirname(requireHere.resolve('@vladmandic/human'));
    const { Human } = requireHere(path.join(dist, 'human.node-wasm.js')) as HumanModule;
    const off = { enabled: false };
    const instance = new Human({
      backend: 'wasm',
      modelBasePath: pathToFileURL(path.join(dist, '..', 'models') + path.sep).href,
      debug: false,
      // No reuse of earlier results between similar frames: every call detects afresh.
      cacheSensitivity: 0,
      face: {
        enabled: true,
        detector: { rotation: false, maxDetected: 5, minConfidence: 0.3, skipFrames: 0 },
        mesh: off, iris: off, emotion: off, description: off, antispoof: off, liveness: off, attention: off,
      },
      body: off, hand: off, object: off, gesture: off, segmentation: off, filter: off,
    });
    await instance.load();
    return instance;
  })();
  // A failed load is not kept: the next call tries again.
  human.catch(() => (human = null));
  return human;
}

/** The faces in an image, most confident first. */
export async function detectFaces(image: RgbImage): Promise<DetectedFace[]> {
  const detector = await loadHuman();
  const input = tf.tensor4d(Int32Array.from(image.data), [1, image.height, image.width, 3], 'int32');
  try {
    const result = await detector.detect(input);
    return result.face
      .map(({ box: [x, y, width, height], score }) => ({ x, y, width, height, score }))
      .sort((a, b) => b.score - a.score);
  } finally {
    input.dispose();
  }
}
