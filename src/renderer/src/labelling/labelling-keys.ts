import { emotionIndexFor, historyCommandFor, markFor, type MarkBindings, type MarkCommand } from './key-bindings';

/** What a key does on the Label page beyond the scrubber's own keys. */
export type LabellingCommand =
  | { kind: 'mark'; mark: MarkCommand }
  | { kind: 'emotion'; index: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'focus-aus' }
  | { kind: 'compare' }
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'delete' };

export interface KeyState {
  bindings: MarkBindings;
  labelCount: number;
  /** A draft or an editable selected event: digits then choose its emotion (else 1 is "actual size"). */
  editing: boolean;
  /** An event of the coder's is selected (Delete removes it). */
  selectedOwn: boolean;
}

type KeyPress = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

/** The labelling command of a key press, or null to leave it to the scrubber. */
export function labellingCommandFor(event: KeyPress, state: KeyState): LabellingCommand | null {
  const history = historyCommandFor(event);
  if (history) return { kind: history };
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const mark = markFor(event, state.bindings);
  if (mark) return { kind: 'mark', mark };
  if (state.editing) {
    const index = emotionIndexFor(event.key, state.labelCount);
    if (index !== null) return { kind: 'emotion', index };
  }
  switch (event.key) {
    case 'u':
    case 'U':
      return { kind: 'focus-aus' };
    case 'c':
    case 'C':
      return { kind: 'compare' };
    case 'n':
    case 'N':
      return { kind: 'next' };
    case 'p':
    case 'P':
      return { kind: 'previous' };
    case 'Delete':
      return state.selectedOwn ? { kind: 'delete' } : null;
    default:
      return null;
  }
}

export interface LabellingActions {
  mark: (mark: MarkCommand) => void;
  chooseEmotion: (index: number) => void;
  history: (kind: 'undo' | 'redo') => void;
  focusAus: () => void;
  toggleCompare: () => void;
  step: (direction: 1 | -1) => void;
  remove: () => void;
}

/** The action that carries out a command. */
export function actionOf(command: LabellingCommand, a: LabellingActions): () => void {
  switch (command.kind) {
    case 'mark':
      return () => a.mark(command.mark);
    case 'emotion':
      return () => a.chooseEmotion(command.index);
    case 'undo':
    case 'redo':
      return () => a.history(command.kind);
    case 'focus-aus':
      return a.focusAus;
    case 'compare':
      return a.toggleCompare;
    case 'next':
      return () => a.step(1);
    case 'previous':
      return () => a.step(-1);
    case 'delete':
      return a.remove;
  }
}
