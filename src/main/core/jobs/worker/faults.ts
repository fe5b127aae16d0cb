/**
 * Fault injection for tests and fault trials, read from the environment of the worker only:
 * MER_FAULT_PROGRESS_DELAY_MS slows every progress step; MER_FAULT_CRASH_AT (0..1) kills the
 * worker with SIGKILL once progress reaches it.
 */
export interface Faults {
  progressDelayMs: number;
  crashAt: number | null;
}

export function readFaults(env: NodeJS.ProcessEnv): Faults {
  const delay = Number(env['MER_FAULT_PROGRESS_DELAY_MS'] ?? 0);
  const crashAt = env['MER_FAULT_CRASH_AT'];
  return {
    progressDelayMs: Number.isFinite(delay) && delay > 0 ? delay : 0,
    crashAt: crashAt === undefined || crashAt === '' ? null : Number(crashAt),
  };
}
