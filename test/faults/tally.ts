/** What the suite counts: the figures of its last line, per-kind counts, and every violation found. */
export const kinds = ['import', 'labels', 'training', 'export'] as const;
export type Kind = (typeof kinds)[number];

export type Figure = 'integrity' | 'lost' | 'orphans';

/** Where a job was when the server died: not yet reporting progress, part-way, or finished. */
export const phases = ['starting', 'working', 'finished'] as const;
export type Phase = (typeof phases)[number];

interface KindCounts {
  trials: number;
  killedRunning: number;
  acknowledged: number;
  inFlight: number;
  /** Jobs only: their phase at the kill. */
  phases: Record<Phase, number>;
}

export interface Tally {
  trials: number;
  integrityFailures: number;
  lost: number;
  orphans: number;
  resumed: number;
  /** Trials that killed everything at once, and those that killed the server alone. */
  victims: { everything: number; server: number };
  perKind: Record<Kind, KindCounts>;
  violations: string[];
}

export function newTally(): Tally {
  const perKind = Object.fromEntries(kinds.map((k): [Kind, KindCounts] => [k, { trials: 0, killedRunning: 0, acknowledged: 0, inFlight: 0, phases: { starting: 0, working: 0, finished: 0 } }])) as Tally['perKind'];
  return { trials: 0, integrityFailures: 0, lost: 0, orphans: 0, resumed: 0, victims: { everything: 0, server: 0 }, perKind, violations: [] };
}

/** Records a violation under its figure (or none: a check that is not one of the three) and prints it at once. */
export function violate(tally: Tally, figure: Figure | null, message: string): void {
  if (figure === 'integrity') tally.integrityFailures++;
  if (figure === 'lost') tally.lost++;
  if (figure === 'orphans') tally.orphans++;
  tally.violations.push(message);
  console.error(`VIOLATION: ${message}`);
}

export function summaryLines(tally: Tally): string[] {
  const per = kinds.map((k) => {
    const c = tally.perKind[k];
    const at = k === 'labels' ? '' : ` (killed while ${phases.map((p) => `${p} ${c.phases[p]}`).join(', ')})`;
    return `${k}: trials=${c.trials} killed-while-running=${c.killedRunning} acknowledged=${c.acknowledged} in-flight=${c.inFlight}${at}`;
  });
  return [
    ...per,
    `killed: everything at once ${tally.victims.everything} time(s), the server alone ${tally.victims.server} time(s)`,
    `faults trials=${tally.trials} integrity=${tally.integrityFailures === 0 ? 'ok' : 'failed'} lost=${tally.lost} orphans=${tally.orphans} resumed=${tally.resumed}`,
  ];
}
