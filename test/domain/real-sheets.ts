import * as XLSX from '@e965/xlsx';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The real annotation sheets kept in shared/ beside the repository (CI clones main with shared/
 * beside it). MER_SHEETS_DIR points elsewhere when a checkout lives apart from shared/.
 */
export const SHEETS_DIR = process.env['MER_SHEETS_DIR'] ?? path.resolve(__dirname, '../../../shared/fixtures/sheets');

export interface SheetColumns {
  readonly file: string;
  /** One entry per data row: the raw cell values (numbers stay numbers), null for empty. */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/**
 * Reads one sheet, finding its header as importers must (DATASETS.md A.0 rule 5): the first row
 * whose first cell is "Subject". Rows with no value at all are skipped.
 */
export function readSheet(file: string, sheetName?: string): SheetColumns {
  const full = path.join(SHEETS_DIR, file);
  if (!existsSync(full)) throw new Error(`Real sheet not found: ${full} (set MER_SHEETS_DIR to the folder holding it)`);
  // XLSX.readFile fails under vitest, which loads the ESM build (no fs until set_fs): read bytes.
  const book = XLSX.read(readFileSync(full));
  const name = sheetName ?? book.SheetNames[0];
  const sheet = name === undefined ? undefined : book.Sheets[name];
  if (sheet === undefined) throw new Error(`${file} has no sheet ${sheetName ?? '(first)'}`);
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  const headerAt = grid.findIndex((row) => row[0] === 'Subject');
  const header = grid[headerAt];
  if (header === undefined) throw new Error(`${file}: no header row starting with "Subject"`);
  const rows = grid
    .slice(headerAt + 1)
    .filter((row) => row.some((cell) => cell !== null && cell !== ''))
    .map((row) => Object.fromEntries(header.map((title, i) => [String(title ?? `column ${i}`), row[i] ?? null])));
  return { file, rows };
}

export const casme2Sheet = (): SheetColumns => readSheet('CASME2-coding-20140508.xlsx');
export const sammSheet = (): SheetColumns => readSheet('SAMM_Micro_FACS_Codes_v2.xlsx', 'MICRO_ONLY');
