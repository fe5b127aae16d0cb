import { describe, expect, it } from 'vitest';
import { hrefOf, idFromHash, pageFromHash, pages, paramFromHash } from './use-hash-route';

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

describe('idFromHash', () => {
  it('reads the id after the page', () => {
    expect(idFromHash(hrefOf('label', 12))).toBe(12);
    expect(idFromHash('#/label/7?x=1')).toBe(7);
  });

  it('is null when there is none or it is not a positive integer', () => {
    expect(idFromHash('#/label')).toBeNull();
    expect(idFromHash('#/label/0')).toBeNull();
    expect(idFromHash('#/label/-3')).toBeNull();
    expect(idFromHash('#/label/1e3')).toBeNull();
  });
});

describe('paramFromHash', () => {
  it('reads a positive integer parameter after the page', () => {
    const href = hrefOf('label', 3, { event: 12, other: undefined });
    expect(href).toBe('#/label/3?event=12');
    expect(idFromHash(href)).toBe(3);
    expect(paramFromHash(href, 'event')).toBe(12);
    expect(paramFromHash('#/agreement?project=2&recording=5', 'recording')).toBe(5);
    expect(paramFromHash('#/label/3?event=x', 'event')).toBeNull();
    expect(paramFromHash('#/label/3', 'event')).toBeNull();
  });
});
