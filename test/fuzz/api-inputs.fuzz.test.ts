import fc from 'fast-check';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Id } from '../../src/shared/api/common';
import { methods, type MethodName } from '../../src/shared/api/contract';
import { errorCodes, isApiError, type ErrorCode } from '../../src/shared/api/errors';
import { jobKinds, type Job, type JobKind } from '../../src/shared/api/jobs';
import { createTestBackend, tempDir } from '../helpers/backend';
import { insertRecording } from '../helpers/fixtures';
import { makeClip, makeImages } from '../helpers/media';
import { SHEETS_DIR } from '../domain/real-sheets';
import { fuzzParams, fuzzTimeout } from './fuzz-settings';
import { nearMissArbitrary, validArbitrary, type WalkHooks } from './zod-arbitrary';

/**
 * Every method of the contract called with inputs generated from its own zod input schema (and
 * near misses of them) on the real backend: each call answers within the time limit, every
 * refusal is a typed ApiError with a known code other than INTERNAL, and the backend keeps
 * answering. Jobs the calls start are cancelled.
 */

const callLimitMs = 8000;
const sandbox = tempDir('mer-fuzz-api-');
const startDir = process.cwd();
let backend: ReturnType<typeof createTestBackend>;
let walkHooks: WalkHooks;

/** Files the path fields point at: real sheets, an image folder, a clip, and places that do not exist. */
function sandboxPaths(): string[] {
  const sheets = path.join(sandbox, 'sheets');
  mkdirSync(sheets, { recursive: true });
  for (const name of ['CASME2-coding-20140508.xlsx', 'SAMM_Micro_FACS_Codes_v2.xlsx']) copyFileSync(path.join(SHEETS_DIR, name), path.join(sheets, name));
  writeFileSync(path.join(sheets, 'codes.csv'), 'Subject,Filename,OnsetFrame,ApexFrame,OffsetFrame,Action Units,Estimated Emotion\n01,clip,1,2,3,4+L10,happiness\n');
  makeImages(path.join(sandbox, 'data/sub01/clip'), ['img1.png', 'img2.png', 'img3.png']);
  makeClip(path.join(sandbox, 'clip.mp4'), { frames: 5, width: 64, height: 48 });
  return [
    sandbox, path.join(sandbox, 'data'), path.join(sandbox, 'data/sub01/clip'), path.join(sandbox, 'clip.mp4'), sheets,
    path.join(sheets, 'CASME2-coding-20140508.xlsx'), path.join(sheets, 'SAMM_Micro_FACS_Codes_v2.xlsx'), path.join(sheets, 'codes.csv'),
    path.join(sandbox, 'missing'), path.join(sandbox, 'out', 'new'), path.join(sandbox, 'data/sub01/clip/img1.png'), 'relative/nothing', '',
  ];
}

// The tests run in the sandbox, so a relative path in any field lands there, never in the repository.
const pathKey = /^(path|dir|root|sheet|out|folder|file)$|(Path|Dir|File|Folder)$/;

function hooks(paths: string[]): WalkHooks {
  return {
    special(schema, key) {
      // Mostly ids of rows the seed made, sometimes ids of nothing.
      if (schema === Id) return fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(2 ** 31 - 1, Number.MAX_SAFE_INTEGER) });
      // Labels and AU cells the project knows, often enough to get past the first check.
      if (key === 'emotion') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('happiness', 'Fear') }, { weight: 1, arbitrary: fc.constantFrom('others', '') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
      if (key === 'aus') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('4+L10', 'R14A or 17A or 24A', 'ref(7B)+43', '(((12)))') }, { weight: 1, arbitrary: fc.constantFrom('12 or', '') }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
      const type = (schema as unknown as { _zod: { def: { type: string } } })._zod.def.type;
      if (key !== undefined && pathKey.test(key) && type === 'string') return fc.constantFrom(...paths);
      // Frames of the seeded recordings (0..99), sometimes just outside them.
      if ((key === 'onset' || key === 'apex' || key === 'offset') && (type === 'number' || type === 'nullable')) {
        return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 99 }) }, { weight: 1, arbitrary: fc.constantFrom(null, -1, 100, 1e9, 2.5) });
      }
      return undefined;
    },
  };
}

/** jobs.start takes `params: unknown`: generate them from the kind's own schema. */
function jobStartArbitrary(h: WalkHooks, nearMiss: boolean): fc.Arbitrary<unknown> {
  const kinds = Object.keys(jobKinds) as JobKind[];
  return fc.constantFrom(...kinds).chain((kind) => {
    const params: z.ZodType = jobKinds[kind].params;
    return (nearMiss ? nearMissArbitrary(params, h) : validArbitrary(params, h)).map((p) => ({ kind, params: p }));
  });
}

function inputArbitrary(method: MethodName, h: WalkHooks): fc.Arbitrary<unknown> {
  const schema: z.ZodType = methods[method].input;
  if (method === 'jobs.start') return fc.oneof(jobStartArbitrary(h, false), jobStartArbitrary(h, true), nearMissArbitrary(schema, h));
  return fc.oneof(validArbitrary(schema, h), nearMissArbitrary(schema, h));
}

type Outcome = 'ok' | ErrorCode;
const tally = new Map<string, Map<Outcome, number>>();
/** The first message of each method and code (FUZZ_SHOW_REFUSALS=1 prints them): what the fuzz reaches. */
const firstRefusal = new Map<string, string>();
const count = (method: string, outcome: Outcome) => {
  const byOutcome = tally.get(method) ?? new Map<Outcome, number>();
  byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
  tally.set(method, byOutcome);
};

