/** A decoded frame: drawing it never waits for the network or the decoder. */
export type DecodedFrame = ImageBitmap | HTMLImageElement;

/**
 * Fetches and fully decodes one frame: `new Image()` + `decode()`, then an ImageBitmap so the
 * decoded pixels stay in memory (the browser may drop an image element's decoded data).
 */
export async function decodeFrame(url: string): Promise<DecodedFrame> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  try {
    await image.decode();
  } catch {
    throw new Error(`could not be loaded (${url.split('/').slice(-2).join('/')})`);
  }
  try {
    return await createImageBitmap(image);
  } catch {
    return image;
  }
}

export function releaseFrame(frame: DecodedFrame): void {
  if (typeof ImageBitmap !== 'undefined' && frame instanceof ImageBitmap) frame.close();
}

/** How many decoded frames to keep: about 384 MB of RGBA, between 24 and 600 frames. */
export function cacheCapacity(width: number, height: number): number {
  const bytes = Math.max(1, width * height * 4);
  return Math.max(24, Math.min(600, Math.floor((384 * 1024 * 1024) / bytes)));
}
