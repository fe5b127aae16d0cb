import { describe, expect, it } from 'vitest';
import { defaultBindings } from './key-bindings';
import { labellingCommandFor, type KeyState } from './labelling-keys';

const press = (key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const state: KeyState = { bindings: defaultBindings, labelCount: 6, editing: false, selectedOwn: false };

describe('labellingCommandFor', () => {
  it('marks with the configured keys', () => {
    expect(labellingCommandFor(press('i'), state)).toEqual({ kind: 'mark', mark: 'onset' });
    expect(labellingCommandFor(press('A', { shiftKey: true }), state)).toEqual({ kind: 'mark', mark: 'apex-missing' });
    const custom = { ...state, bindings: { onset: 's', apex: 'e', offset: 'f' } };
    expect(labellingCommandFor(press('s'), custom)).toEqual({ kind: 'mark', mark: 'onset' });
    expect(labellingCommandFor(press('i'), custom)).toBeNull();
  });

  it('takes digits for the emotion only while an event is being marked or edited', () => {
    expect(labellingCommandFor(press('1'), state)).toBeNull();
    expect(labellingCommandFor(press('1'), { ...state, editing: true })).toEqual({ kind: 'emotion', index: 0 });
    expect(labellingCommandFor(press('9'), { ...state, editing: true })).toBeNull();
    expect(labellingCommandFor(press('0'), { ...state, editing: true })).toBeNull();
  });

  it('undoes and redoes with Ctrl, and leaves other Ctrl keys alone', () => {
    expect(labellingCommandFor(press('z', { ctrlKey: true }), state)).toEqual({ kind: 'undo' });
    expect(labellingCommandFor(press('Z', { ctrlKey: true, shiftKey: true }), state)).toEqual({ kind: 'redo' });
    expect(labellingCommandFor(press('i', { ctrlKey: true }), state)).toBeNull();
  });

  it('deletes only the coder’s own selected event', () => {
    expect(labellingCommandFor(press('Delete'), state)).toBeNull();
    expect(labellingCommandFor(press('Delete'), { ...state, selectedOwn: true })).toEqual({ kind: 'delete' });
  });
});
