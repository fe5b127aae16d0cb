import { useEffect, useEffectEvent } from 'react';

export interface KeyActions {
  step: (delta: number) => void;
  home: () => void;
  end: () => void;
  togglePlay: () => void;
  shuttle: (direction: 1 | -1) => void;
  pause: () => void;
  slower: () => void;
  faster: () => void;
  focusJump: () => void;
  setIn: () => void;
  setOut: () => void;
  toggleLoop: () => void;
  clearLoop: () => void;
  toggleDifference: () => void;
  zoom: (factor: number) => void;
  fit: () => void;
  actualSize: () => void;
  toggleBoxTool: () => void;
  saveBox: () => void;
  escape: () => void;
  help: () => void;
}

/** Keys a closed select (MUI's combobox) uses to open itself; it leaves the others to the page. */
const selectKeys = new Set(['ArrowUp', 'ArrowDown', 'Enter', ' ']);

/** Keys typed into these stay there: fields, open selects, sliders, menus. */
function isTypingTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) return key === ' ' || key === 'Enter';
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  const role = target.getAttribute('role');
  if (role === 'combobox' && target.getAttribute('aria-expanded') !== 'true') return selectKeys.has(key);
  return role !== null && ['slider', 'combobox', 'listbox', 'option', 'menuitem', 'spinbutton', 'textbox'].includes(role);
}

/**
 * Menu settings for the scrubber's selects: the menu leaves at once when a choice is made (a
 * closing menu would still hold the keys for its fade-out, and a quick L or D would be lost).
 */
export const quickMenu = { disableRestoreFocus: true, transitionDuration: { enter: 120, exit: 0 } } as const;

/** After a choice in a select, hand the keys back to the scrubber (Space plays again). */
export function releaseFocusSoon(): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.getAttribute('role') === 'combobox') active.blur();
  });
}

/** What a key does; null when the scrubber leaves it alone. */
export function actionFor(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>, a: KeyActions): (() => void) | null {
  const big = event.shiftKey ? 10 : 1;
  switch (event.key) {
    case 'ArrowRight':
      return () => a.step(big);
    case 'ArrowLeft':
      return () => a.step(-big);
    case '.':
      return () => a.step(1);
    case ',':
      return () => a.step(-1);
    case 'Home':
      return a.home;
    case 'End':
      return a.end;
    case ' ':
      return a.togglePlay;
    case 'l':
    case 'L':
      return () => a.shuttle(1);
    case 'j':
    case 'J':
      return () => a.shuttle(-1);
    case 'k':
    case 'K':
      return a.pause;
    case '[':
      return a.slower;
    case ']':
      return a.faster;
    case 'g':
    case 'G':
      return a.focusJump;
    case 'i':
    case 'I':
      return a.setIn;
    case 'o':
    case 'O':
      return a.setOut;
    case 'r':
    case 'R':
      return a.toggleLoop;
    case 'x':
    case 'X':
      return a.clearLoop;
    case 'd':
    case 'D':
      return a.toggleDifference;
    case '+':
    case '=':
      return () => a.zoom(1.25);
    case '-':
    case '_':
      return () => a.zoom(0.8);
    case '0':
      return a.fit;
    case '1':
      return a.actualSize;
    case 'b':
    case 'B':
      return a.toggleBoxTool;
    case 'Enter':
      return a.saveBox;
    case 'Escape':
      return a.escape;
    case '?':
      return a.help;
    default:
      return null;
  }
}

/**
 * The scrubber's keyboard, on the whole window while the scrubber is shown and no dialog is open.
 * `extra` (tools on top of the scrubber, e.g. labelling) is asked first and may take Ctrl keys.
 */
export function useScrubberKeys(actions: KeyActions, extra?: (event: KeyboardEvent) => (() => void) | null): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (isTypingTarget(event.target, event.key)) return;
    if (document.querySelector('[role="dialog"], [role="presentation"].MuiModal-root')) return;
    const onButton = event.target instanceof HTMLElement && event.target.closest('button, a') !== null;
    if (onButton && (event.key === ' ' || event.key === 'Enter')) return;
    const modified = event.ctrlKey || event.metaKey || event.altKey;
    const action = extra?.(event) ?? (modified ? null : actionFor(event, actions));
    if (!action) return;
    event.preventDefault();
    action();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
