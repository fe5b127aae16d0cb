import { describe, expect, it } from 'vitest';
import { parseAus, printAus, type AuNode } from '../../../src/shared/domain/facs';
import { all, any, au, ref, text, unknown } from './au-builders';

/** Cells as the sheets write them (DATASETS.md A.1, A.2): the tree, and the canonical print. */
const wellFormed: [raw: string | number, tree: AuNode | null, printed: string][] = [
  ['1+2+R12', all(au(1), au(2), au(12, 'R')), '1+2+R12'],
  ['4+L10', all(au(4), au(10, 'L')), '4+L10'],
  ['4B+7B+43E', all(au(4, '', 'B'), au(7, '', 'B'), au(43, '', 'E')), '4B+7B+43E'],
  ['R14A or 17A or 24A', any(au(14, 'R', 'A'), au(17, '', 'A'), au(24, '', 'A')), 'R14A or 17A or 24A'],
  ['10A/B', au(10, '', 'A/B'), '10A/B'],
  ['ref(7B)+43', all(ref(au(7, '', 'B')), au(43)), 'ref(7B)+43'],
  ['(R6 or R12)+R15', all(any(au(6, 'R'), au(12, 'R')), au(15, 'R')), '(R6 or R12)+R15'],
  ['A/L12', au(12, 'A/L'), 'A/L12'],
  ['R14+17+soft focus', all(au(14, 'R'), au(17), text('soft focus')), 'R14+17+soft focus'],
  ['12+15 ', all(au(12), au(15)), '12+15'],
  ['?', unknown, '?'],
  ['T23', au(23, 'T'), 'T23'],
  ['B18+25', all(au(18, 'B'), au(25)), 'B18+25'],
  [12, au(12), '12'],
  ['L12 or L14', any(au(12, 'L'), au(14, 'L')), 'L12 or L14'],
  ['A1B+A2C', all(au(1, 'A', 'B'), au(2, 'A', 'C')), 'A1B+A2C'],
  ['ref(L10)+A12B', all(ref(au(10, 'L')), au(12, 'A', 'B')), 'ref(L10)+A12B'],
  ['12?', au(12, '', '', true), '12?'],
  ['4+?', all(au(4), unknown), '4+?'],
  ['', null, ''],
  ['   ', null, ''],
];

/** Spellings the printer normalises (see printAus). */
const normalised: [raw: string, printed: string][] = [
  ['(R6 or R12) + R15', '(R6 or R12)+R15'],
  ['7B+ ref(43)', '7B+ref(43)'],
  ['L12 + 61', 'L12+61'],
  ['  4 + 7 ', '4+7'],
  ['R12  OR  R14', 'R12 or R14'],
  ['REF (7b)+43', 'ref(7B)+43'],
  ['l12b+a/l12', 'L12B+A/L12'],
  ['4,7，9、10＋12', '4+7+9+10+12'],
  ['AU12+AU 4', '12+4'],
  ['07+04', '7+4'],
  ['(12)+((15))', '12+15'],
  ['(4+5) or 12', '4+5 or 12'],
  ['(4+5)+12', '(4+5)+12'],
  ['(12 or 14) or 15', '(12 or 14) or 15'],
  ['ref(7B+43)', 'ref(7B+43)'],
  ['（12 or 14）＋4？+？', '(12 or 14)+4?+?'],
];

/** Cells that are not well formed: what is reported, verbatim, and what is still understood. */
const flagged: [raw: string, unparsed: string[], tree: AuNode | null][] = [
  ['12 15', ['12 15'], null],
  ['4+12 15+7', ['12 15'], all(au(4), au(7))],
  ['12++15', ['+'], all(au(12), au(15))],
  ['+12', ['+'], au(12)],
  ['12+', ['+'], au(12)],
  ['12 or', ['or'], au(12)],
  ['(12', ['(12'], null],
  ['12)+4', ['12)'], au(4)],
  ['()', ['()'], null],
  ['ref()+4', ['ref()'], au(4)],
  ['12x+4', ['12x'], au(4)],
  ['123', ['123'], null],
  ['12AB', ['12AB'], null],
  ['12/14', ['12/14'], null],
  ['4#+5', ['4#'], au(5)],
  ['soft focus 12', ['soft focus 12'], null],
  ['4(5)', ['4(5)'], null],
  ['12.5', ['12.5'], null],
];

describe('parseAus and printAus', () => {
  it.each(wellFormed)('reads %j', (raw, tree, printed) => {
    const parse = parseAus(raw);
    expect(parse).toMatchObject({ ok: true, unparsed: [], root: tree });
    expect(printAus(parse)).toBe(printed);
  });

  it.each(normalised)('normalises %j to %j', (raw, printed) => {
    const parse = parseAus(raw);
    expect(parse.ok).toBe(true);
    expect(printAus(parse)).toBe(printed);
    expect(parseAus(printed).root).toEqual(parse.root);
  });

  it.each(flagged)('flags %j, keeping it verbatim', (raw, unparsed, tree) => {
    const parse = parseAus(raw);
    expect(parse).toMatchObject({ ok: false, unparsed, root: tree });
    // Not ours to rewrite: printed as written (trimmed), and it reads back the same.
    expect(printAus(parse)).toBe(raw.trim());
    expect(parseAus(printAus(parse)).root).toEqual(parse.root);
  });

  it('reads an empty cell as nothing coded', () => {
    expect(parseAus(null)).toMatchObject({ source: '', root: null, ok: true, unparsed: [] });
    expect(parseAus(undefined)).toMatchObject({ source: '', root: null, ok: true, unparsed: [] });
  });

  it('reads a number cell as its digits, with a source it can point into', () => {
    const parse = parseAus(43);
    expect(parse.source).toBe('43');
    expect(parse.pieces).toEqual([{ role: 'au', text: '43', start: 0, end: 2 }]);
  });

  it('cuts the source into classified pieces that rebuild it exactly', () => {
    const source = ' ref(7B)+ (R6 or R12)+soft  focus+#';
    const parse = parseAus(source);
    expect(parse.pieces.map((p) => [p.role, p.text])).toEqual([
      ['space', ' '],
      ['ref', 'ref('],
      ['au', '7B'],
      ['close', ')'],
      ['and', '+'],
      ['space', ' '],
      ['open', '('],
      ['au', 'R6'],
      ['space', ' '],
      ['or', 'or'],
      ['space', ' '],
      ['au', 'R12'],
      ['close', ')'],
      ['and', '+'],
      ['text', 'soft  focus'],
      ['and', '+'],
      ['unparsed', '#'],
    ]);
    expect(parse.pieces.map((p) => p.text).join('')).toBe(source);
    expect(parse.root).toEqual(all(ref(au(7, '', 'B')), any(au(6, 'R'), au(12, 'R')), text('soft  focus')));
  });
});
