import { describe, expect, it } from 'vitest';
import { attentionScale, heatColour, heatPixels, sampleCaption } from './attention-overlay';

const brightness = ([r, g, b]: number[]) => r! + g! + b!;

describe('the attention heat map', () => {
  it('runs from dark to bright as attention grows, clamped outside [0, 1]', () => {
    expect(heatColour(0)).toEqual([0, 0, 4]);
    expect(heatColour(1)).toEqual([252, 255, 164]);
    expect(heatColour(-3)).toEqual(heatColour(0));
    expect(heatColour(7)).toEqual(heatColour(1));
    expect(heatColour(Number.NaN)).toEqual(heatColour(0));
    const ramp = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1].map((v) => brightness(heatColour(v)));
    expect(ramp).toEqual([...ramp].sort((a, b) => a - b));
  });

  it('colours a map relative to the sample’s most attended position, with alpha following attention', () => {
    const maps = [
      [0.1, 0.2, 0.3, 0.4],
      [0.25, 0.25, 0.25, 0.25],
    ];
    const scale = attentionScale(maps);
    expect(scale).toBe(0.4);
    const pixels = heatPixels(maps[0]!, scale);
    expect(pixels).toHaveLength(16);
    // The top position is the brightest colour, fully opaque; the others are fainter.
    expect([...pixels.subarray(12, 16)]).toEqual([...heatColour(1), 255]);
    expect(pixels[3]).toBe(Math.round((255 * 0.1) / 0.4));
    // A uniform map is one colour everywhere.
    const uniform = heatPixels(maps[1]!, scale);
    expect(new Set([0, 1, 2, 3].map((i) => uniform.subarray(i * 4, i * 4 + 4).join()))).toHaveProperty('size', 1);
    expect(attentionScale([[0, 0]])).toBe(1);
  });

  it('names a sample by event, subject, true and predicted class', () => {
    expect(sampleCaption({ eventId: 12, subject: 's3', trueClass: 0, predictedClass: 1 }, ['happiness', 'surprise'])).toBe('event 12 · s3 · happiness, predicted surprise');
  });
});
