import type { AuCode, AuNode, AuParse, SideMarker } from './au-model';
import { facsCode } from './au-table';

/**
 * How `auNumbers` counts an "or":
 * - `common` (default): only the AUs every option has. "(R6 or R12)+R15" → {15};
 *   "R14A or 17A or 24A" → {}. What counts for agreement is what the coder asserted, and an
 *   option is not an assertion; a coder who wrote "12 or 14" and one who wrote "12" then differ
 *   on 12, which is honest.
 * - `union`: every AU any option names ("(R6 or R12)+R15" → {6, 12, 15}), which is what loaders
 *   that keep every number do (meb, carf_net); useful for "could this AU be present" searches.
 * Side and intensity alternatives ("A/L12", "10A/B") never matter here: the AU is the same.
 */
export type AlternativePolicy = 'common' | 'union';

/**
 * The AU numbers that count for agreement, ascending: codes in a "ref(...)" are left out (coded
 * for reference, not part of the event), uncertain codes ("12?") count (the coder did code them),
 * a lone "?" and free text add nothing.
 */
export function auNumbers(parse: AuParse | AuNode | null, policy: AlternativePolicy = 'common'): number[] {
  const root = parse !== null && 'source' in parse ? parse.root : parse;
  if (root === null) return [];
  return [...numbersIn(root, policy)].sort((a, b) => a - b);
}

function numbersIn(node: AuNode, policy: AlternativePolicy): Set<number> {
  switch (node.kind) {
    case 'au':
      return new Set([node.au]);
    case 'unknown':
    case 'text':
    case 'ref':
      return new Set();
    case 'all':
      return new Set(node.items.flatMap((item) => [...numbersIn(item, policy)]));
    case 'any': {
      const sets = node.options.map((option) => numbersIn(option, policy));
      if (policy === 'union') return new Set(sets.flatMap((s) => [...s]));
      const [first = new Set<number>(), ...rest] = sets;
      return new Set([...first].filter((au) => rest.every((s) => s.has(au))));
    }
  }
}

/** One code of a cell with where it stood, in source order: the rows of a per-AU table. */
export interface AuCodeEntry {
  readonly code: AuCode;
  /** Inside "ref(...)": coded for reference only. */
  readonly reference: boolean;
  /** Inside an option of an "or": one possibility among others. */
  readonly alternative: boolean;
}

export function listAuCodes(parse: AuParse | AuNode | null): AuCodeEntry[] {
  const root = parse !== null && 'source' in parse ? parse.root : parse;
  const entries: AuCodeEntry[] = [];
  const visit = (node: AuNode, reference: boolean, alternative: boolean): void => {
    switch (node.kind) {
      case 'au':
        entries.push({ code: node, reference, alternative });
        return;
      case 'ref':
        visit(node.body, true, alternative);
        return;
      case 'all':
        node.items.forEach((item) => visit(item, reference, alternative));
        return;
      case 'any':
        node.options.forEach((option) => visit(option, reference, true));
        return;
      default:
        return;
    }
  };
  if (root !== null) visit(root, false, false);
  return entries;
}

const SIDE_WORDS: Readonly<Record<SideMarker, string>> = {
  L: 'left',
  R: 'right',
  U: 'unilateral',
  A: 'asymmetric',
  // Meaning not stated by the sheets that use them (see SideMarker): say only what was written.
  T: 'marked T',
  B: 'marked B',
};

/**
 * Human text for one code: "AU12 lip corner puller, left, intensity B". Bilateral (no marker)
 * is not mentioned; alternatives read "asymmetric or left", "intensity A or B".
 */
export function describeAu(code: AuCode): string {
  const facs = facsCode(code.au);
  const parts = [facs ? `AU${code.au} ${facs.name}` : `AU${code.au} (not a FACS code)`];
  if (code.sides.length > 0) parts.push(code.sides.map((s) => SIDE_WORDS[s]).join(' or '));
  if (code.intensities.length > 0) parts.push(`intensity ${code.intensities.join(' or ')}`);
  if (code.uncertain) parts.push('uncertain');
  return parts.join(', ');
}

/** AU numbers in the cell that FACS does not define (a typo, or a code from another system). */
export function unknownAuNumbers(parse: AuParse | AuNode | null): number[] {
  const numbers = listAuCodes(parse).map((entry) => entry.code.au);
  return [...new Set(numbers.filter((au) => facsCode(au) === undefined))].sort((a, b) => a - b);
}
