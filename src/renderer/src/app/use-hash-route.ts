import { useSyncExternalStore } from 'react';

export const pages = [
  { id: 'library', label: 'Library' },
  { id: 'label', label: 'Label' },
  { id: 'train', label: 'Train' },
  { id: 'results', label: 'Results' },
  { id: 'export', label: 'Export' },
] as const;

export type PageId = (typeof pages)[number]['id'];

const defaultPage: PageId = 'library';

export function hrefOf(page: PageId): string {
  return `#/${page}`;
}

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return pages.find((p) => p.id === id)?.id ?? defaultPage;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page named by `#/page` in the address; unknown or empty hashes show the Library. */
export function useHashRoute(): PageId {
  return useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash));
}
