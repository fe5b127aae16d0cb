import { describe, expect, it, vi } from 'vitest';
import { actionFor, type KeyActions } from './use-scrubber-keys';

function spies(): KeyActions {
  const names = ['step', 'home', 'end', 'togglePlay', 'shuttle', 'pause', 'slower', 'faster', 'focusJump', 'setIn', 'setOut', 'toggleLoop', 'clearLoop', 'toggleDifference', 'zoom', 'fit', 'actualSize', 'toggleBoxTool', 'saveBox', 'escape', 'help'] as const;
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as unknown as KeyActions;
}

describe('actionFor', () => {
  it('steps by one, or ten with Shift', () => {
    const a = spies();
    actionFor({ key: 'ArrowRight', shiftKey: false }, a)?.();
    actionFor({ key: 'ArrowLeft', shiftKey: true }, a)?.();
    expect(a.step).toHaveBeenNthCalledWith(1, 1);
    expect(a.step).toHaveBeenNthCalledWith(2, -10);
  });

  it('maps J/K/L like video editors', () => {
    const a = spies();
    actionFor({ key: 'l', shiftKey: false }, a)?.();
    actionFor({ key: 'J', shiftKey: true }, a)?.();
    actionFor({ key: 'k', shiftKey: false }, a)?.();
    expect(a.shuttle).toHaveBeenNthCalledWith(1, 1);
    expect(a.shuttle).toHaveBeenNthCalledWith(2, -1);
    expect(a.pause).toHaveBeenCalledOnce();
  });

  it('leaves other keys alone', () => {
    expect(actionFor({ key: 'q', shiftKey: false }, spies())).toBeNull();
  });
});
