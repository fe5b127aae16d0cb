import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INTENSITIES,
  SIDE_MARKERS,
  parseAus,
  printAuNode,
  printAus,
  type AuCode,
  type AuNode,
} from '../../../src/shared/domain/facs';

// Random AU structures: every shape the grammar allows, nested a few levels deep.
const codeArb: fc.Arbitrary<AuCode> = fc.record({
  kind: fc.constant('au' as const),
  au: fc.integer({ min: 0, max: 99 }),
  sides: fc.array(fc.constantFrom(...SIDE_MARKERS), { maxLength: 3 }),
  intensities: fc.array(fc.constantFrom(...INTENSITIES), { maxLength: 3 }),
  uncertain: fc.boolean(),
});
const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzLRTABÉéßü眨眼'.split(''));
const wordArb = fc
  .tuple(fc.string({ unit: letter, minLength: 1, maxLength: 6 }), fc.constantFrom('', "'", '-'), fc.string({ unit: letter, maxLength: 3 }))
  .map(([head, joint, tail]) => (tail === '' ? head : head + joint + tail))
  .filter((w) => w.toLowerCase() !== 'or');
const textArb = fc
  .array(fc.tuple(fc.constantFrom(' ', '  ', '\t'), wordArb), { maxLength: 2 })
  .chain((rest) => wordArb.map((first) => first + rest.map(([gap, word]) => gap + word).join('')))
  .map((value): AuNode => ({ kind: 'text', text: value }));
const leafArb: fc.Arbitrary<AuNode> = fc.oneof(
  { arbitrary: codeArb, weight: 6 },
  { arbitrary: fc.constant<AuNode>({ kind: 'unknown' }), weight: 1 },
  { arbitrary: textArb, weight: 1 },
);
const { node: treeArb } = fc.letrec<{ node: AuNode; ref: AuNode; all: AuNode; any: AuNode }>((tie) => ({
  node: fc.oneof({ maxDepth: 4, depthIdentifier: 'au-tree' }, leafArb, tie('ref'), tie('all'), tie('any')),
  ref: tie('node').map((body): AuNode => ({ kind: 'ref', body })),
  all: fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((items): AuNode => ({ kind: 'all', items })),
  any: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((options): AuNode => ({ kind: 'any', options })),
}));

/**
 * Prints a tree the untidy ways people type it — random spaces, lower case, commas, "AU"
 * prefixes, leading zeros, extra parentheses — using `noise` as its dice.
 */
function printUntidy(node: AuNode, noise: readonly number[]): string {
  let i = 0;
  const roll = (n: number): number => (noise[i++ % noise.length] ?? 0) % n;
  const space = (): string => ['', ' ', '  ', '\t'][roll(4)] ?? '';
  const someSpace = (): string => [' ', '  ', '\t'][roll(3)] ?? ' ';
  const cased = (s: string): string => (roll(2) === 0 ? s : s.toLowerCase());
  const code = (c: AuCode): string => {
    const number = c.au < 10 && roll(3) === 0 ? `0${c.au}` : String(c.au);
    const prefix = roll(4) === 0 ? cased('AU') + (roll(2) === 0 ? ' ' : '') : '';
    return cased(c.sides.join('/')) + prefix + number + cased(c.intensities.join('/')) + (c.uncertain ? '?' : '');
  };
  const wrap = (s: string, needed: boolean): string => (needed || roll(5) === 0 ? `(${space()}${s}${space()})` : s);
  const print = (n: AuNode): string => {
    switch (n.kind) {
      case 'au':
        return code(n);
      case 'unknown':
        return '?';
      case 'text':
        return n.text;
      case 'ref':
        return `${cased('ref')}${space()}(${space()}${print(n.body)}${space()})`;
      case 'all':
        return n.items
          .map((item) => wrap(print(item), item.kind === 'all' || item.kind === 'any'))
          .join(`${space()}${['+', ',', '，', '、', '＋'][roll(5)] ?? '+'}${space()}`);
      case 'any':
        return n.options.map((option) => wrap(print(option), option.kind === 'any')).join(`${someSpace()}${['or', 'OR', 'Or'][roll(3)] ?? 'or'}${someSpace()}`);
    }
  };
  return space() + wrap(print(node), false) + space();
}

/** Parses compare on what they understood; `source` and `pieces` describe the text itself. */
const meaning = (raw: string): unknown => {
  const { root, unparsed, ok } = parseAus(raw);
  return { root, unparsed, ok };
};

describe('AU notation properties', () => {
  it('reads back every printed structure exactly', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const printed = printAuNode(tree);
        const parse = parseAus(printed);
        expect(parse.unparsed).toEqual([]);
        expect(parse.root).toEqual(tree);
        expect(printAus(parse)).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads untidy spellings of a structure as that structure, and prints them canonically', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), (tree, noise) => {
        const parse = parseAus(printUntidy(tree, noise));
        expect(parse.unparsed).toEqual([]);
        expect(parse.root).toEqual(tree);
        expect(printAus(parse)).toBe(printAuNode(tree));
      }),
      { numRuns: 2000 },
    );
  });

  const grammarish = fc.string({
    unit: fc.constantFrom(...'0123456789LRUATBCDEor?()+,/ \t.#-\''.split(''), 'ref(', 'soft', ' or ', 'AU', '，', '（', '）', '？', '😀', 'é', '\u00a0', '\ud800'),
    maxLength: 40,
  });
  const anything = fc.oneof(grammarish, fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 }));

  it('never throws and never loses a character of any input', () => {
    fc.assert(
      fc.property(anything, (source) => {
        const parse = parseAus(source);
        expect(parse.source).toBe(source);
        expect(parse.pieces.map((p) => p.text).join('')).toBe(source);
        let at = 0;
        for (const piece of parse.pieces) {
          expect(piece.start).toBe(at);
          expect(piece.text).toBe(source.slice(piece.start, piece.end));
          expect(piece.text.length).toBeGreaterThan(0);
          at = piece.end;
        }
        expect(parse.unparsed).toEqual(parse.pieces.filter((p) => p.role === 'unparsed').map((p) => p.text));
        expect(parse.ok).toBe(parse.unparsed.length === 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('prints any parse to text that parses to the same meaning, and printing is idempotent', () => {
    fc.assert(
      fc.property(anything, (source) => {
        const printed = printAus(parseAus(source));
        expect(meaning(printed)).toEqual(meaning(source));
        expect(printAus(parseAus(printed))).toBe(printed);
      }),
      { numRuns: 5000 },
    );
  });
});
