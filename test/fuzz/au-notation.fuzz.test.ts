import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auNumbers, listAuCodes, parseAus, printAus } from '../../src/shared/domain/facs';
import { MAX_AU_NESTING } from '../../src/shared/domain/facs/au-lexer';
import { fuzzParams, fuzzTimeout } from './fuzz-settings';

/**
 * The AU notation parser on long and deeply nested cells (test/domain/facs has the grammar's
 * properties on short ones): it never throws, never loses a character, and whatever it reads
 * prints and queries without throwing.
 */

const pieces = ['(', ')', 'ref(', '（', '）', '+', ',', ' or ', 'or', '12', 'L4', 'R14A', '17A/B', 'A/L12', '?', '？', 'soft', ' ', '\t', '\n', '😀', '\ud800', 'x', '0', '99', '100'];
const grammarSoup = fc.array(fc.constantFrom(...pieces), { maxLength: 400 }).map((p) => p.join(''));
const nested = fc
  .record({ depth: fc.integer({ min: 0, max: 3000 }), open: fc.constantFrom('(', 'ref(', '（'), inner: fc.constantFrom('12', '4+L10', 'R14A or 17A', '', 'soft'), close: fc.constantFrom(')', '）', ''), tail: fc.constantFrom('', '+15', ')', ' or 6') })
  .map(({ depth, open, inner, close, tail }) => open.repeat(depth) + inner + close.repeat(depth) + tail);
const cell = fc.oneof(grammarSoup, nested, fc.string({ unit: 'binary', maxLength: 2000 }));

function checkParse(source: string): void {
  const parse = parseAus(source);
  expect(parse.source).toBe(source);
  expect(parse.pieces.map((p) => p.text).join('')).toBe(source);
  expect(parse.ok).toBe(parse.unparsed.length === 0);
  const printed = printAus(parse);
  expect(parseAus(printed).ok).toBe(parse.ok);
  auNumbers(parse, 'common');
  auNumbers(parse, 'union');
  listAuCodes(parse);
}

describe('AU notation parser, fuzzed', () => {
  it('never throws and never loses text on long, deeply nested or binary cells', () => {
    fc.assert(fc.property(cell, checkParse), fuzzParams(300));
  }, fuzzTimeout(30_000));

  it('regression: 3,000 nested parentheses overflowed the stack; nesting deeper than the limit is unreadable text', () => {
    for (const open of ['(', 'ref(']) {
      const deep = `${open.repeat(3000)}12${')'.repeat(3000)}+15`;
      checkParse(deep);
      expect(parseAus(deep)).toMatchObject({ ok: false });
      expect(auNumbers(parseAus(deep))).toEqual([15]);
    }
    const atLimit = `${'('.repeat(MAX_AU_NESTING)}12${')'.repeat(MAX_AU_NESTING)}`;
    expect(parseAus(atLimit)).toMatchObject({ ok: true, root: { kind: 'au', au: 12 } });
  });
});
