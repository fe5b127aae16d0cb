import { useSyncExternalStore } from 'react';

export const pages = [
  { id: 'library', label: 'Library' },
  { id: 'label', label: 'Label' },
  { id: 'agreement', label: 'Agreement' },
  { id: 'train', label: 'Train' },
  { id: 'results', label: 'Results' },
  { id: 'export', label: 'Export' },
] as const;

export type PageId = (typeof pages)[number]['id'];

const defaultPage: PageId = 'library';

/** `#/page`, or `#/page/<id>` for a page that opens one item (e.g. a recording on the Label page). */
export function hrefOf(page: PageId, id?: number, params?: Record<string, number | undefined>): string {
  const base = id === undefined ? `#/${page}` : `#/${page}/${id}`;
  const query = Object.entries(params ?? {}).filter((entry): entry is [string, number] => entry[1] !== undefined);
  return query.length === 0 ? base : `${base}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return pages.find((p) => p.id === id)?.id ?? defaultPage;
}

/** The positive integer after the page in `#/page/<id>`, or null. */
export function idFromHash(hash: string): number | null {
  const part = hash.replace(/^#\/?/, '').split('?')[0]?.split('/')[1] ?? '';
  if (!/^\d{1,15}$/.test(part)) return null;
  const id = Number(part);
  return id > 0 ? id : null;
}

/** A positive integer parameter after `?` in the hash (`#/label/3?event=12`), or null. */
export function paramFromHash(hash: string, name: string): number | null {
  const query = hash.split('?')[1] ?? '';
  const value = new URLSearchParams(query).get(name) ?? '';
  if (!/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page named by `#/page` in the address; unknown or empty hashes show the Library. */
export function useHashRoute(): PageId {
  return useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash));
}

/** The item id in `#/page/<id>`, or null. */
export function useHashId(): number | null {
  return useSyncExternalStore(subscribe, () => idFromHash(window.location.hash));
}

/** A positive integer parameter of the hash (`?event=12`), or null. */
export function useHashParam(name: string): number | null {
  return useSyncExternalStore(subscribe, () => paramFromHash(window.location.hash, name));
}
