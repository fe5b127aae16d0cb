import { describe, expect, it } from 'vitest';
import { auNumbers, listAuCodes, parseAus, printAus, unknownAuNumbers, type AuNode, type AuParse } from '../../../src/shared/domain/facs';
import { casme2Sheet, sammSheet, type SheetColumns } from '../real-sheets';

/**
 * Every Action Units cell of the real CASME II and SAMM sheets must be read whole, and print back
 * as the cell itself up to the documented normalisations (spaces around "+", one space around "or").
 */
function loose(cell: string): string {
  return cell
    .trim()
    .replace(/\s*\+\s*/g, '+')
    .replace(/\s+or\s+/gi, ' or ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')');
}

const KIND_NAMES: Readonly<Record<AuNode['kind'], string>> = {
  au: 'code',
  unknown: 'lone ?',
  text: 'free text',
  ref: 'ref(...)',
  all: 'set (+)',
  any: 'choice (or)',
};

/** The notation features a cell uses, for the counts printed below. */
function featuresOf(parse: AuParse): Set<string> {
  const seen = new Set<string>();
  const visit = (node: AuNode): void => {
    seen.add(KIND_NAMES[node.kind]);
    if (node.kind === 'ref') visit(node.body);
    if (node.kind === 'all') node.items.forEach(visit);
    if (node.kind === 'any') node.options.forEach(visit);
  };
  if (parse.root !== null) visit(parse.root);
  for (const { code } of listAuCodes(parse)) {
    for (const side of code.sides) seen.add(`side ${side}`);
    if (code.sides.length > 1) seen.add('side alternatives (A/L)');
    if (code.intensities.length > 0) seen.add('intensity');
    if (code.intensities.length > 1) seen.add('intensity alternatives (A/B)');
    if (code.uncertain) seen.add('uncertain (12?)');
  }
  if (auNumbers(parse).length === 0) seen.add('no AU counts for agreement');
  return seen;
}

interface ColumnReport {
  readonly cells: number;
  readonly numeric: number;
  readonly ok: number;
  readonly flagged: readonly string[];
  /** Feature → number of cells using it. */
  readonly features: ReadonlyMap<string, number>;
}

function checkColumn(sheet: SheetColumns, column: string, expectedRows: number): ColumnReport {
  const cells = sheet.rows.map((row) => row[column]);
  expect(cells).toHaveLength(expectedRows);
  const features = new Map<string, number>();
  const distinct = new Set<string>();
  const flagged: string[] = [];
  let ok = 0;
  for (const cell of cells) {
    expect(typeof cell === 'number' || typeof cell === 'string', `cell ${String(cell)}`).toBe(true);
    const raw = cell as string | number;
    distinct.add(String(raw));
    const parse = parseAus(raw);
    if (!parse.ok) {
      flagged.push(`${JSON.stringify(raw)} → ${JSON.stringify(parse.unparsed)}`);
      continue;
    }
    ok += 1;
    expect(printAus(parse)).toBe(loose(String(raw)));
    expect(unknownAuNumbers(parse), `AU numbers FACS does not define in ${String(raw)}`).toEqual([]);
    for (const feature of featuresOf(parse)) features.set(feature, (features.get(feature) ?? 0) + 1);
  }
  const numeric = cells.filter((c) => typeof c === 'number').length;
  const summary = { cells: cells.length, numeric, text: cells.length - numeric, distinct: distinct.size, ok, flagged: flagged.length };
  console.log(`${sheet.file} "${column}": ${JSON.stringify(summary)}`);
  console.log(`  cells using each feature: ${JSON.stringify(Object.fromEntries([...features].sort()))}`);
  expect(flagged, 'cells not read whole').toEqual([]);
  return { cells: cells.length, numeric, ok, flagged, features };
}

describe('the AU cells of the real sheets', () => {
  it('reads every CASME II 20140508 cell (133 numbers, 122 texts)', () => {
    const report = checkColumn(casme2Sheet(), 'Action Units', 255);
    // As DATASETS.md A.1 measured: 133 number cells, 5 "?" cells, 49 cells with an L/R side.
    expect(report.numeric).toBe(133);
    expect(report.features.get('lone ?')).toBe(5);
    const sided = casme2Sheet().rows.filter((row) => /[LR]\d/.test(String(row['Action Units'])));
    expect(sided).toHaveLength(49);
  });

  it('reads every SAMM v2 MICRO_ONLY cell', () => {
    const sheet = sammSheet();
    checkColumn(sheet, 'Action Units', 159);
    const cell = (filename: string): unknown => sheet.rows.find((row) => row['Filename'] === filename)?.['Action Units'];
    // Spot checks of the rich notation against what the cells mean.
    expect(auNumbers(parseAus(cell('007_6_1') as string))).toEqual([15]); // (R6 or R12)+R15
    expect(auNumbers(parseAus(cell('010_2_1') as string))).toEqual([43]); // ref(7B)+43
    expect(auNumbers(parseAus(cell('035_7_2') as string), 'union')).toEqual([14, 17, 24]); // R14A or 17A or 24A
  });
});
