import type { AuCode, Intensity, SideMarker } from './au-model';

/**
 * Cuts an AU cell into tokens that cover every character of it, so nothing can be lost: text that
 * starts no token becomes `junk`, which the parser reports verbatim.
 */

export type TokenKind = 'au' | 'unknown' | 'word' | 'ref' | 'open' | 'close' | 'and' | 'or' | 'space' | 'junk';

export interface Token {
  kind: TokenKind;
  readonly start: number;
  end: number;
  /** Set for `au` tokens. */
  readonly code?: AuCode;
}

/*
 * A code: optional side markers ("L", "A/L"), an optional "AU" prefix, one or two digits,
 * optional intensities ("B", "A/B"), an optional "?" — and then no letter or digit, so "12AB" or
 * "123" are not read as a code followed by something else. Case-insensitive: "l12b" is L12B.
 */
const CODE = /([LRUATB](?:\/[LRUATB])*)?(?:AU ?)?(\d{1,2})([A-E](?:\/[A-E])*)?([?？])?(?![\p{L}\p{N}])/iuy;
/** "ref(" and "ref (" open a reference; "reference" or "ref" alone are words. */
const REF_OPEN = /ref\s*[(（]/iy;
/** A word of free text: letters, with inner apostrophes and hyphens ("soft", "eye-roll"). */
const WORD = /\p{L}[\p{L}\p{M}'’-]*/uy;
const SPACE = /\s+/uy;
/**
 * "+" joins a set; CAS(ME)³ part C joins with commas, including the Chinese ones, so the
 * full-width forms a Chinese input method types are read as their ASCII twins.
 */
const AND = new Set(['+', '＋', ',', '，', '、']);
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
const QUESTION = new Set(['?', '？']);

export function lexAus(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    const token = tokenAt(source, pos);
    const last = tokens[tokens.length - 1];
    if (token.kind === 'junk' && last?.kind === 'junk') last.end = token.end;
    else tokens.push(token);
    pos = token.end;
  }
  markUnbalancedParentheses(tokens);
  return tokens;
}

function tokenAt(source: string, pos: number): Token {
  const ch = source[pos] ?? '';
  const matchAt = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    return re.exec(source);
  };
  const simple = (kind: TokenKind, length: number): Token => ({ kind, start: pos, end: pos + length });

  const space = matchAt(SPACE);
  if (space) return simple('space', space[0].length);
  if (AND.has(ch)) return simple('and', 1);
  if (OPEN.has(ch)) return simple('open', 1);
  if (CLOSE.has(ch)) return simple('close', 1);
  const code = matchAt(CODE);
  if (code) return { kind: 'au', start: pos, end: pos + code[0].length, code: codeFrom(code) };
  if (QUESTION.has(ch)) return simple('unknown', 1);
  const ref = matchAt(REF_OPEN);
  if (ref) return simple('ref', ref[0].length);
  const word = matchAt(WORD);
  if (word) return simple(word[0].toLowerCase() === 'or' ? 'or' : 'word', word[0].length);
  // One code point (a surrogate pair stays whole); the caller merges neighbouring junk.
  return simple('junk', String.fromCodePoint(source.codePointAt(pos) ?? 0).length);
}

function codeFrom(match: RegExpExecArray): AuCode {
  const [, sides, digits, intensities, question] = match;
  return {
    kind: 'au',
    au: Number(digits),
    sides: sides ? (sides.toUpperCase().split('/') as SideMarker[]) : [],
    intensities: intensities ? (intensities.toUpperCase().split('/') as Intensity[]) : [],
    uncertain: question !== undefined,
  };
}

/**
 * No AU cell anyone wrote nests parentheses this deep; deeper pairs are read as unreadable text,
 * which keeps the parser's (and printer's) recursion bounded for any cell a sheet holds.
 */
export const MAX_AU_NESTING = 50;

/**
 * A parenthesis without its partner cannot be read; turning it into junk here lets the parser
 * assume every "(" or "ref(" it meets has its ")". Pairs nested deeper than MAX_AU_NESTING become
 * junk too.
 */
function markUnbalancedParentheses(tokens: Token[]): void {
  const open: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'open' || token.kind === 'ref') open.push(token);
    else if (token.kind === 'close') {
      const depth = open.length;
      const partner = open.pop();
      if (partner === undefined) token.kind = 'junk';
      else if (depth > MAX_AU_NESTING) partner.kind = token.kind = 'junk';
    }
  }
  for (const token of open) token.kind = 'junk';
}
