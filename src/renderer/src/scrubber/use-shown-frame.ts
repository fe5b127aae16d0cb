import { useState } from 'react';
import type { DecodedFrame } from './decode-frame';
import type { FrameCache, FrameState } from './frame-cache';

export interface ShownFrame {
  /** The number of the frame on screen: always the frame whose pixels are drawn. */
  frame: number;
  state: FrameState<DecodedFrame>;
  /** The difference view's reference for this frame, when that view is on. */
  reference: { frame: number; state: FrameState<DecodedFrame> | undefined } | null;
}

/** How far back from the target to look for a decoded frame to show meanwhile. */
const lookBack = 64;

/**
 * Decides which frame is on screen. The wanted frame (`target`) is shown as soon as it — and its
 * reference, in the difference view — is decoded; until then the frame already shown stays, or
 * one decoded on the way there (so fast stepping and playback show real frames, never a number
 * without its image). The number shown always belongs to the image shown. Mount one per
 * recording (key the caller by recording).
 */
export function useShownFrame(
  cache: FrameCache<DecodedFrame> | null,
  target: number,
  referenceOf: ((n: number) => number) | null,
): ShownFrame | null {
  const [last, setLast] = useState<number | null>(null);
  const ok = (n: number) => cache !== null && cache.settled(n) && (referenceOf === null || cache.settled(referenceOf(n)));

  let frame: number | null = null;
  if (ok(target)) frame = target;
  else if (last !== null) {
    const step = Math.sign(last - target);
    for (let n = target + step, i = 0; step !== 0 && n !== last && i < lookBack; n += step, i++) {
      if (ok(n)) {
        frame = n;
        break;
      }
    }
  }
  if (frame !== null && frame !== last) setLast(frame);

  const shownNumber = frame ?? last;
  const state = shownNumber === null ? undefined : cache?.peek(shownNumber);

  if (shownNumber === null || state === undefined) return null;
  const reference = referenceOf ? { frame: referenceOf(shownNumber), state: cache?.peek(referenceOf(shownNumber)) } : null;
  return { frame: shownNumber, state, reference };
}
