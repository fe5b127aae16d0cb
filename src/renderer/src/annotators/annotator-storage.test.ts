import { describe, expect, it } from 'vitest';
import { isReferenceCoder, resolveAnnotator } from './annotator-storage';

describe('resolveAnnotator', () => {
  const list = [
    { id: 1, name: 'ground truth' },
    { id: 2, name: 'Ana' },
  ];
  it('keeps the stored coder while the list loads, then checks it', () => {
    expect(resolveAnnotator({ id: 2, name: 'Ana' }, undefined)).toEqual({ id: 2, name: 'Ana' });
    expect(resolveAnnotator({ id: 2, name: 'Ana' }, list)).toBe(list[1]);
  });
  it('finds the coder by name on a backend with other ids, or forgets it', () => {
    expect(resolveAnnotator({ id: 7, name: 'ana' }, list)).toBe(list[1]);
    expect(resolveAnnotator({ id: 2, name: 'Ben' }, list)).toBeNull();
    expect(resolveAnnotator(null, list)).toBeNull();
  });
  it('knows the reference coders', () => {
    expect(isReferenceCoder('Ground truth')).toBe(true);
    expect(isReferenceCoder('Ana')).toBe(false);
  });
});