const isJob = (value: unknown): value is Job =>
  typeof value === 'object' && value !== null && 'kind' in value && 'status' in value && Object.hasOwn(jobKinds, String((value as Job).kind));

/** One call: answered in time, and either a result or a typed, known, non-internal refusal. */
async function call(method: string, input: unknown): Promise<void> {
  const controller = new AbortController();
  // Calls that wait (jobs.wait) are cancelled by their caller, as a client that gives up would.
  const giveUp = setTimeout(() => controller.abort(), 2000);
  let hung: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    hung = setTimeout(() => reject(new Error(`${method} did not answer within ${callLimitMs} ms`)), callLimitMs);
  });
  try {
    const result = await Promise.race([backend.dispatch(method, input, controller.signal), timeout]);
    count(method, 'ok');
    if (isJob(result) && result.cancellable) await backend.dispatch('jobs.cancel', { id: result.id });
  } catch (error) {
    if (!isApiError(error)) throw new Error(`${method} threw a ${(error as Error)?.name ?? typeof error}, not an ApiError: ${String(error)}`, { cause: error });
    expect(errorCodes).toContain(error.code);
    expect(error.message.length, `${method}: a refusal says what is wrong`).toBeGreaterThan(0);
    if (error.code === 'INTERNAL') throw new Error(`${method} failed internally: ${error.message}`, { cause: error });
    count(method, error.code);
    if (!firstRefusal.has(`${method} ${error.code}`)) firstRefusal.set(`${method} ${error.code}`, error.message.slice(0, 200));
  } finally {
    clearTimeout(giveUp);
    clearTimeout(hung);
  }
  expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype is untouched').toBeUndefined();
}

async function seed(): Promise<void> {
  const d = (method: string, args: object) => backend.dispatch(method, args) as Promise<{ id: number }>;
  // Four of each, so that most generated ids (1..4) name a row.
  for (const name of ['Fuzz', 'Other', 'Third', 'Fourth']) {
    const project = await d('projects.create', { name });
    const subject = await d('subjects.create', { projectId: project.id, code: `s-${name}` });
    await d('sessions.create', { projectId: project.id, subjectId: subject.id, capturedOn: '2026-01-02' });
    const recordingId = insertRecording(backend, project.id, subject.id, { first: 0, count: 100 });
    const annotator = await d('annotators.create', { name: `coder-${name}` });
    await d('events.create', { recordingId, annotatorId: annotator.id, onset: 1, apex: 3, offset: 6, emotion: 'happiness', aus: '6+12' });
    await d('events.create', { recordingId, annotatorId: annotator.id, onset: 2, apex: null, offset: 5, emotion: 'fear', aus: 'R14A or 17A' });
  }
}

let paths: string[];
beforeAll(() => {
  paths = sandboxPaths();
  walkHooks = hooks(paths);
}, 60_000);

// Each method meets a freshly seeded backend: deletes fuzzed earlier must not starve later methods.
let backends = 0;
beforeEach(async () => {
  backend = createTestBackend({ dataDir: path.join(sandbox, `backend-${++backends}`), jobs: { graceMs: 300 } });
  await seed();
  process.chdir(sandbox);
}, 60_000);

afterEach(async () => {
  process.chdir(startDir);
  for (const job of (await backend.dispatch('jobs.list', { active: true })) as Job[]) await backend.dispatch('jobs.cancel', { id: job.id }).catch(() => undefined);
  await backend.dispose();
}, 60_000);

afterAll(() => {
  rmSync(sandbox, { recursive: true, force: true });
  const lines = [...tally].map(([method, outcomes]) => `${method.padEnd(28)} ${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')}`);
  console.log(`API fuzz outcomes per method:\n${lines.join('\n')}`);
  if (process.env['FUZZ_SHOW_REFUSALS']) console.log([...firstRefusal].map(([k, m]) => `${k}: ${m}`).join('\n'));
});

const methodNames = Object.keys(methods) as MethodName[];
/** jobs.start has a schema per job kind; app.info reads the TensorFlow.js backends each time. */
const runsOf: Partial<Record<MethodName, number>> = { 'jobs.start': 30, 'app.info': 3 };

describe('every API method, fuzzed from its input schema', () => {
  for (const method of methodNames) {
    it(method, async () => {
      await fc.assert(
        fc.asyncProperty(inputArbitrary(method, walkHooks), (input) => call(method, input)),
        fuzzParams(runsOf[method] ?? 14),
      );
      // Still answering afterwards.
      await expect(backend.dispatch('projects.list', {})).resolves.toEqual(expect.any(Array));
    }, fuzzTimeout(60_000));
  }

  it('sequences of calls to any method, and to names that are no method', async () => {
    const anyCall = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...methodNames).chain((m) => inputArbitrary(m, walkHooks).map((input) => [m, input] as const)) },
      { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'projects', 'projects.list.', 'hasOwnProperty')), fc.jsonValue()) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(anyCall, { minLength: 1, maxLength: 8 }), async (calls) => {
        for (const [method, input] of calls) await call(method, input);
      }),
      fuzzParams(40),
    );
    await expect(backend.dispatch('projects.list', {})).resolves.toEqual(expect.any(Array));
  }, fuzzTimeout(60_000));
});
