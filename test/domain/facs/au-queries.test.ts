import { describe, expect, it } from 'vitest';
import {
  FACS_CODES,
  auNumbers,
  describeAu,
  facsCode,
  isFacsCode,
  listAuCodes,
  parseAus,
  unknownAuNumbers,
} from '../../../src/shared/domain/facs';
import { au } from './au-builders';

describe('the FACS table', () => {
  it('holds each code once, ascending, with the standard names', () => {
    const numbers = FACS_CODES.map((c) => c.au);
    expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
    expect(facsCode(1)?.name).toBe('inner brow raiser');
    expect(facsCode(12)?.name).toBe('lip corner puller');
    expect(facsCode(14)?.name).toBe('dimpler');
    expect(facsCode(43)?.name).toBe('eyes closed');
    expect(facsCode(13)?.formerName).toBe('cheek puffer');
  });

  it('tells action units from descriptors and movement codes', () => {
    expect(facsCode(4)?.kind).toBe('action-unit');
    expect(facsCode(19)?.kind).toBe('action-descriptor');
    expect(facsCode(56)?.kind).toBe('head-movement');
    expect(facsCode(61)?.kind).toBe('eye-movement');
    expect(facsCode(73)?.kind).toBe('visibility');
    for (const n of [51, 52, 53, 54, 55, 56, 57, 58]) expect(facsCode(n)?.kind).toBe('head-movement');
    for (const n of [61, 62, 63, 64]) expect(facsCode(n)?.kind).toBe('eye-movement');
    for (const n of [41, 42, 43, 44, 45, 46]) expect(facsCode(n)?.kind).toBe('action-unit');
  });

  it('knows there is no AU 3', () => {
    expect(isFacsCode(3)).toBe(false);
    expect(unknownAuNumbers(parseAus('3+12+47'))).toEqual([3, 47]);
  });
});

describe('auNumbers', () => {
  const cases: [raw: string | number, common: number[], union: number[]][] = [
    ['1+2+R12', [1, 2, 12], [1, 2, 12]],
    [12, [12], [12]],
    ['ref(7B)+43', [43], [43]],
    ['4D+ref(6)+7C+43E', [4, 7, 43], [4, 7, 43]],
    ['(R6 or R12)+R15', [15], [6, 12, 15]],
    ['R14A or 17A or 24A', [], [14, 17, 24]],
    ['12+14 or 12+17', [12], [12, 14, 17]],
    ['10A/B', [10], [10]],
    ['A/L12', [12], [12]],
    ['12?+4', [4, 12], [4, 12]],
    ['?', [], []],
    ['R14+17+soft focus', [14, 17], [14, 17]],
    ['4+7+4B', [4, 7], [4, 7]],
    ['', [], []],
    ['4+12 15', [4], [4]],
  ];
  it.each(cases)('%j → %j (common), %j (union)', (raw, common, union) => {
    expect(auNumbers(parseAus(raw))).toEqual(common);
    expect(auNumbers(parseAus(raw), 'union')).toEqual(union);
  });

  it('accepts a bare tree or nothing', () => {
    expect(auNumbers(au(5))).toEqual([5]);
    expect(auNumbers(null)).toEqual([]);
  });
});

describe('listAuCodes', () => {
  it('lists every code in source order with where it stood', () => {
    const entries = listAuCodes(parseAus('ref(7B)+(R6 or R12)+R15'));
    expect(entries.map((e) => [e.code.au, e.reference, e.alternative])).toEqual([
      [7, true, false],
      [6, false, true],
      [12, false, true],
      [15, false, false],
    ]);
  });
});

describe('describeAu', () => {
  it.each([
    ['L12B', 'AU12 lip corner puller, left, intensity B'],
    ['4', 'AU4 brow lowerer'],
    ['A/L12', 'AU12 lip corner puller, asymmetric or left'],
    ['10A/B', 'AU10 upper lip raiser, intensity A or B'],
    ['R2?', 'AU2 outer brow raiser, right, uncertain'],
    ['U14', 'AU14 dimpler, unilateral'],
    ['T23', 'AU23 lip tightener, marked T'],
    ['B18', 'AU18 lip pucker, marked B'],
    ['3', 'AU3 (not a FACS code)'],
  ])('%s → %s', (raw, text) => {
    const [entry] = listAuCodes(parseAus(raw));
    expect(entry && describeAu(entry.code)).toBe(text);
  });
});
