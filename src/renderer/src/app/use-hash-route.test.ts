import { describe, expect, it } from 'vitest';
import { hrefOf, pageFromHash, pages } from './use-hash-route';

describe('pageFromHash', () => {
  it('reads the page from #/page', () => {
    expect(pageFromHash('#/train')).toBe('train');
    expect(pageFromHash('#/results/42')).toBe('results');
    expect(pageFromHash('#export?x=1')).toBe('export');
  });

  it('falls back to the Library for empty or unknown hashes', () => {
    expect(pageFromHash('')).toBe('library');
    expect(pageFromHash('#/')).toBe('library');
    expect(pageFromHash('#/nope')).toBe('library');
    expect(pageFromHash('#/constructor')).toBe('library');
  });

  it('round-trips every page through its href', () => {
    for (const page of pages) expect(pageFromHash(hrefOf(page.id))).toBe(page.id);
  });
});
