import type fc from 'fast-check';

/**
 * Fuzz runs are bounded in the normal test run. `npm run test:fuzz` (or FUZZ_RUNS=N) runs every
 * property N times; FUZZ_RUNS=0 runs until interrupted. FUZZ_SEED replays a failure's seed.
 */
const requested = process.env['FUZZ_RUNS'];
const unbounded = requested === '0';
const runsOverride = requested === undefined || requested === '' ? undefined : Number(requested);
if (runsOverride !== undefined && !(Number.isInteger(runsOverride) && runsOverride >= 0)) {
  throw new Error(`FUZZ_RUNS must be a whole number of runs (0 = until interrupted), not "${requested}"`);
}

/** True when the run count comes from FUZZ_RUNS rather than the bounded CI default. */
export const longFuzz = runsOverride !== undefined;

/** fast-check parameters for a property that makes `ciRuns` runs in CI. */
export function fuzzParams<T>(ciRuns: number): fc.Parameters<T> {
  const seed = process.env['FUZZ_SEED'];
  return {
    numRuns: unbounded ? Number.MAX_SAFE_INTEGER : (runsOverride ?? ciRuns),
    ...(seed ? { seed: Number(seed) } : {}),
  };
}

/** The vitest timeout of a fuzz test: generous in CI, none to speak of for a long local run. */
export function fuzzTimeout(ciMs: number): number {
  return longFuzz ? 2 ** 31 - 1 : ciMs;
}
