import { describe, expect, it } from 'vitest';
import { bindingProblem, bindingProblems, defaultBindings, emotionIndexFor, historyCommandFor, markFor, parseBindings } from './key-bindings';
import { actionFor, type KeyActions } from '../scrubber/use-scrubber-keys';

const noop = () => undefined;
const scrubberActions = new Proxy({}, { get: () => noop }) as KeyActions;

describe('mark bindings', () => {
  it('defaults to I, A, O, and A is free in the scrubber', () => {
    expect(defaultBindings).toEqual({ onset: 'i', apex: 'a', offset: 'o' });
    expect(bindingProblems(defaultBindings)).toEqual({});
    expect(actionFor({ key: 'a', shiftKey: false }, scrubberActions)).toBeNull();
    expect(actionFor({ key: 'A', shiftKey: true }, scrubberActions)).toBeNull();
  });

  it('lets onset and offset share the loop keys but nothing else', () => {
    expect(bindingProblem('apex', { onset: 'i', apex: 'o', offset: 'q' })).toBe('O sets the loop out-point');
    expect(bindingProblem('onset', { onset: 'o', apex: 'a', offset: 'q' })).toBe('O sets the loop out-point');
    expect(bindingProblem('apex', { onset: 'i', apex: 'l', offset: 'o' })).toBe('L plays forward');
    expect(bindingProblem('offset', { onset: 'i', apex: 'a', offset: 'a' })).toBe('A already marks the apex');
    expect(bindingProblem('onset', { onset: '1', apex: 'a', offset: 'o' })).toBe('Use a single letter, a–z');
  });

  it('never picks a letter the scrubber uses, except the loop keys for onset and offset', () => {
    for (const key of 'abcdefghijklmnopqrstuvwxyz') {
      const taken = actionFor({ key, shiftKey: false }, scrubberActions) !== null;
      const problem = bindingProblem('apex', { onset: 'i', apex: key, offset: 'o' });
      if (taken) expect(problem, key).not.toBeNull();
    }
  });

  it('reads stored bindings, falling back to the defaults when they are broken', () => {
    expect(parseBindings(JSON.stringify({ onset: 'S', apex: 'e', offset: 'f' }))).toEqual({ onset: 's', apex: 'e', offset: 'f' });
    expect(parseBindings(JSON.stringify({ onset: 'l', apex: 'e', offset: 'f' }))).toBe(defaultBindings);
    expect(parseBindings('{not json')).toBe(defaultBindings);
    expect(parseBindings(null)).toBe(defaultBindings);
  });

  it('maps keys to marks, with Shift + apex for "apex missing"', () => {
    expect(markFor({ key: 'i', shiftKey: false }, defaultBindings)).toBe('onset');
    expect(markFor({ key: 'I', shiftKey: false }, defaultBindings)).toBe('onset');
    expect(markFor({ key: 'a', shiftKey: false }, defaultBindings)).toBe('apex');
    expect(markFor({ key: 'A', shiftKey: true }, defaultBindings)).toBe('apex-missing');
    expect(markFor({ key: 'O', shiftKey: true }, defaultBindings)).toBeNull();
    expect(markFor({ key: 'ArrowLeft', shiftKey: false }, defaultBindings)).toBeNull();
  });
});

describe('emotion and history keys', () => {
  it('maps 1–9 to the label set, in order', () => {
    expect(emotionIndexFor('1', 6)).toBe(0);
    expect(emotionIndexFor('6', 6)).toBe(5);
    expect(emotionIndexFor('7', 6)).toBeNull();
    expect(emotionIndexFor('0', 6)).toBeNull();
  });

  it('reads Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y', () => {
    const base = { shiftKey: false, ctrlKey: true, metaKey: false, altKey: false };
    expect(historyCommandFor({ ...base, key: 'z' })).toBe('undo');
    expect(historyCommandFor({ ...base, key: 'Z', shiftKey: true })).toBe('redo');
    expect(historyCommandFor({ ...base, key: 'y' })).toBe('redo');
    expect(historyCommandFor({ ...base, key: 'z', ctrlKey: false })).toBeNull();
    expect(historyCommandFor({ ...base, key: 'z', ctrlKey: false, metaKey: true })).toBe('undo');
  });
});
