import { z } from 'zod';
import type { EventChange, LabelEvent } from '../../src/shared/api/events';
import type { ApiClient } from '../../src/shared/client/api-client';
import type { LoadRun, SaveRecord, SentFields } from './annotators';

export interface LoadVerdict {
  saves: number;
  /** Edits made against a replaced version (what the plan forced). */
  conflicts: number;
  /** CONFLICT refusals the losers received, each carrying the newer current value. */
  reported: number;
  /** Writes the server did not record in the events' audit trails (attempts minus recorded changes). */
  refusedByServer: number;
  /** Acknowledged writes that are not stored as acknowledged, or that replaced a version their author never saw. */
  lost: number;
  /** Writes stored that nobody was told had been saved (e.g. a refused edit applied anyway). */
  phantom: number;
  /** A few of the problems found, for the failure message. */
  problems: string[];
  p50Ms: number;
  p95Ms: number;
}

/** The stored state as the audit trail records it (EventState). */
const StoredState = z.object({ onset: z.number(), apex: z.number().nullable(), offset: z.number(), emotion: z.string(), auRaw: z.string(), notes: z.string() });

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function sameAsSent(state: { onset: number; apex: number | null; offset: number; emotion: string; notes: string } & ({ aus: string } | { auRaw: string }), sent: SentFields): boolean {
  const aus = 'aus' in state ? state.aus : state.auRaw;
  return state.onset === sent.onset && state.apex === sent.apex && state.offset === sent.offset && state.emotion === sent.emotion && aus === sent.aus && state.notes === sent.notes;
}

async function allEvents(client: ApiClient, projectId: number): Promise<Map<number, LabelEvent>> {
  const found = new Map<number, LabelEvent>();
  for (let offset = 0; ; offset += 1000) {
    const page = await client.call('events.list', { projectId, limit: 1000, offset });
    for (const e of page.events) found.set(e.id, e);
    if (page.events.length === 0 || found.size >= page.total) return found;
  }
}

/** Every event's audit trail, read by all clients side by side. */
async function histories(clients: ApiClient[], ids: number[]): Promise<Map<number, EventChange[]>> {
  const found = new Map<number, EventChange[]>();
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < ids.length) {
        const id = ids[next++]!;
        found.set(id, await client.call('events.history', { id }));
      }
    }),
  );
  return found;
}

/** What one event's stored history and final state say about the writes made to it. */
function checkEvent(id: number, attempts: SaveRecord[], history: EventChange[], stored: LabelEvent | undefined, v: LoadVerdict): void {
  const problem = (text: string) => v.problems.length < 20 && v.problems.push(`event ${id}: ${text}`);
  const acked = attempts.filter((s) => s.outcome === 'saved').sort((a, b) => a.version - b.version);
  for (const w of acked) {
    const change = history[w.version - 1];
    const after = StoredState.safeParse(change?.after);
    if (w.version !== w.baseVersion + 1) {
      v.lost++;
      problem(`"${w.sent.notes}" was made against version ${w.baseVersion} but saved as version ${w.version}, over a change its author never saw`);
    } else if (!after.success || !sameAsSent(after.data, w.sent)) {
      v.lost++;
      problem(`"${w.sent.notes}" was acknowledged as version ${w.version}, but the audit trail has ${JSON.stringify(change?.after ?? null)} there`);
    }
  }
  const last = acked.at(-1);
  if (last && (!stored || stored.version !== last.version || !sameAsSent(stored, last.sent))) {
    v.lost++;
    problem(`the last acknowledged write "${last.sent.notes}" (version ${last.version}) is not what is stored: ${JSON.stringify(stored ?? null)}`);
  }
  if (history.length > acked.length) {
    v.phantom += history.length - acked.length;
    problem(`${history.length} changes are stored but only ${acked.length} writes were acknowledged`);
  }
  v.refusedByServer += attempts.length - history.length;
}

/** Checks a finished run against the server's stored events and audit trails. */
export async function verifyLoad(clients: ApiClient[], projectId: number, run: LoadRun): Promise<LoadVerdict> {
  const byEvent = new Map<number, SaveRecord[]>();
  for (const s of run.saves) byEvent.set(s.eventId, [...(byEvent.get(s.eventId) ?? []), s]);
  const stored = await allEvents(clients[0]!, projectId);
  const trails = await histories(clients, [...byEvent.keys()]);
  const refusals = run.saves.filter((s) => s.outcome === 'conflict');
  const verdict: LoadVerdict = {
    saves: run.saves.length,
    conflicts: run.staleAttempts,
    reported: refusals.filter((s) => s.current !== null && s.current.version > s.baseVersion).length,
    refusedByServer: 0,
    lost: 0,
    phantom: 0,
    problems: [],
    p50Ms: percentile(run.saves.map((s) => s.ms), 0.5),
    p95Ms: percentile(run.saves.map((s) => s.ms), 0.95),
  };
  for (const [id, attempts] of byEvent) checkEvent(id, attempts, trails.get(id) ?? [], stored.get(id), verdict);
  if (stored.size !== byEvent.size) verdict.problems.push(`${stored.size} events are stored, ${byEvent.size} were created`);
  return verdict;
}
