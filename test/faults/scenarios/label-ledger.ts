import type { LabelEvent } from '../../../src/shared/api/events';
import type { Rng } from '../../../src/shared/domain/random';

/** The fields of an event that a save sets, and its version: what must survive a crash. */
export interface Saved {
  onset: number;
  apex: number | null;
  offset: number;
  emotion: string;
  aus: string;
  uncertain: boolean;
  version: number;
}

/**
 * One event as the client knows it: its last acknowledged state (null: absent) and the save in
 * flight when the server was killed, if any. The event's notes hold its marker, so an event whose
 * create was never acknowledged can still be found.
 */
export interface LedgerEntry {
  marker: string;
  id: number | null;
  acknowledged: Saved | null;
  inFlight: { state: Saved | null } | null;
  /** Touched in the current trial (its audit trail is checked). */
  touched: boolean;
}

export function savedOf(e: LabelEvent): Saved {
  return { onset: e.onset, apex: e.apex, offset: e.offset, emotion: e.emotion, aus: e.aus, uncertain: e.uncertain, version: e.version };
}

export function sameSaved(a: Saved | null, b: Saved | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function describeSaved(s: Saved | null): string {
  return s === null ? 'absent' : JSON.stringify(s);
}

const auStrings = ['', '4', '12', '4+10', '1+2+5'];

/** Seeded fields for a save of a recording with `frames` frames. */
export function randomFields(rng: Rng, labelSet: readonly string[], frames: number): Omit<Saved, 'version'> {
  const onset = rng.int(0, frames - 10);
  const offset = onset + rng.int(0, 9);
  return {
    onset,
    apex: rng.chance(0.2) ? null : rng.int(onset, offset),
    offset,
    emotion: rng.pick(labelSet),
    aus: rng.pick(auStrings),
    uncertain: rng.chance(0.3),
  };
}
