/** What the cache knows of one frame number. */
export type FrameState<T> =
  | { kind: 'ready'; image: T }
  /** The number has no image in the source (a gap in an image sequence). */
  | { kind: 'missing' }
  | { kind: 'failed'; reason: string };

export interface FrameCacheOptions<T> {
  /** Fetches and fully decodes frame `n`; rejects when it cannot. */
  load: (n: number) => Promise<T>;
  /** Frees a decoded frame that leaves the cache (e.g. `ImageBitmap.close`). */
  release?: (image: T) => void;
  /** Frame numbers with no image in the source. */
  isMissing: (n: number) => boolean;
  /** Decoded frames kept at most (least recently used leave first; wanted frames never). */
  capacity: number;
  /** Frames decoding at once. */
  concurrency: number;
}

/**
 * Decoded frames by number, in least-recently-used order, loaded in the order the scrubber
 * wants them. A frame is only ever handed out fully decoded, so whoever draws it can show its
 * number in the same paint.
 */
export class FrameCache<T> {
  private readonly ready = new Map<number, T>();
  private readonly failed = new Map<number, string>();
  private readonly inflight = new Set<number>();
  private queue: number[] = [];
  private pinned = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private disposed = false;
  private version = 0;

  constructor(private readonly options: FrameCacheOptions<T>) {}

  /** The frame's state, or undefined while it is not decoded (yet). */
  peek(n: number): FrameState<T> | undefined {
    if (this.options.isMissing(n)) return { kind: 'missing' };
    const image = this.ready.get(n);
    if (image !== undefined) return { kind: 'ready', image };
    const reason = this.failed.get(n);
    return reason === undefined ? undefined : { kind: 'failed', reason };
  }

  /** Whether frame `n` can be shown now (decoded, known missing, or known broken). */
  settled(n: number): boolean {
    return this.peek(n) !== undefined;
  }

  /**
   * The frames to decode next, most urgent first; they replace the previous wish list and are
   * kept from eviction until the next call. Loads already running finish anyway.
   */
  want(frames: readonly number[]): void {
    if (this.disposed) return;
    this.pinned = new Set(frames);
    for (const n of frames) {
      // Touch: move to the most recently used end.
      const image = this.ready.get(n);
      if (image !== undefined) {
        this.ready.delete(n);
        this.ready.set(n, image);
      }
    }
    this.queue = frames.filter((n) => !this.options.isMissing(n) && !this.ready.has(n) && !this.failed.has(n) && !this.inflight.has(n));
    this.pump();
  }

  /** Forgets a failure so the frame is tried again when next wanted. */
  retry(n: number): void {
    this.failed.delete(n);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes each time a frame settles: a snapshot for `useSyncExternalStore`. */
  getVersion(): number {
    return this.version;
  }

  get size(): number {
    return this.ready.size;
  }

  /** Frees every decoded frame and forgets the queue; frames wanted later load again. */
  clear(): void {
    this.queue = [];
    this.pinned = new Set();
    for (const image of this.ready.values()) this.options.release?.(image);
    this.ready.clear();
    this.failed.clear();
  }

  /** For good: frames still loading are released when they arrive. */
  dispose(): void {
    this.disposed = true;
    this.clear();
    this.listeners.clear();
  }

  private pump(): void {
    while (this.inflight.size < this.options.concurrency && this.queue.length > 0) {
      const n = this.queue.shift();
      if (n === undefined || this.ready.has(n) || this.failed.has(n) || this.inflight.has(n)) continue;
      this.inflight.add(n);
      this.options.load(n).then(
        (image) => this.settle(n, image, null),
        (error: unknown) => this.settle(n, undefined, error instanceof Error ? error.message : String(error)),
      );
    }
  }

  private settle(n: number, image: T | undefined, reason: string | null): void {
    this.inflight.delete(n);
    if (this.disposed) {
      if (image !== undefined) this.options.release?.(image);
      return;
    }
    if (image !== undefined) {
      this.ready.set(n, image);
      this.evict();
    } else {
      this.failed.set(n, reason ?? 'could not be loaded');
    }
    this.version += 1;
    for (const listener of this.listeners) listener();
    this.pump();
  }

  private evict(): void {
    if (this.ready.size <= this.options.capacity) return;
    for (const [n, image] of this.ready) {
      if (this.ready.size <= this.options.capacity) break;
      if (this.pinned.has(n)) continue;
      this.ready.delete(n);
      this.options.release?.(image);
    }
  }
}
