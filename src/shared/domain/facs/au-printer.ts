import type { AuCode, AuNode, AuParse } from './au-model';

/**
 * The canonical text of a parsed AU cell.
 *
 * For a cell read without error, the text is rebuilt from the tree, which normalises:
 * - whitespace: none around "+" or inside codes, exactly one space on each side of "or"; the
 *   text of a free-text item is kept verbatim (inner spaces included);
 * - case: side and intensity letters upper case ("l12b" → "L12B"), "or" and "ref" lower case;
 * - full-width forms: "，" "、" "＋" (and ",") become "+", "（" "）" "？" become "(" ")" "?";
 * - codes: an "AU" prefix is dropped ("AU12" → "12"), and leading zeros ("07" → "7");
 * - parentheses: only those the tree needs are written — around a set or choice inside a set,
 *   and around a choice inside a choice ("(R6 or R12)+R15" keeps them, "(12)+15" loses them);
 * - a number cell (12) prints as its digits ("12").
 * For a cell with anything unread (`ok: false`) the source is returned trimmed and otherwise
 * untouched: text we did not understand is not ours to rewrite.
 *
 * Either way, parseAus(printAus(p)) has the same root, unparsed and ok as p.
 */
export function printAus(parse: AuParse): string {
  if (!parse.ok) return parse.source.trim();
  return parse.root === null ? '' : printAuNode(parse.root);
}

export function printAuNode(node: AuNode): string {
  switch (node.kind) {
    case 'au':
      return printAuCode(node);
    case 'unknown':
      return '?';
    case 'text':
      return node.text;
    case 'ref':
      return `ref(${printAuNode(node.body)})`;
    case 'all':
      return node.items.map((item) => (item.kind === 'all' || item.kind === 'any' ? `(${printAuNode(item)})` : printAuNode(item))).join('+');
    case 'any':
      return node.options.map((option) => (option.kind === 'any' ? `(${printAuNode(option)})` : printAuNode(option))).join(' or ');
  }
}

export function printAuCode(code: AuCode): string {
  return `${code.sides.join('/')}${code.au}${code.intensities.join('/')}${code.uncertain ? '?' : ''}`;
}
