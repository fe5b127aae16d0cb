import { describe, expect, it } from 'vitest';
import { backboneLayout } from './architecture';
import { litePreset, paperPreset } from './presets';
import { flopsPerSample, inferShapes, outputSize } from './shapes';

describe('shape inference at paper size (no tensors)', () => {
  it('MENet at 256 x 256: spatial sizes 128, 64, 64, 32, 16, 16 and all 8 time steps to the end', () => {
    const layers = inferShapes(backboneLayout(paperPreset, 'menet'));
    const convs = layers.filter((l) => l.layer !== 'attention');
    expect(convs.map((l) => l.layer)).toEqual(['conv0', 'pool', 'stage1', 'stage2', 'stage3', 'stage4']);
    expect(convs.map((l) => l.shape[1])).toEqual([128, 64, 64, 32, 16, 16]);
    expect(convs.map((l) => l.shape[2])).toEqual([128, 64, 64, 32, 16, 16]);
    expect(convs.map((l) => l.shape[3])).toEqual([64, 64, 64, 128, 256, 512]);
    expect(layers.every((l) => l.shape[0] === 8)).toBe(true);
    expect(layers.find((l) => l.layer === 'attention')?.shape).toEqual([8, 16, 16, 256]);
  });

  it('IDNet at 128 x 128 halves the same way, and keeps every frame', () => {
    const layers = inferShapes(backboneLayout(paperPreset, 'idnet')).filter((l) => l.layer !== 'attention');
    expect(layers.map((l) => l.shape)).toEqual([
      [8, 64, 64, 64],
      [8, 32, 32, 64],
      [8, 32, 32, 64],
      [8, 16, 16, 128],
      [8, 8, 8, 256],
      [8, 8, 8, 512],
    ]);
  });

  it('a MENet without DAO has no attention layer', () => {
    const layers = inferShapes(backboneLayout({ ...litePreset, dao: false }, 'menet'));
    expect(layers.some((l) => l.layer === 'attention')).toBe(false);
  });

  it('outputSize is the usual floor((n + 2p - k) / s) + 1', () => {
    expect(outputSize(256, 7, 2, 3)).toBe(128);
    expect(outputSize(8, 3, 1, 1)).toBe(8);
    expect(outputSize(8, 1, 1, 0)).toBe(8);
    expect(outputSize(5, 3, 2, 1)).toBe(3);
  });
});

describe('FLOPs per sample', () => {
  it('puts paper MENet at about 25 GFLOP per frame, 200 per 8-frame clip (MODEL.md)', () => {
    const { menet } = flopsPerSample(paperPreset);
    expect(menet / 1e9).toBeGreaterThan(180);
    expect(menet / 1e9).toBeLessThan(220);
  });

  it('grows linearly with the number of frames, apart from the classifier', () => {
    const classifier = (classes: number) => 2 * litePreset.widths[3] * classes;
    const one = flopsPerSample({ ...litePreset, frames: 1 });
    const eight = flopsPerSample({ ...litePreset, frames: 8, dao: false });
    const oneNoDao = flopsPerSample({ ...litePreset, frames: 1, dao: false });
    expect(eight.idnet - classifier(litePreset.identityClasses)).toBe(8 * (one.idnet - classifier(litePreset.identityClasses)));
    expect(eight.menet - classifier(litePreset.emotionClasses)).toBe(8 * (oneNoDao.menet - classifier(litePreset.emotionClasses)));
  });

  it('counts MINE as two passes (joint and marginal) of its two layers', () => {
    const { mine } = flopsPerSample(paperPreset);
    expect(mine).toBe(2 * 2 * (1024 * 64 + 64 * 1));
  });
});
