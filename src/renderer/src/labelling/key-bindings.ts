/**
 * The keys that mark an event on the scrubber, as the user configured them (localStorage), and
 * the checks that keep them clear of the scrubber's own keys.
 */

export type MarkKind = 'onset' | 'apex' | 'offset';
export type MarkBindings = Readonly<Record<MarkKind, string>>;

/** I and O already set the loop's in and out; marking onset and offset sets the loop too. */
export const defaultBindings: MarkBindings = { onset: 'i', apex: 'a', offset: 'o' };

export const markNames: Readonly<Record<MarkKind, string>> = { onset: 'Onset', apex: 'Apex', offset: 'Offset' };

/** Letters the scrubber and the labelling tools use for something else. */
export const reservedLetters: Readonly<Record<string, string>> = {
  b: 'draws the face box',
  c: 'turns Compare on and off',
  d: 'turns the difference view on and off',
  g: 'goes to a frame',
  i: 'sets the loop in-point',
  j: 'plays backward',
  k: 'pauses',
  l: 'plays forward',
  n: 'selects the next event',
  o: 'sets the loop out-point',
  p: 'selects the previous event',
  r: 'loops in–out',
  u: 'adds an AU',
  x: 'clears in and out',
};

/** A mark may take the loop key that means the same place: onset = in, offset = out. */
const sharedWithLoop: Readonly<Partial<Record<MarkKind, string>>> = { onset: 'i', offset: 'o' };

/** What is wrong with one binding, given the others; null when it is fine. */
export function bindingProblem(kind: MarkKind, bindings: MarkBindings): string | null {
  const key = bindings[kind];
  if (!/^[a-z]$/.test(key)) return 'Use a single letter, a–z';
  const twin = (Object.keys(bindings) as MarkKind[]).find((other) => other !== kind && bindings[other] === key);
  if (twin) return `${key.toUpperCase()} already marks the ${markNames[twin].toLowerCase()}`;
  const reserved = reservedLetters[key];
  if (reserved && sharedWithLoop[kind] !== key) return `${key.toUpperCase()} ${reserved}`;
  return null;
}

export function bindingProblems(bindings: MarkBindings): Partial<Record<MarkKind, string>> {
  const problems: Partial<Record<MarkKind, string>> = {};
  for (const kind of Object.keys(bindings) as MarkKind[]) {
    const problem = bindingProblem(kind, bindings);
    if (problem) problems[kind] = problem;
  }
  return problems;
}

/** Stored bindings, or the defaults when nothing (valid) is stored. */
export function parseBindings(stored: string | null): MarkBindings {
  if (!stored) return defaultBindings;
  try {
    const value = JSON.parse(stored) as unknown;
    if (typeof value !== 'object' || value === null) return defaultBindings;
    const record = value as Record<string, unknown>;
    const candidate = {
      onset: typeof record['onset'] === 'string' ? record['onset'].toLowerCase() : '',
      apex: typeof record['apex'] === 'string' ? record['apex'].toLowerCase() : '',
      offset: typeof record['offset'] === 'string' ? record['offset'].toLowerCase() : '',
    };
    return Object.keys(bindingProblems(candidate)).length === 0 ? candidate : defaultBindings;
  } catch {
    return defaultBindings;
  }
}

export type MarkCommand = MarkKind | 'apex-missing';

/** The mark a key press makes: its letter, or Shift + the apex letter for "apex missing". */
export function markFor(event: { key: string; shiftKey: boolean }, bindings: MarkBindings): MarkCommand | null {
  if (event.key.length !== 1) return null;
  const key = event.key.toLowerCase();
  if (key === bindings.apex) return event.shiftKey ? 'apex-missing' : 'apex';
  if (event.shiftKey) return null;
  if (key === bindings.onset) return 'onset';
  if (key === bindings.offset) return 'offset';
  return null;
}

/** 1–9 pick the emotion at that place in the label set (0-based index), or null. */
export function emotionIndexFor(key: string, labelCount: number): number | null {
  if (!/^[1-9]$/.test(key)) return null;
  const index = Number(key) - 1;
  return index < labelCount ? index : null;
}

/** Ctrl/⌘+Z undoes; Ctrl/⌘+Shift+Z and Ctrl+Y redo. */
export function historyCommandFor(event: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
