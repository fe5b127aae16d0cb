/** An event as agreement sees it: where it is, what it says. */
export interface CodedEvent {
  id: number;
  recordingId: number;
  onset: number;
  apex: number | null;
  offset: number;
  emotion: string;
  /** The AUs that count for agreement (see auNumbers' `common` policy). */
  aus: readonly number[];
}

export interface MatchedPair {
  a: CodedEvent;
  b: CodedEvent;
  /** Intersection over union of the two onset..offset spans (inclusive frames). */
  iou: number;
}

export interface Matching {
  pairs: MatchedPair[];
  onlyA: CodedEvent[];
  onlyB: CodedEvent[];
}

export function spanIou(a: Pick<CodedEvent, 'onset' | 'offset'>, b: Pick<CodedEvent, 'onset' | 'offset'>): number {
  const inter = Math.min(a.offset, b.offset) - Math.max(a.onset, b.onset) + 1;
  if (inter <= 0) return 0;
  return inter / (a.offset - a.onset + 1 + (b.offset - b.onset + 1) - inter);
}

/**
 * Pairs the events of two coders that overlap in time on the same recording, best overlap
 * first, each event used at most once (greedy matching by IoU, ties by the earlier onset).
 */
export function matchEvents(a: readonly CodedEvent[], b: readonly CodedEvent[]): Matching {
  const candidates: MatchedPair[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.recordingId !== y.recordingId) continue;
      const iou = spanIou(x, y);
      if (iou > 0) candidates.push({ a: x, b: y, iou });
    }
  }
  candidates.sort((p, q) => q.iou - p.iou || p.a.onset - q.a.onset || p.a.id - q.a.id || p.b.id - q.b.id);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: MatchedPair[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a.id) || usedB.has(c.b.id)) continue;
    usedA.add(c.a.id);
    usedB.add(c.b.id);
    pairs.push(c);
  }
  pairs.sort((p, q) => p.a.recordingId - q.a.recordingId || p.a.onset - q.a.onset);
  return { pairs, onlyA: a.filter((x) => !usedA.has(x.id)), onlyB: b.filter((y) => !usedB.has(y.id)) };
}
