import { useEffect, useState } from 'react';

/** The content size of an element, kept current; pass `ref` as the element's callback ref. */
export function useElementSize<E extends HTMLElement>(): { ref: (element: E | null) => void; element: E | null; width: number; height: number } {
  const [element, setElement] = useState<E | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return { ref: setElement, element, ...size };
}
