import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `ms` (compared as JSON), so that typing a path asks
 * the backend once, not on every key. `settled` is false while a newer value waits.
 */
export function useSettledValue<T>(value: T, ms = 350): { value: T; settled: boolean } {
  const json = JSON.stringify(value);
  const [latest, setLatest] = useState({ json, value });

  useEffect(() => {
    if (json === latest.json) return undefined;
    const timer = setTimeout(() => setLatest({ json, value: JSON.parse(json) as T }), ms);
    return () => clearTimeout(timer);
  }, [json, latest.json, ms]);

  return { value: latest.value, settled: json === latest.json };
}
