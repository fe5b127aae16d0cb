export type Point = readonly [x: number, y: number];

/**
 * At most `budget` points of a series (x ascending) that keep its shape: the first and the last
 * point, and in each bucket between them the lowest and the highest, so a spike in a long loss
 * curve survives where averaging would flatten it.
 */
export function downsampleMinMax(points: readonly Point[], budget: number): Point[] {
  const limit = Math.max(2, Math.floor(budget));
  if (points.length <= limit) return [...points];
  const inner = points.slice(1, -1);
  const buckets = Math.floor((limit - 2) / 2);
  const kept: Point[] = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const slice = inner.slice(Math.floor((b * inner.length) / buckets), Math.floor(((b + 1) * inner.length) / buckets));
    if (slice.length === 0) continue;
    let low = slice[0]!;
    let high = slice[0]!;
    for (const p of slice) {
      if (p[1] < low[1]) low = p;
      if (p[1] > high[1]) high = p;
    }
    if (low === high) kept.push(low);
    else kept.push(...(low[0] < high[0] ? [low, high] : [high, low]));
  }
  kept.push(points.at(-1)!);
  return kept;
}
