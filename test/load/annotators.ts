import type { LabelEvent } from '../../src/shared/api/events';
import { LabelEvent as LabelEventSchema } from '../../src/shared/api/events';
import { isApiError } from '../../src/shared/api/errors';
import type { ApiClient } from '../../src/shared/client/api-client';
import { deriveSeed, makeRng, type Rng } from '../../src/shared/domain/random';
import type { LoadProject } from './project';

export interface LoadPlan {
  /** Events each annotator creates and then edits once. */
  eventsEach: number;
  /** Events made before the run that the annotators fight over. */
  sharedEvents: number;
  /** Rounds of conflicting edits: in each, 2 to all annotators edit one shared event from the same version. */
  rounds: number;
  seed: number;
}

/** What a save sends, each write's notes unique, so a stored state names the write it came from. */
export interface SentFields {
  onset: number;
  apex: number;
  offset: number;
  emotion: string;
  aus: string;
  notes: string;
}

export interface SaveRecord {
  annotator: number;
  eventId: number;
  action: 'create' | 'update';
  /** The version the edit was made against (0 for a create). */
  baseVersion: number;
  sent: SentFields;
  outcome: 'saved' | 'conflict';
  /** Saved: the acknowledged version. Conflict: the current event the refusal carried, if any. */
  version: number;
  current: LabelEvent | null;
  ms: number;
}

export interface LoadRun {
  saves: SaveRecord[];
  /** Edits made against a version someone else had already replaced: each round's contenders but one. */
  staleAttempts: number;
  sharedEventIds: number[];
}

const ausChoices = ['6+12', '1+2+5', '9+10', '1+4+15', '4+7+23', 'R12', 'L14+17', '1+2+4+20'];

interface Round {
  shared: number;
  contenders: number[];
  /** Resolves once every contender has read the event, so all of them edit the same version. */
  arrive(): Promise<void>;
  /** Resolves once every contender's edit has been answered. */
  settled: Promise<void>;
  answered(): void;
}

function countdown(count: number): { tick(): void; done: Promise<void> } {
  let left = count;
  let release = (): void => undefined;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { tick: () => void (--left === 0 && release()), done };
}

function makeRounds(plan: LoadPlan, annotators: number): Round[] {
  const rng = makeRng(deriveSeed(plan.seed, 'rounds'));
  return Array.from({ length: plan.rounds }, (_, r) => {
    const contenders = rng.shuffle(Array.from({ length: annotators }, (_, a) => a)).slice(0, rng.int(2, annotators));
    const reads = countdown(contenders.length);
    const writes = countdown(contenders.length);
    return { shared: r % plan.sharedEvents, contenders, arrive: () => (reads.tick(), reads.done), settled: writes.done, answered: writes.tick };
  });
}

function fields(rng: Rng, project: LoadProject, notes: string): SentFields {
  const onset = rng.int(project.firstFrame, project.lastFrame - 8);
  const apex = onset + rng.int(0, 4);
  return { onset, apex, offset: apex + rng.int(0, 4), emotion: rng.pick(project.labelSet), aus: rng.pick(ausChoices), notes };
}

type SaveBase = Omit<SaveRecord, 'outcome' | 'version' | 'current' | 'ms' | 'eventId'> & { eventId?: number };

/** One save through the API, timed; a CONFLICT is recorded with what the refusal showed, any other error ends the run. */
async function save(base: SaveBase, send: () => Promise<LabelEvent>): Promise<SaveRecord> {
  const t0 = performance.now();
  try {
    const event = await send();
    return { ...base, eventId: event.id, outcome: 'saved', version: event.version, current: null, ms: performance.now() - t0 };
  } catch (error) {
    const ms = performance.now() - t0;
    if (!isApiError(error) || error.code !== 'CONFLICT' || base.eventId === undefined) throw error;
    const shown = LabelEventSchema.safeParse((error.details as { current?: unknown } | undefined)?.current);
    const current = shown.success ? shown.data : null;
    return { ...base, eventId: base.eventId, outcome: 'conflict', version: current?.version ?? 0, current, ms };
  }
}

function create(client: ApiClient, project: LoadProject, annotator: number, sent: SentFields): Promise<SaveRecord> {
  const annotatorId = project.annotatorIds[annotator]!;
  return save({ annotator, action: 'create', baseVersion: 0, sent }, () => client.call('events.create', { recordingId: project.recordingId, annotatorId, ...sent }));
}

function update(client: ApiClient, project: LoadProject, annotator: number, id: number, version: number, sent: SentFields): Promise<SaveRecord> {
  const annotatorId = project.annotatorIds[annotator]!;
  return save({ annotator, eventId: id, action: 'update', baseVersion: version, sent }, () => client.call('events.update', { id, annotatorId, version, ...sent }));
}

/**
 * 8 annotators (or however many clients are given) each create and edit their own events; at
 * planned points several of them read one shared event, wait for each other, and all edit it from
 * that same version, so exactly one edit may win and every other must be refused.
 */
export async function runAnnotators(clients: ApiClient[], project: LoadProject, plan: LoadPlan): Promise<LoadRun> {
  const saves: SaveRecord[] = [];
  const lead = clients[0]!;
  const leadRng = makeRng(deriveSeed(plan.seed, 'shared'));
  const sharedEventIds: number[] = [];
  for (let s = 0; s < plan.sharedEvents; s++) {
    const made = await create(lead, project, 0, fields(leadRng, project, `shared event ${s}, made by coder 1`));
    saves.push(made);
    sharedEventIds.push(made.eventId);
  }
  const rounds = makeRounds(plan, clients.length);
  const roundAt = (r: number) => Math.floor(((r + 1) * plan.eventsEach) / (plan.rounds + 1));

  async function contest(client: ApiClient, annotator: number, r: number, rng: Rng): Promise<void> {
    const round = rounds[r]!;
    // An earlier round on the same event must be over, or its late edits would race this one.
    await rounds[r - plan.sharedEvents]?.settled;
    const id = sharedEventIds[round.shared]!;
    const seen = await client.call('events.get', { id });
    await round.arrive();
    saves.push(await update(client, project, annotator, id, seen.version, fields(rng, project, `round ${r}, edit by coder ${annotator + 1}`)));
    round.answered();
  }

  async function annotate(client: ApiClient, annotator: number): Promise<void> {
    const rng = makeRng(deriveSeed(plan.seed, annotator));
    for (let k = 0; k < plan.eventsEach; k++) {
      for (const [r, round] of rounds.entries()) {
        if (roundAt(r) === k && round.contenders.includes(annotator)) await contest(client, annotator, r, rng);
      }
      const made = await create(client, project, annotator, fields(rng, project, `coder ${annotator + 1}, event ${k}`));
      saves.push(made);
      saves.push(await update(client, project, annotator, made.eventId, made.version, fields(rng, project, `coder ${annotator + 1}, event ${k}, edited`)));
    }
  }

  await Promise.all(clients.map((client, a) => annotate(client, a)));
  return { saves, staleAttempts: rounds.reduce((n, r) => n + r.contenders.length - 1, 0), sharedEventIds };
}
