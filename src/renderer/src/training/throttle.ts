import { useCallback, useEffect, useRef } from 'react';

export interface Throttle {
  /** Asks for a call: made at once when none was made for `ms`, else once when the wait ends. */
  poke(): void;
  cancel(): void;
}

/** At most one call per `ms`, and never a lost last one: a poke during the wait is answered when it ends. */
export function createThrottle(fn: () => void, ms: number, clock: () => number = Date.now): Throttle {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = clock();
    fn();
  };
  return {
    poke() {
      if (timer !== null) return;
      const wait = last + ms - clock();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** A throttled `fn` for the component's lifetime; the latest `fn` is the one called. */
export function useThrottle(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  const throttle = useRef<Throttle | null>(null);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => {
    const created = createThrottle(() => latest.current(), ms);
    throttle.current = created;
    return () => {
      created.cancel();
      throttle.current = null;
    };
  }, [ms]);
  return useCallback(() => throttle.current?.poke(), []);
}
