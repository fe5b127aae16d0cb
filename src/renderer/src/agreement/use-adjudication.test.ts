import { describe, expect, it } from 'vitest';
import type { LabelEvent } from '../../../shared/api/events';
import { consensusOf } from './use-adjudication';

const base = { onset: 10, apex: 14, offset: 20, emotion: 'fear', aus: '1+2' } as LabelEvent;

describe('consensusOf', () => {
  it('takes every field from the coding picked for it', () => {
    const b = { ...base, onset: 12, apex: null, emotion: 'surprise', aus: '' } as LabelEvent;
    expect(consensusOf(base, b, { onset: 'b', apex: 'b', offset: 'a', emotion: 'a', aus: 'b' })).toEqual({ onset: '12', apex: 'missing', offset: '20', emotion: 'fear', aus: '—' });
  });
});
