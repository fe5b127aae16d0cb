import type { LabelEvent } from '../../../src/shared/api/events';
import type { ApiClient } from '../../../src/shared/client/api-client';
import { makeRng, type Rng } from '../../../src/shared/domain/random';
import { violate } from '../tally';
import { describeSaved, randomFields, sameSaved, savedOf, type LedgerEntry, type Saved } from './label-ledger';
import { isConnectionLoss, sleep, type Scenario, type TrialContext } from './types';

const coders = 3;
const recordingFrames = 60;

/** Every event of the labelling project, by its marker (the notes). */
async function eventsByMarker(client: ApiClient, projectId: number): Promise<Map<string, LabelEvent[]>> {
  const byMarker = new Map<string, LabelEvent[]>();
  for (let offset = 0; ; offset += 1000) {
    const page = await client.call('events.list', { projectId, limit: 1000, offset });
    for (const e of page.events) byMarker.set(e.notes, [...(byMarker.get(e.notes) ?? []), e]);
    if (offset + page.events.length >= page.total || page.events.length === 0) return byMarker;
  }
}

/**
 * Saves of one event as fast as the server answers: creates it (unless it exists), then updates
 * it until it deletes it or the server dies. Each save waits for the previous one's answer, so at
 * most one save per coder is in flight at the kill.
 */
async function saveChain(ctx: TrialContext, rng: Rng, entry: LedgerEntry, stopped: () => boolean): Promise<{ acknowledged: number; deleted: boolean }> {
  const { client, fixture } = ctx;
  let acknowledged = 0;
  entry.touched = true;
  while (!stopped()) {
    const current = entry.acknowledged;
    const deleting = current !== null && rng.chance(0.15);
    const fields = randomFields(rng, fixture.labelSet, recordingFrames);
    const next: Saved | null = deleting ? null : { ...fields, version: current === null ? 1 : current.version + 1 };
    entry.inFlight = { state: next };
    try {
      if (current === null) {
        const created = await client.call('events.create', { recordingId: fixture.labelsRecordingId, annotatorId: fixture.annotatorId, notes: entry.marker, ...fields });
        entry.id = created.id;
        checkEcho(ctx, entry, next, created);
      } else if (deleting) {
        await client.call('events.delete', { id: entry.id!, annotatorId: fixture.annotatorId, version: current.version });
      } else {
        const updated = await client.call('events.update', { id: entry.id!, annotatorId: fixture.annotatorId, version: current.version, ...fields });
        checkEcho(ctx, entry, next, updated);
      }
    } catch (error) {
      if (isConnectionLoss(error)) return { acknowledged, deleted: false };
      entry.inFlight = null;
      violate(ctx.tally, null, `${ctx.where}: the server refused a save of ${entry.marker}: ${(error as Error).message}`);
      return { acknowledged, deleted: false };
    }
    entry.acknowledged = next;
    entry.inFlight = null;
    acknowledged++;
    if (next === null) return { acknowledged, deleted: true };
  }
  return { acknowledged, deleted: false };
}

/** One coder: works on one event after another (a fresh one, or one of earlier trials) until the kill. */
async function coder(ctx: TrialContext, rng: Rng, nextEntry: () => LedgerEntry, stopped: () => boolean): Promise<number> {
  let acknowledged = 0;
  while (!stopped()) {
    const outcome = await saveChain(ctx, rng, nextEntry(), stopped);
    acknowledged += outcome.acknowledged;
    if (!outcome.deleted) break;
  }
  return acknowledged;
}

function checkEcho(ctx: TrialContext, entry: LedgerEntry, sent: Saved | null, answer: LabelEvent): void {
  if (!sameSaved(sent, savedOf(answer))) violate(ctx.tally, null, `${ctx.where}: ${entry.marker} was saved as ${describeSaved(savedOf(answer))}, not as sent ${describeSaved(sent)}`);
}

/**
 * (b) Labelling saves through the API (create, update, delete by several coders at once), killed
 * at a seeded moment. Afterwards every event of every trial so far is as last acknowledged, or,
 * for the save in flight at the kill, as that save would have left it; never anything between.
 */
export function labelsScenario(): Scenario {
  const ledger: LedgerEntry[] = [];
  return async (ctx) => {
    const { rng, tally, where, trial } = ctx;
    const live = rng.shuffle(ledger.filter((e) => e.acknowledged !== null && e.inFlight === null));
    const touched: LedgerEntry[] = [];
    let fresh = 0;
    const nextEntry = (c: number) => (): LedgerEntry => {
      const entry = (rng.chance(0.5) ? live.pop() : undefined) ?? { marker: `fault trial ${trial} coder ${c} event ${++fresh}`, id: null, acknowledged: null, inFlight: null, touched: false };
      if (!ledger.includes(entry)) ledger.push(entry);
      touched.push(entry);
      return entry;
    };
    const coderRngs = Array.from({ length: coders }, () => makeRng(rng.int(0, 2 ** 31)));
    let killed = false;
    const saving = Promise.all(coderRngs.map((coderRng, c) => coder(ctx, coderRng, nextEntry(c), () => killed)));
    await sleep(rng.range(5, 400));
    killed = true;
    await ctx.kill();
    const acknowledged = (await saving).reduce((a, b) => a + b, 0);

    return async (after: ApiClient) => {
      const counts = tally.perKind.labels;
      counts.acknowledged += acknowledged;
      counts.inFlight += touched.filter((e) => e.inFlight !== null).length;
      counts.killedRunning += touched.some((e) => e.inFlight !== null) ? 1 : 0;
      const found = await eventsByMarker(after, ctx.fixture.labelsProjectId);
      for (const entry of ledger) {
        const copies = found.get(entry.marker) ?? [];
        if (copies.length > 1) violate(tally, null, `${where}: ${entry.marker} is stored ${copies.length} times`);
        const actual = copies[0] ? savedOf(copies[0]) : null;
        if (sameSaved(actual, entry.acknowledged)) {
          // as acknowledged
        } else if (entry.inFlight && sameSaved(actual, entry.inFlight.state)) {
          entry.acknowledged = actual;
          if (copies[0]) entry.id = copies[0].id;
        } else {
          violate(tally, 'lost', `${where}: ${entry.marker} was acknowledged as ${describeSaved(entry.acknowledged)}${entry.inFlight ? ` (then ${describeSaved(entry.inFlight.state)} in flight)` : ''} but is ${describeSaved(actual)}`);
          entry.acknowledged = actual;
        }
        entry.inFlight = null;
        if (entry.touched && copies[0]) {
          const history = await after.call('events.history', { id: copies[0].id });
          if (history.length !== copies[0].version) violate(tally, null, `${where}: ${entry.marker} is at version ${copies[0].version} but its audit trail has ${history.length} changes`);
        }
        entry.touched = false;
      }
      // Creates that never happened leave nothing to follow.
      for (let i = ledger.length - 1; i >= 0; i--) if (ledger[i]!.acknowledged === null && ledger[i]!.id === null) ledger.splice(i, 1);
    };
  };
}
