import { lexAus, type Token, type TokenKind } from './au-lexer';
import type { AuNode, AuParse, AuPiece, AuPieceRole } from './au-model';

/**
 * Reads an AU cell (see the grammar in au-model.ts). Never throws and never loses text: whatever
 * cannot be read is cut out at the nearest "+", "or" or ")" around it, reported verbatim in
 * `unparsed`, and left out of the tree, so one bad token does not spoil the rest of the cell.
 * Spreadsheet cells that hold a number (CASME II stores single AUs as numbers) are read as their
 * digits; an empty cell (null, undefined) as the empty string.
 */
export function parseAus(raw: string | number | null | undefined): AuParse {
  const source = raw === null || raw === undefined ? '' : String(raw);
  const tokens = lexAus(source);
  const parser = new Parser(source, tokens);
  const root = parser.parseCell();
  const pieces = parser.pieces();
  const unparsed = pieces.filter((p) => p.role === 'unparsed').map((p) => p.text);
  return { source, root, unparsed, ok: unparsed.length === 0, pieces };
}

/** A slot between two separators with nothing in it ("12++15", "+12", "()"). */
const EMPTY = Symbol('empty');
type Slot = AuNode | null | typeof EMPTY;

/** Tokens that end an item: what may follow a well-formed item. */
const BOUNDARY: ReadonlySet<TokenKind | 'end'> = new Set(['and', 'or', 'close', 'end']);

class Parser {
  private readonly source: string;
  private readonly tokens: readonly Token[];
  private index = 0;
  /** Per token: how it was read, and which piece it belongs to (neighbours with one group merge). */
  private readonly roles: AuPieceRole[];
  private readonly groups: number[];
  private nextGroup: number;

  constructor(source: string, tokens: readonly Token[]) {
    this.source = source;
    this.tokens = tokens;
    this.roles = tokens.map((t) => initialRole(t.kind));
    this.groups = tokens.map((_, i) => i);
    this.nextGroup = tokens.length;
  }

  parseCell(): AuNode | null {
    const root = this.parseChoice();
    // Unreachable with balanced parentheses, but a parser that never loses text must not assume.
    if (this.peekKind() !== 'end') {
      this.markUnparsed(this.index, this.tokens.length - 1);
      this.index = this.tokens.length;
    }
    return root === EMPTY ? null : root;
  }

  pieces(): AuPiece[] {
    const pieces: AuPiece[] = [];
    this.tokens.forEach((token, i) => {
      const role = this.roles[i] ?? 'unparsed';
      const last = pieces[pieces.length - 1];
      if (last && last.role === role && this.groups[i] === this.groups[i - 1]) {
        pieces[pieces.length - 1] = { ...last, end: token.end, text: this.source.slice(last.start, token.end) };
      } else {
        pieces.push({ role, start: token.start, end: token.end, text: this.source.slice(token.start, token.end) });
      }
    });
    return pieces;
  }

  /** choice := set ("or" set)* */
  private parseChoice(): Slot {
    return this.parseList('or', () => this.parseSet(), (options) => ({ kind: 'any', options }));
  }

  /** set := item ("+" item)* */
  private parseSet(): Slot {
    return this.parseList('and', () => this.parseItem(), (items) => ({ kind: 'all', items }));
  }

  /**
   * Slots separated by `separator`. A separator next to an empty slot is itself unreadable and is
   * reported; slots that held only unreadable text drop out; one survivor stands alone.
   */
  private parseList(separator: TokenKind, parseSlot: () => Slot, build: (nodes: AuNode[]) => AuNode): Slot {
    const slots: Slot[] = [parseSlot()];
    const separators: number[] = [];
    while (this.peekKind() === separator) {
      separators.push(this.index);
      this.index += 1;
      slots.push(parseSlot());
    }
    slots.forEach((slot, i) => {
      const next = separators[i] ?? separators[i - 1];
      if (slot === EMPTY && next !== undefined) this.markUnparsed(next, next);
    });
    const nodes = slots.filter((s): s is AuNode => s !== null && s !== EMPTY);
    if (nodes.length > 1) return build(nodes);
    if (nodes.length === 1) return nodes[0] ?? null;
    return slots.every((s) => s === EMPTY) && separators.length === 0 ? EMPTY : null;
  }

  /** item := code | "?" | words | "(" choice ")" | "ref(" choice ")" — or unreadable text. */
  private parseItem(): Slot {
    const kind = this.peekKind();
    if (BOUNDARY.has(kind)) return EMPTY;
    const start = this.index;
    const token = this.tokens[start];
    let node: AuNode | null = null;
    if (token?.kind === 'au' && token.code) {
      node = token.code;
      this.index += 1;
    } else if (kind === 'unknown') {
      node = { kind: 'unknown' };
      this.index += 1;
    } else if (kind === 'word') {
      node = this.parseText();
    } else if (kind === 'open' || kind === 'ref') {
      this.index += 1;
      const inner = this.parseChoice();
      // The matching ")": the lexer balanced the parentheses, so it is next.
      if (this.peekKind() === 'close') this.index += 1;
      if (inner === EMPTY || inner === null) this.markUnparsed(start, this.index - 1);
      else node = kind === 'ref' ? { kind: 'ref', body: inner } : inner;
    }
    // Junk, or an item followed by something that is not a separator ("12 15", "12x", "4 soft").
    if (node === null || !BOUNDARY.has(this.peekKind())) {
      this.recoverFrom(start);
      return null;
    }
    return node;
  }

  /** Free text: words separated only by whitespace, kept verbatim from first to last letter. */
  private parseText(): AuNode {
    const first = this.index;
    let last = this.index;
    this.index += 1;
    while (this.peekKind() === 'word') {
      last = this.index;
      this.index += 1;
    }
    const group = this.nextGroup++;
    for (let i = first; i <= last; i++) {
      this.roles[i] = 'text';
      this.groups[i] = group;
    }
    const text = this.source.slice(this.tokens[first]?.start ?? 0, this.tokens[last]?.end ?? 0);
    return { kind: 'text', text };
  }

  /** Everything from `start` up to the next separator outside parentheses is unreadable. */
  private recoverFrom(start: number): void {
    let depth = 0;
    let last = start;
    let i = start;
    for (; i < this.tokens.length; i++) {
      const kind = this.tokens[i]?.kind;
      if (depth === 0 && (kind === 'and' || kind === 'or' || kind === 'close')) break;
      if (kind === 'open' || kind === 'ref') depth += 1;
      if (kind === 'close') depth -= 1;
      if (kind !== 'space') last = i;
    }
    this.markUnparsed(start, last);
    this.index = i;
  }

  private markUnparsed(from: number, to: number): void {
    const group = this.nextGroup++;
    for (let i = from; i <= to; i++) {
      this.roles[i] = 'unparsed';
      this.groups[i] = group;
    }
  }

  /** The kind of the next token that is not whitespace, moving past the whitespace. */
  private peekKind(): TokenKind | 'end' {
    while (this.tokens[this.index]?.kind === 'space') this.index += 1;
    return this.tokens[this.index]?.kind ?? 'end';
  }
}

function initialRole(kind: TokenKind): AuPieceRole {
  switch (kind) {
    case 'word':
      return 'text';
    case 'junk':
      return 'unparsed';
    default:
      return kind;
  }
}
