import '@tensorflow/tfjs-backend-cpu';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactFormat, loadMenetArtifact, saveMenetArtifact, type MenetTopology } from './menet-artifact';

const root = mkdtempSync(path.join(tmpdir(), 'mer-artifact-'));
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const topology: MenetTopology = {
  format: artifactFormat,
  version: 1,
  architecture: 'MENet',
  description: 'test',
  preset: 'lite',
  network: { frames: 4, meInput: 16, idInput: 8, widths: [4, 4, 8, 8], emotionClasses: 2, identityClasses: 3, motionInput: 'onset-difference', dao: true, mineProjection: false, mineHidden: 64 },
  classes: ['happiness', 'surprise'],
  mapping: null,
  input: { layout: 'NTHWC', frames: 4, size: 16, identitySize: 8, sampling: 'onset-offset', interpolate: false, faceCrop: true },
  normalisation: { me: { mean: [0.1, 0.2, 0.3], std: [1, 1, 1] }, id: { mean: [0, 0, 0], std: [1, 1, 1] } },
  source: { project: 'Tiny', runId: 1, runName: 'r', fold: 0, foldName: 'fold 1 of 3', chosenEpoch: 2 },
};

/** 5.2 MB of weights: more than one 4 MB shard. */
function weights(): Record<string, tf.Tensor> {
  return {
    'menet/conv0/w': tf.randomNormal([1_300_000], 0, 1, 'float32', 7),
    'menet/fc/b': tf.tensor1d([0.25, -1.5]),
  };
}

function saved(name: string): Promise<string> {
  const dir = path.join(root, name);
  mkdirSync(dir);
  const w = weights();
  return saveMenetArtifact(dir, { topology, weights: w }).then(() => {
    tf.dispose(Object.values(w));
    return dir;
  });
}

describe('a MENet as a TensorFlow.js artifact', () => {
  it('loads back bit for bit, with its topology, from more than one shard', async () => {
    const dir = await saved('round-trip');
    expect(readdirSync(dir).sort()).toEqual(['group1-shard1of2.bin', 'group1-shard2of2.bin', 'model.json']);
    const loaded = await loadMenetArtifact(dir);
    expect(loaded.topology).toEqual(topology);
    const original = weights();
    for (const [name, tensor] of Object.entries(original)) expect(Array.from(await loaded.weights[name]!.data())).toEqual(Array.from(await tensor.data()));
    tf.dispose([...Object.values(original), ...Object.values(loaded.weights)]);
  });

  it('names what is wrong with a folder that is not one of ours or is damaged', async () => {
    const dir = await saved('damaged');
    const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as { modelTopology: { classes: string[] } };
    truncateSync(path.join(dir, 'group1-shard2of2.bin'), 100);
    await expect(loadMenetArtifact(dir)).rejects.toThrow(`The weights of ${dir} are damaged: 4194404 bytes where model.json describes 5200008`);

    json.modelTopology.classes = ['happiness'];
    writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
    await expect(loadMenetArtifact(dir)).rejects.toThrow(`${dir}/model.json is not a MER Workstation MENet model (classes: Too small: expected array to have >=2 items)`);

    writeFileSync(path.join(dir, 'model.json'), '{"format": "layers-model"');
    await expect(loadMenetArtifact(dir)).rejects.toThrow(`${dir}/model.json is not JSON`);
  });
});
