import { useEffect, useState } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { clampFrame, frameSeconds, formatMs, formatSeconds, prefetchOrder } from './frame-math';
import { useFrameCache } from './use-frame-cache';
import { usePlayback, type Playback } from './use-playback';
import { useShownFrame, type ShownFrame } from './use-shown-frame';

export interface LoopRange {
  from: number | null;
  to: number | null;
  /** Playback wraps inside [from, to] (needs both). */
  enabled: boolean;
}

export type ReferenceMode = 'in' | 'previous' | 'fixed';

export interface DifferenceSettings {
  enabled: boolean;
  /** ×1 … ×20 */
  gain: number;
  reference: ReferenceMode;
  /** The reference frame in 'fixed' mode. */
  fixed: number;
}

/** The scrubber's state: the wanted frame, the frame on screen, playback, loop and difference view. */
export function useScrubber(recording: Recording) {
  const { firstFrame: first, lastFrame: last, missingFrames } = recording;
  const cache = useFrameCache(recording);
  const [target, setTarget] = useState(first);
  const [loop, setLoop] = useState<LoopRange>({ from: null, to: null, enabled: false });
  const [difference, setDifference] = useState<DifferenceSettings>({ enabled: false, gain: 5, reference: 'in', fixed: first });

  const loopActive = loop.enabled && loop.from !== null && loop.to !== null;
  const span = { first, last, loop: loopActive && loop.from !== null && loop.to !== null ? { from: loop.from, to: loop.to } : null };
  const playback: Playback = usePlayback(recording.fps, span, target, setTarget);

  /** The nearest earlier frame that has an image (the first frame is its own "previous"). */
  const previousOf = (n: number) => {
    for (let p = n - 1; p >= first; p--) if (!missingFrames.includes(p)) return p;
    return n;
  };
  const referenceOf = (n: number): number => {
    if (difference.reference === 'previous') return previousOf(n);
    if (difference.reference === 'fixed') return clampFrame(difference.fixed, first, last);
    return loop.from ?? first;
  };
  const shown: ShownFrame | null = useShownFrame(cache, target, difference.enabled ? referenceOf : null);

  const shownFrame = shown?.frame ?? null;
  const direction = playback.playing?.direction ?? 1;
  const playing = playback.playing !== null;
  // Most urgent first: the wanted frame and its reference, the frame on screen, then outward
  // (far ahead in the playing direction), the references of those, and a loop's start.
  const around = prefetchOrder(target, first, last, playing ? 60 : 16, playing ? 4 : 16, direction);
  const refs = difference.enabled ? around.slice(0, 32).map(referenceOf) : [];
  const wrap = playing && loopActive && loop.from !== null ? prefetchOrder(loop.from, first, last, 24, 0, 1) : [];
  const wanted = [...new Set([target, ...refs.slice(0, 1), ...(shownFrame === null ? [] : [shownFrame]), ...around, ...refs, ...wrap])];
  const wantedKey = wanted.join(',');
  useEffect(() => {
    cache.want(wantedKey.split(',').map(Number));
  }, [cache, wantedKey]);

  const seek = (n: number) => {
    playback.pause();
    setTarget(clampFrame(n, first, last));
  };

  return {
    recording,
    cache,
    target,
    shown,
    seek,
    /** Steps from the frame asked for, so quick key presses add up even while frames load. */
    step: (delta: number) => seek(target + delta),
    playback,
    loop,
    setIn: () => {
      const at = shownFrame ?? target;
      setLoop((l) => ({ ...l, from: at, to: l.to !== null && l.to < at ? null : l.to }));
    },
    setOut: () => {
      const at = shownFrame ?? target;
      setLoop((l) => ({ ...l, to: at, from: l.from !== null && l.from > at ? null : l.from }));
    },
    /** Seeks to `from` and loops from..to (e.g. an event's onset..offset). */
    playRange: (from: number, to: number) => {
      seek(from);
      setLoop({ from: clampFrame(from, first, last), to: clampFrame(Math.max(from, to), first, last), enabled: true });
    },
    /** The frame a mark or a loop point goes to: the one on screen. */
    frameNow: shownFrame ?? target,
    toggleLoop: () => setLoop((l) => ({ ...l, enabled: !l.enabled })),
    clearLoop: () => setLoop({ from: null, to: null, enabled: false }),
    difference,
    setDifference: (change: Partial<DifferenceSettings>) => setDifference((d) => ({ ...d, ...change })),
    referenceOf,
    timeOf: (n: number) => {
      const seconds = frameSeconds(n, first, recording.fps);
      return `${formatSeconds(seconds)} · ${formatMs(seconds)}`;
    },
  };
}

export type Scrubber = ReturnType<typeof useScrubber>;
