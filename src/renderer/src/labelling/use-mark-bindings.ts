import { useState } from 'react';
import { parseBindings, type MarkBindings } from './key-bindings';

const storageKey = 'mer.labelling.markKeys';

/** The marking keys of this browser (localStorage); invalid stored keys fall back to I, A, O. */
export function useMarkBindings(): [MarkBindings, (next: MarkBindings) => void] {
  const [bindings, setBindings] = useState<MarkBindings>(() => {
    try {
      return parseBindings(window.localStorage.getItem(storageKey));
    } catch {
      return parseBindings(null);
    }
  });
  const save = (next: MarkBindings) => {
    setBindings(next);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage may be disabled: the keys then last for this page only.
    }
  };
  return [bindings, save];
}
