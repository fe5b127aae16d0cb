import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Annotator } from '../../../shared/api/events';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery } from '../api/use-api-query';
import { AnnotatorChooser } from './AnnotatorChooser';
import { readStoredAnnotator, resolveAnnotator, writeStoredAnnotator, type StoredAnnotator } from './annotator-storage';

export interface AnnotatorSession {
  /** Who is coding in this browser; null until someone is chosen. */
  annotator: StoredAnnotator | null;
  annotators: Annotator[] | undefined;
  choose: (annotator: StoredAnnotator) => void;
  /** Opens "Who is coding?"; `then` runs with the coder once one is chosen (e.g. a pending save). */
  openChooser: (then?: (annotator: StoredAnnotator) => void) => void;
}

const SessionContext = createContext<AnnotatorSession | null>(null);

/** The coder session of the whole app: every save names this annotator. */
export function AnnotatorProvider({ children }: { children: ReactNode }) {
  const list = useApiQuery('annotators.list', {});
  const [stored, setStored] = useState<StoredAnnotator | null>(readStoredAnnotator);
  const [open, setOpen] = useState(false);
  const pending = useRef<((annotator: StoredAnnotator) => void) | null>(null);
  useApiEvent('annotators.changed', () => list.reload());

  const resolved = resolveAnnotator(stored, list.data);
  const id = resolved?.id;
  const name = resolved?.name;
  const annotator = useMemo(() => (id !== undefined && name !== undefined ? { id, name } : null), [id, name]);

  const choose = useCallback((next: StoredAnnotator) => {
    const value = { id: next.id, name: next.name };
    setStored(value);
    writeStoredAnnotator(value);
    setOpen(false);
    const then = pending.current;
    pending.current = null;
    then?.(value);
  }, []);

  const openChooser = useCallback((then?: (annotator: StoredAnnotator) => void) => {
    pending.current = then ?? null;
    setOpen(true);
  }, []);

  const session = useMemo<AnnotatorSession>(() => ({ annotator, annotators: list.data, choose, openChooser }), [annotator, list.data, choose, openChooser]);

  return (
    <SessionContext value={session}>
      {children}
      {open && (
        <AnnotatorChooser
          annotators={list.data}
          current={annotator}
          error={list.error}
          onChoose={choose}
          onCreated={() => list.reload()}
          onClose={() => {
            pending.current = null;
            setOpen(false);
          }}
        />
      )}
    </SessionContext>
  );
}

export function useAnnotatorSession(): AnnotatorSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useAnnotatorSession must be used inside <AnnotatorProvider>');
  return session;
}
