export interface Point {
  x: number;
  y: number;
}

/**
 * At most `max` points that keep the shape of a curve: Steinarsson's largest-triangle-three-buckets
 * (LTTB). The first and last points are kept; in each bucket the point kept is the one that makes
 * the largest triangle with the point kept before and the mean of the next bucket, so peaks and
 * dips survive where plain striding would skip them.
 */
export function downsample(points: readonly Point[], max: number): Point[] {
  if (max < 3 || points.length <= max) return points.slice();
  const sampled: Point[] = [points[0]!];
  const bucket = (points.length - 2) / (max - 2);
  let kept = 0;
  for (let i = 0; i < max - 2; i++) {
    const nextStart = Math.floor((i + 1) * bucket) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * bucket) + 1, points.length);
    let meanX = 0;
    let meanY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      meanX += points[j]!.x;
      meanY += points[j]!.y;
    }
    const count = Math.max(1, nextEnd - nextStart);
    meanX /= count;
    meanY /= count;
    const a = points[kept]!;
    let best = -1;
    let bestIndex = Math.floor(i * bucket) + 1;
    for (let j = Math.floor(i * bucket) + 1; j < nextStart; j++) {
      const p = points[j]!;
      const area = Math.abs((a.x - meanX) * (p.y - a.y) - (a.x - p.x) * (meanY - a.y));
      if (area > best) {
        best = area;
        bestIndex = j;
      }
    }
    sampled.push(points[bestIndex]!);
    kept = bestIndex;
  }
  sampled.push(points[points.length - 1]!);
  return sampled;
}
