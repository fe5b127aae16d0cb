import { useEffect, useRef, useState } from 'react';
import type { Rational } from '../../../shared/api/recordings';
import { advance, framesElapsed, playbackRates, type PlaybackSpan } from './frame-math';

export interface Playing {
  direction: 1 | -1;
}

export interface Playback {
  playing: Playing | null;
  /** Index into `playbackRates` (0 = native speed). */
  rateIndex: number;
  rate: Rational;
  setRateIndex: (index: number) => void;
  play: (direction: 1 | -1) => void;
  pause: () => void;
  toggle: () => void;
  /** J / L: start in that direction, or, already going that way, go faster (up to native speed). */
  shuttle: (direction: 1 | -1) => void;
}

/**
 * Plays frames on the clock of `requestAnimationFrame` at the recording's exact rational rate
 * times the chosen speed: the frame for time t is anchor + floor(t × fps × speed), so slow
 * speeds never drift and no frame number is skipped unless decoding cannot keep up.
 */
export function usePlayback(fps: Rational, span: PlaybackSpan, target: number, setTarget: (n: number) => void): Playback {
  const [playing, setPlaying] = useState<Playing | null>(null);
  const [rateIndex, setRateIndex] = useState(0);
  const rate = playbackRates[rateIndex] ?? { num: 1, den: 1 };
  const targetRef = useRef(target);
  const setTargetRef = useRef(setTarget);
  useEffect(() => {
    targetRef.current = target;
    setTargetRef.current = setTarget;
  });

  const { first, last } = span;
  const loopFrom = span.loop?.from ?? null;
  const loopTo = span.loop?.to ?? null;
  const direction = playing?.direction ?? null;
  const { num: fpsNum, den: fpsDen } = fps;

  useEffect(() => {
    if (direction === null) return undefined;
    const speed = playbackRates[rateIndex] ?? { num: 1, den: 1 };
    const loop = loopFrom !== null && loopTo !== null ? { from: loopFrom, to: loopTo } : null;
    const anchor = targetRef.current;
    const start = performance.now();
    let lastFrame = anchor;
    let handle = 0;
    const tick = (now: number) => {
      const { frame, ended } = advance(anchor, framesElapsed(now - start, { num: fpsNum, den: fpsDen }, speed), direction, { first, last, loop });
      if (frame !== lastFrame) {
        lastFrame = frame;
        setTargetRef.current(frame);
      }
      if (ended) setPlaying(null);
      else handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [direction, fpsNum, fpsDen, rateIndex, first, last, loopFrom, loopTo]);

  const play = (dir: 1 | -1) => {
    const at = targetRef.current;
    const inLoop = loopFrom !== null && loopTo !== null && at >= loopFrom && at <= loopTo;
    if (loopFrom !== null && loopTo !== null && !inLoop) setTarget(dir === 1 ? loopFrom : loopTo);
    else if (!inLoop && dir === 1 && at >= last) setTarget(first);
    else if (!inLoop && dir === -1 && at <= first) setTarget(last);
    setPlaying({ direction: dir });
  };
  const pause = () => setPlaying(null);
  const toggle = () => (playing ? pause() : play(1));
  const shuttle = (dir: 1 | -1) => {
    if (playing?.direction === dir) setRateIndex((i) => Math.max(0, i - 1));
    else play(dir);
  };

  return { playing, rateIndex, rate, setRateIndex, play, pause, toggle, shuttle };
}
