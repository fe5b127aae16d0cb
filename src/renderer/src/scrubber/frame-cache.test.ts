import { describe, expect, it } from 'vitest';
import { FrameCache } from './frame-cache';

function deferredLoader() {
  const pending = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  const started: number[] = [];
  const load = (n: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(n);
      pending.set(n, { resolve, reject });
    });
  const finish = async (n: number) => {
    pending.get(n)?.resolve(`image ${n}`);
    pending.delete(n);
    await Promise.resolve();
    await Promise.resolve();
  };
  const fail = async (n: number) => {
    pending.get(n)?.reject(new Error('404'));
    pending.delete(n);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { load, finish, fail, started, pending };
}

describe('FrameCache', () => {
  it('loads wanted frames in order, a few at a time, and hands out only decoded ones', async () => {
    const loader = deferredLoader();
    const cache = new FrameCache({ load: loader.load, isMissing: () => false, capacity: 10, concurrency: 2 });
    cache.want([5, 6, 4, 7]);
    expect(loader.started).toEqual([5, 6]);
    expect(cache.peek(5)).toBeUndefined();
    await loader.finish(5);
    expect(cache.peek(5)).toEqual({ kind: 'ready', image: 'image 5' });
    expect(loader.started).toEqual([5, 6, 4]);
  });

  it('reports gaps as missing without loading them, and failures as failed', async () => {
    const loader = deferredLoader();
    const cache = new FrameCache({ load: loader.load, isMissing: (n) => n === 50, capacity: 10, concurrency: 4 });
    cache.want([50, 51]);
    expect(loader.started).toEqual([51]);
    expect(cache.peek(50)).toEqual({ kind: 'missing' });
    await loader.fail(51);
    expect(cache.peek(51)).toEqual({ kind: 'failed', reason: '404' });
    expect(cache.settled(51)).toBe(true);
  });

  it('a new wish list replaces the queue; loads already running still land', async () => {
    const loader = deferredLoader();
    const cache = new FrameCache({ load: loader.load, isMissing: () => false, capacity: 10, concurrency: 1 });
    cache.want([1, 2, 3]);
    cache.want([9]);
    await loader.finish(1);
    expect(loader.started).toEqual([1, 9]);
    expect(cache.settled(1)).toBe(true);
  });

  it('evicts the least recently used frames that are not wanted, and releases them', async () => {
    const loader = deferredLoader();
    const released: string[] = [];
    const cache = new FrameCache({ load: loader.load, release: (i) => released.push(i), isMissing: () => false, capacity: 2, concurrency: 4 });
    cache.want([1, 2]);
    await loader.finish(1);
    await loader.finish(2);
    cache.want([3, 1]);
    await loader.finish(3);
    expect(released).toEqual(['image 2']);
    expect(cache.settled(1)).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('notifies subscribers and bumps its version when a frame settles', async () => {
    const loader = deferredLoader();
    const cache = new FrameCache({ load: loader.load, isMissing: () => false, capacity: 2, concurrency: 1 });
    let calls = 0;
    cache.subscribe(() => (calls += 1));
    cache.want([1]);
    await loader.finish(1);
    expect(calls).toBe(1);
    expect(cache.getVersion()).toBe(1);
  });
});
