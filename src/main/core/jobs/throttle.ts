/**
 * Calls `flush` at most once per interval with the latest value: at once when the interval has
 * passed, otherwise once more at its end, so the last value is never lost.
 */
export function createThrottle<T>(intervalMs: number, flush: (value: T) => void) {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;

  function run(): void {
    timer = undefined;
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    last = Date.now();
    flush(value);
  }

  return {
    push(value: T): void {
      pending = { value };
      const wait = last + intervalMs - Date.now();
      if (wait <= 0 && !timer) run();
      else timer ??= setTimeout(run, Math.max(0, wait));
    },
    /** Drops anything not yet flushed. */
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
