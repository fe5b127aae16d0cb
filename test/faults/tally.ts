/** What the suite counts: the figures of its last line, per-kind counts, and every violation found. */
export const kinds = ['import', 'labels', 'training', 'export'] as const;
export type Kind = (typeof kinds)[number];

export type Figure = 'integrity' | 'lost' | 'orphans';

export interface Tally {
  trials: number;
  integrityFailures: number;
  lost: number;
  orphans: number;
  resumed: number;
  perKind: Record<Kind, { trials: number; killedRunning: number; acknowledged: number; inFlight: number }>;
  violations: string[];
}

export function newTally(): Tally {
  const perKind = Object.fromEntries(kinds.map((k) => [k, { trials: 0, killedRunning: 0, acknowledged: 0, inFlight: 0 }])) as Tally['perKind'];
  return { trials: 0, integrityFailures: 0, lost: 0, orphans: 0, resumed: 0, perKind, violations: [] };
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
    return `${k}: trials=${c.trials} killed-while-running=${c.killedRunning} acknowledged=${c.acknowledged} in-flight=${c.inFlight}`;
  });
  return [
    ...per,
    `faults trials=${tally.trials} integrity=${tally.integrityFailures === 0 ? 'ok' : 'failed'} lost=${tally.lost} orphans=${tally.orphans} resumed=${tally.resumed}`,
  ];
}
