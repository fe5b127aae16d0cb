import {
  FACS_CODES,
  facsCode,
  listAuCodes,
  parseAus,
  printAuCode,
  printAuNode,
  printAus,
  unknownAuNumbers,
  type AuCode,
  type AuCodeEntry,
  type AuNode,
  type AuParse,
  type FacsCode,
  type Intensity,
  type SideMarker,
} from '../../../shared/domain/facs';

/**
 * The structured AU editor works on the notation text (the one thing that is stored): it reads
 * it with `parseAus`, edits a flat "+" set code by code, and writes it back with the printer.
 * Anything richer ("or", "ref(...)", free text) stays editable as text.
 */

/** '' is bilateral (no marker), the FACS default. */
export type SideChoice = '' | 'L' | 'R' | 'U' | 'A';
export const sideChoices: readonly { value: SideChoice; label: string }[] = [
  { value: '', label: 'Bilateral' },
  { value: 'L', label: 'Left (L)' },
  { value: 'R', label: 'Right (R)' },
  { value: 'U', label: 'Unilateral (U)' },
  { value: 'A', label: 'Asymmetric (A)' },
];
export const intensityChoices: readonly ('' | Intensity)[] = ['', 'A', 'B', 'C', 'D', 'E'];

export interface AuReading {
  parse: AuParse;
  /** The codes of a flat "+" set, editable one by one; null when the notation is richer or unread. */
  rows: AuCode[] | null;
  /** Every code written, with its place ("or" option, reference), for the chips. */
  entries: AuCodeEntry[];
  /** Things worth a second look that still read fine: free text, numbers FACS does not define. */
  warnings: string[];
  /** The canonical notation (`printAus`). */
  printed: string;
}

function flatCodes(root: AuNode | null): AuCode[] | null {
  if (root === null) return [];
  if (root.kind === 'au') return [root];
  if (root.kind === 'all' && root.items.every((item) => item.kind === 'au')) return root.items as AuCode[];
  return null;
}

function textsIn(node: AuNode | null): string[] {
  if (node === null) return [];
  switch (node.kind) {
    case 'text':
      return [node.text];
    case 'ref':
      return textsIn(node.body);
    case 'all':
      return node.items.flatMap(textsIn);
    case 'any':
      return node.options.flatMap(textsIn);
    default:
      return [];
  }
}

export function readAus(text: string): AuReading {
  const parse = parseAus(text);
  const warnings = [
    ...textsIn(parse.root).map((t) => `“${t}” is not an AU code; it is kept as free text`),
    ...unknownAuNumbers(parse).map((n) => `${n} is not a FACS code`),
  ];
  return { parse, rows: parse.ok ? flatCodes(parse.root) : null, entries: listAuCodes(parse), warnings, printed: printAus(parse) };
}

/** A single code typed in the picker ("12", "R12B", "AU4?"), or null. */
export function codeFromQuery(query: string): AuCode | null {
  const parse = parseAus(query.trim());
  return parse.ok && parse.root?.kind === 'au' ? parse.root : null;
}

const printRows = (rows: readonly AuCode[]): string => rows.map(printAuCode).join('+');

/** Adds a code at the end; a richer notation becomes one item of a "+" set. */
export function addCode(text: string, code: AuCode): string {
  const parse = parseAus(text);
  if (!parse.ok) return text.trim() === '' ? printAuCode(code) : `${text.trim()}+${printAuCode(code)}`;
  const root = parse.root;
  if (root === null) return printAuCode(code);
  const items: AuNode[] = root.kind === 'all' ? [...root.items, code] : [root, code];
  return printAuNode({ kind: 'all', items });
}

/** Replaces the row `index` of a flat set; null when the notation is not one. */
export function setRow(text: string, index: number, code: AuCode): string | null {
  const rows = readAus(text).rows;
  if (rows === null || index < 0 || index >= rows.length) return null;
  return printRows(rows.map((row, i) => (i === index ? code : row)));
}

export function removeRow(text: string, index: number): string | null {
  const rows = readAus(text).rows;
  if (rows === null || index < 0 || index >= rows.length) return null;
  return printRows(rows.filter((_, i) => i !== index));
}

/** The side as one choice, or null for what the choices cannot say ("A/L", T, B). */
export function sideOf(code: AuCode): SideChoice | null {
  if (code.sides.length === 0) return '';
  const [side] = code.sides;
  return code.sides.length === 1 && side !== undefined && ['L', 'R', 'U', 'A'].includes(side) ? (side as SideChoice) : null;
}

export function withSide(code: AuCode, side: SideChoice): AuCode {
  return { ...code, sides: side === '' ? [] : [side as SideMarker] };
}

export function intensityOf(code: AuCode): '' | Intensity | null {
  if (code.intensities.length === 0) return '';
  return code.intensities.length === 1 ? (code.intensities[0] ?? null) : null;
}

export function withIntensity(code: AuCode, intensity: '' | Intensity): AuCode {
  return { ...code, intensities: intensity === '' ? [] : [intensity] };
}

export function newCode(au: number): AuCode {
  return { kind: 'au', au, sides: [], intensities: [], uncertain: false };
}

/**
 * FACS codes for what was typed: by number ("1" → AU1, AU10…, "R12B" → AU12) or by words of the
 * name ("brow" → inner brow raiser, …), best first.
 */
export function suggestAus(query: string, limit = 8): FacsCode[] {
  const q = query.trim().toLowerCase().replace(/^au\s*/, '');
  if (q === '') return FACS_CODES.filter((c) => c.kind === 'action-unit').slice(0, limit);
  const numeric = /^(?:[lruatb](?:\/[lruatb])*)?(\d{1,2})/.exec(q);
  if (numeric?.[1]) {
    const digits = numeric[1];
    const exact = facsCode(Number(digits));
    const rest = FACS_CODES.filter((c) => String(c.au).startsWith(digits) && c.au !== exact?.au);
    return [...(exact ? [exact] : []), ...rest].slice(0, limit);
  }
  const words = q.split(/\s+/);
  // Muscle movements first; visibility, head and gross-behaviour codes after them.
  const rank = (c: FacsCode) => (c.kind === 'action-unit' || c.kind === 'action-descriptor' ? 0 : 1);
  const score = (c: FacsCode): number => {
    const name = `${c.name} ${c.formerName ?? ''}`.toLowerCase();
    if (!words.every((w) => name.includes(w))) return -1;
    return name.startsWith(words[0] ?? '') ? 2 : name.split(' ').some((part) => part.startsWith(words[0] ?? '')) ? 1 : 0;
  };
  return FACS_CODES.map((c) => ({ c, s: score(c) }))
    .filter((x) => x.s >= 0)
    .sort((x, y) => rank(x.c) - rank(y.c) || y.s - x.s || x.c.au - y.c.au)
    .slice(0, limit)
    .map((x) => x.c);
}

/** The code to add for what was typed, given the suggestion highlighted in the list. */
export function codeToAdd(query: string, highlighted: FacsCode | undefined): AuCode | null {
  const typed = codeFromQuery(query);
  // "R12B" keeps its side and intensity; "brow" takes the highlighted suggestion.
  if (typed && (!highlighted || highlighted.au === typed.au)) return typed;
  return highlighted ? newCode(highlighted.au) : typed;
}
