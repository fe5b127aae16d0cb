import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHEETS_DIR } from '../domain/real-sheets';

/**
 * Damaged copies of the real label sheets: bytes flipped, cut or inserted (in the file, or in one
 * XML part inside the .xlsx zip), and cells shuffled or overwritten with quotes, newlines, huge
 * numbers and unicode, saved as .xlsx or .csv.
 */

export const realSheets = {
  casme2: { file: 'CASME2-coding-20140508.xlsx', tab: 'Sheet1' },
  samm: { file: 'SAMM_Micro_FACS_Codes_v2.xlsx', tab: 'MICRO_ONLY' },
} as const;
export type RealSheet = keyof typeof realSheets;

const bytesOf = (sheet: RealSheet): Buffer => readFileSync(path.join(SHEETS_DIR, realSheets[sheet].file));

/** The zip reader and writer SheetJS ships (typed `any` there). */
interface ZipEntry {
  content: Uint8Array;
}
interface Zip {
  FullPaths: string[];
  FileIndex: ZipEntry[];
}
const CFB = XLSX.CFB as { read(data: Buffer, o: { type: 'buffer' }): Zip; write(zip: Zip, o: { type: 'buffer'; fileType: 'zip' }): Buffer };

export interface ByteMutation {
  kind: 'flip' | 'truncate' | 'insert';
  /** Where, as a fraction of the length. */
  at: number;
  bytes: Uint8Array;
}

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.record({
  kind: fc.constantFrom('flip' as const, 'truncate' as const, 'insert' as const),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }),
});

export function mutateBytes(data: Uint8Array, m: ByteMutation): Buffer {
  const at = Math.min(data.length, Math.floor(m.at * data.length));
  const copy = Buffer.from(data);
  switch (m.kind) {
    case 'flip':
      m.bytes.forEach((b, i) => {
        if (at + i < copy.length) copy[at + i] = copy[at + i]! ^ (b || 1);
      });
      return copy;
    case 'truncate':
      return copy.subarray(0, at);
    case 'insert':
      return Buffer.concat([copy.subarray(0, at), Buffer.from(m.bytes), copy.subarray(at)]);
  }
}

/** The real sheet's file with its bytes damaged. */
export function damagedFile(sheet: RealSheet, mutations: readonly ByteMutation[]): Buffer {
  return mutations.reduce<Buffer>((data, m) => mutateBytes(data, m), bytesOf(sheet));
}

/** The real sheet with one XML part damaged and zipped again: the zip is sound, its content is not. */
export function damagedPart(sheet: RealSheet, part: number, mutations: readonly ByteMutation[]): Buffer {
  const zip = CFB.read(bytesOf(sheet), { type: 'buffer' });
  const parts = zip.FullPaths.map((p, i) => ({ p, i })).filter(({ p }) => p.endsWith('.xml'));
  const { i } = parts[part % parts.length]!;
  const entry = zip.FileIndex[i]!;
  entry.content = mutations.reduce<Buffer>((data, m) => mutateBytes(data, m), Buffer.from(entry.content));
  return CFB.write(zip, { type: 'buffer', fileType: 'zip' });
}

/** The real sheet whose worksheet claims the largest range a sheet can have (A1:XFD1048576). */
export function hugeDimensionSheet(sheet: RealSheet): Buffer {
  const zip = CFB.read(bytesOf(sheet), { type: 'buffer' });
  for (const [i, p] of zip.FullPaths.entries()) {
    if (!/worksheets\/sheet\d+\.xml$/.test(p)) continue;
    const entry = zip.FileIndex[i]!;
    entry.content = Buffer.from(Buffer.from(entry.content).toString('utf8').replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:XFD1048576"'));
  }
  return CFB.write(zip, { type: 'buffer', fileType: 'zip' });
}

/** Cell values that have broken sheet readers. */
const hostileCells = [
  '"', '""', '"quoted, with comma"', 'a\nb', '\r\n', '\n\n\n', ',', ';', '\t', '99999999999999999999999', '1e308', '-1e308', '9007199254740993',
  '-0', '46.0', '46.5', '0x2E', ' 46 ', '', '/', '-1', '😀', '\u202e\u0644', '\ufeffSubject', 'Ｓｕｂｊｅｃｔ', 'ÉP02_01f', '眼', '\ud800',
  '=HYPERLINK("http://x","y")', '<script>alert(1)</script>', '(((((((((((12)))))))))))', `${'('.repeat(4000)}12${')'.repeat(4000)}`,
  'R14A or 17A or 24A', 'x'.repeat(32000), 'OnsetFrame', 'Subject', 'happiness', 'others',
];

export type CellMutation =
  | { op: 'set'; row: number; col: number; value: string }
  | { op: 'shuffle-row'; row: number; seed: number }
  | { op: 'swap-rows'; a: number; b: number }
  | { op: 'delete-row'; row: number }
  | { op: 'duplicate-row'; row: number }
  | { op: 'truncate'; rows: number };

export const cellMutation: fc.Arbitrary<CellMutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), row: fc.nat(300), col: fc.nat(20), value: fc.oneof(fc.constantFrom(...hostileCells), fc.string({ maxLength: 20 }), fc.double().map(String)) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shuffle-row' as const), row: fc.nat(300), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap-rows' as const), a: fc.nat(300), b: fc.nat(300) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete-row' as const), row: fc.nat(300) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate-row' as const), row: fc.nat(300) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), rows: fc.nat(300) }) },
);

/** The importer's tab of a real sheet as rows of cell values (numbers stay numbers). */
export function realGrid(sheet: RealSheet): (string | number)[][] {
  const book = XLSX.read(bytesOf(sheet), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets[realSheets[sheet].tab]!, { header: 1, raw: true, defval: '' });
}

export function mutateCells(grid: readonly (readonly (string | number)[])[], mutations: readonly CellMutation[]): (string | number)[][] {
  const rows = grid.map((r) => [...r]);
  const pick = (n: number) => (rows.length === 0 ? -1 : n % rows.length);
  for (const m of mutations) {
    if (m.op === 'truncate') rows.length = Math.min(rows.length, m.rows);
    if (rows.length === 0) break;
    if (m.op === 'set') {
      const row = rows[pick(m.row)]!;
      while (row.length <= m.col) row.push('');
      row[m.col] = m.value;
    } else if (m.op === 'shuffle-row') {
      const row = rows[pick(m.row)]!;
      for (let i = row.length - 1; i > 0; i--) {
        const j = (m.seed + i * 7919) % (i + 1);
        [row[i], row[j]] = [row[j]!, row[i]!];
      }
    } else if (m.op === 'swap-rows') {
      const [a, b] = [pick(m.a), pick(m.b)];
      [rows[a], rows[b]] = [rows[b]!, rows[a]!];
    } else if (m.op === 'delete-row') rows.splice(pick(m.row), 1);
    else if (m.op === 'duplicate-row') rows.splice(pick(m.row), 0, [...rows[pick(m.row)]!]);
  }
  return rows;
}

/** A grid saved as .xlsx (cells keep their types) or .csv (SheetJS's writer, quoting as Excel does). */
export function saveGrid(rows: (string | number)[][], as: 'xlsx' | 'csv'): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return as === 'xlsx' ? (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer) : Buffer.from(XLSX.write(book, { type: 'string', bookType: 'csv' }) as string, 'utf8');
}
