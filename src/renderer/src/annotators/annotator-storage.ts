/** Who is coding in this browser: kept in localStorage, checked against the backend's annotators. */

export interface StoredAnnotator {
  id: number;
  name: string;
}

const storageKey = 'mer.annotator';

export function readStoredAnnotator(): StoredAnnotator | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null') as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { id, name } = value as Record<string, unknown>;
    return typeof id === 'number' && Number.isInteger(id) && id > 0 && typeof name === 'string' ? { id, name } : null;
  } catch {
    return null;
  }
}

export function writeStoredAnnotator(annotator: StoredAnnotator | null): void {
  try {
    if (annotator === null) window.localStorage.removeItem(storageKey);
    else window.localStorage.setItem(storageKey, JSON.stringify({ id: annotator.id, name: annotator.name }));
  } catch {
    // Storage may be disabled: the choice then lasts for this page only.
  }
}

/** Annotators the app itself owns: shown apart, since coding as them changes reference data. */
export const referenceCoders: readonly string[] = ['ground truth', 'consensus'];

export function isReferenceCoder(name: string): boolean {
  return referenceCoders.includes(name.toLowerCase());
}

/**
 * The stored choice as it stands on this backend: the same id with the same name, else an
 * annotator of that name (a backend whose ids differ), else nobody.
 */
export function resolveAnnotator<T extends StoredAnnotator>(stored: StoredAnnotator | null, list: readonly T[] | undefined): T | StoredAnnotator | null {
  if (stored === null) return null;
  if (list === undefined) return stored;
  return list.find((a) => a.id === stored.id && a.name === stored.name) ?? list.find((a) => a.name.toLowerCase() === stored.name.toLowerCase()) ?? null;
}
