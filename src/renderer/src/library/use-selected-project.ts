import { useCallback, useState } from 'react';

const storageKey = 'mer.library.selectedProjectId';

function readStored(): number | null {
  try {
    const value = Number(window.localStorage.getItem(storageKey));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/** The project the user chose last, remembered across reloads in localStorage. */
export function useStoredProjectId(): [number | null, (id: number | null) => void] {
  const [id, setId] = useState<number | null>(readStored);
  const choose = useCallback((next: number | null) => {
    setId(next);
    try {
      if (next === null) window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, String(next));
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
  }, []);
  return [id, choose];
}
