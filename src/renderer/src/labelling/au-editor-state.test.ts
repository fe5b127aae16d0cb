import { describe, expect, it } from 'vitest';
import { facsCode } from '../../../shared/domain/facs';
import { addCode, codeFromQuery, codeToAdd, intensityOf, newCode, readAus, removeRow, setRow, sideOf, suggestAus, withIntensity, withSide } from './au-editor-state';

describe('reading notation', () => {
  it('gives rows for a flat set and none for richer notation', () => {
    expect(readAus('1+2+R12').rows?.map((c) => c.au)).toEqual([1, 2, 12]);
    expect(readAus('').rows).toEqual([]);
    expect(readAus('R14A or 17A or 24A').rows).toBeNull();
    expect(readAus('R14A or 17A or 24A').entries.map((e) => [e.code.au, e.alternative])).toEqual([
      [14, true],
      [17, true],
      [24, true],
    ]);
  });

  it('marks what it cannot read and warns about what it reads as text', () => {
    const broken = readAus('4B+7B+43F');
    expect(broken.parse.ok).toBe(false);
    expect(broken.parse.pieces.filter((p) => p.role === 'unparsed').map((p) => p.text)).toEqual(['43F']);
    expect(broken.rows).toBeNull();
    expect(readAus('1+2+soft').warnings).toEqual(['“soft” is not an AU code; it is kept as free text']);
    expect(readAus('1+3').warnings).toEqual(['3 is not a FACS code']);
  });

  it('prints the canonical notation', () => {
    expect(readAus(' l12b + au4 ').printed).toBe('L12B+4');
  });
});

describe('editing code by code', () => {
  it('adds, changes and removes codes', () => {
    let text = addCode('', newCode(1));
    text = addCode(text, newCode(2));
    text = addCode(text, withIntensity(withSide(newCode(12), 'R'), 'B'));
    expect(text).toBe('1+2+R12B');
    const [, , twelve] = readAus(text).rows ?? [];
    if (!twelve) throw new Error('no row');
    expect(sideOf(twelve)).toBe('R');
    expect(intensityOf(twelve)).toBe('B');
    expect(setRow(text, 2, { ...withSide(twelve, 'A'), uncertain: true })).toBe('1+2+A12B?');
    expect(setRow(text, 0, withSide(newCode(1), ''))).toBe('1+2+R12B');
    expect(removeRow(text, 1)).toBe('1+R12B');
    expect(removeRow('R14A or 17A', 0)).toBeNull();
  });

  it('adds to richer notation as one more item of a set', () => {
    expect(addCode('R14A or 17A', newCode(25))).toBe('(R14A or 17A)+25');
    expect(addCode('1+xx)', newCode(2))).toBe('1+xx)+2');
  });

  it('cannot pick one side for alternatives', () => {
    const alt = readAus('A/L12').rows?.[0];
    if (!alt) throw new Error('no row');
    expect(sideOf(alt)).toBeNull();
    expect(intensityOf(readAus('10A/B').rows?.[0] ?? newCode(1))).toBeNull();
  });
});

describe('the AU picker', () => {
  it('suggests by number, exact first', () => {
    expect(suggestAus('1').map((c) => c.au)).toEqual([1, 10, 11, 12, 13, 14, 15, 16]);
    expect(suggestAus('R12B')[0]?.au).toBe(12);
    expect(suggestAus('AU4')[0]?.au).toBe(4);
  });

  it('suggests by name', () => {
    expect(suggestAus('brow').map((c) => c.au)).toEqual([4, 1, 2, 70]);
    expect(suggestAus('lip corner').map((c) => c.au)).toEqual([12, 15]);
    expect(suggestAus('zzz')).toEqual([]);
  });

  it('adds what was typed, or the highlighted suggestion for words', () => {
    expect(codeFromQuery('R12B')).toEqual({ kind: 'au', au: 12, sides: ['R'], intensities: ['B'], uncertain: false });
    expect(codeFromQuery('brow')).toBeNull();
    expect(codeToAdd('R12B', facsCode(12))).toEqual(codeFromQuery('R12B'));
    expect(codeToAdd('brow', facsCode(4))).toEqual(newCode(4));
    expect(codeToAdd('4', facsCode(4))).toEqual(newCode(4));
    expect(codeToAdd('nothing', undefined)).toBeNull();
  });
});
