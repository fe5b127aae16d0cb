/**
 * The frames of the tiny learnable recordings that training tests use (no backend imports, so the
 * Playwright specs can use it too): each subject has its own background colour (identity); during
 * an event a bright patch grows in the top-left (happiness) or bottom-right (surprise) corner (the
 * motion that tells the class).
 */
export const tinySize = 16;
export const tinyFramesPerRecording = 48;
export const tinyEvents = [
  { onset: 2, offset: 9, emotion: 'happiness' },
  { onset: 12, offset: 19, emotion: 'surprise' },
  { onset: 24, offset: 31, emotion: 'happiness' },
  { onset: 36, offset: 43, emotion: 'surprise' },
] as const;

/** RGB pixels of frame n of subject s's recording. */
export function tinyFrame(subject: number, n: number): Uint8Array {
  const size = tinySize;
  const pixels = new Uint8Array(size * size * 3);
  const background = [30 + 35 * subject, 200 - 30 * subject, 60 + 25 * ((subject * 3) % 7)];
  const event = tinyEvents.find((e) => n >= e.onset && n <= e.offset);
  const grow = event ? Math.min(n - event.onset, event.offset - n) + 2 : 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inPatch = event && (event.emotion === 'happiness' ? x < grow && y < grow : x >= size - grow && y >= size - grow);
      pixels.set(inPatch ? [250, 250, 250] : background, (y * size + x) * 3);
    }
  }
  return pixels;
}
