import { makeRng } from '../random';

export interface Group {
  key: string;
  /** Sample count per class. */
  counts: Map<string, number>;
  size: number;
}

/**
 * Deals groups (subjects) into `bins` so that every bin's class distribution is as close as
 * possible to its share of the whole: groups are taken largest first (ties in seeded random
 * order), each into the bin whose per-class counts stay nearest their targets.
 */
export function assignGroups(groups: readonly Group[], shares: readonly number[], seed: number): string[][] {
  const rng = makeRng(seed);
  const totals = new Map<string, number>();
  for (const g of groups) for (const [label, n] of g.counts) totals.set(label, (totals.get(label) ?? 0) + n);
  const ordered = rng.shuffle(groups).sort((a, b) => b.size - a.size);
  const bins = shares.map(() => ({ keys: [] as string[], counts: new Map<string, number>(), size: 0 }));
  const allSize = groups.reduce((n, g) => n + g.size, 0);
  for (const group of ordered) {
    let best = 0;
    let bestCost = Infinity;
    bins.forEach((bin, i) => {
      // The change in this bin's distance from its targets: the other bins do not change.
      const distance = (extra: Group | null): number => {
        let d = 0;
        for (const [label, total] of totals) {
          const count = (bin.counts.get(label) ?? 0) + (extra?.counts.get(label) ?? 0);
          d += ((count - total * shares[i]!) / Math.max(1, total)) ** 2;
        }
        // Size keeps bins near their share when classes alone do not decide.
        return d + ((bin.size + (extra?.size ?? 0) - allSize * shares[i]!) / Math.max(1, allSize)) ** 2;
      };
      const cost = distance(group) - distance(null);
      if (cost < bestCost - 1e-12) {
        bestCost = cost;
        best = i;
      }
    });
    const bin = bins[best]!;
    bin.keys.push(group.key);
    bin.size += group.size;
    for (const [label, n] of group.counts) bin.counts.set(label, (bin.counts.get(label) ?? 0) + n);
  }
  return bins.map((b) => b.keys.sort());
}

export function groupsBy(samples: readonly { label: string }[], keyOf: (i: number) => string): Group[] {
  const groups = new Map<string, Group>();
  samples.forEach((s, i) => {
    const key = keyOf(i);
    const g = groups.get(key) ?? { key, counts: new Map(), size: 0 };
    g.counts.set(s.label, (g.counts.get(s.label) ?? 0) + 1);
    g.size++;
    groups.set(key, g);
  });
  return [...groups.values()];
}
