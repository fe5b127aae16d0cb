import path from 'node:path';
import { DatasetError } from '../errors';
import type { SheetGrid, Workbook } from './read-workbook';

/** How far down a header row may be (SAMM v2 has it on row 14, SAMM Long Videos on row 10). */
const headerSearchRows = 60;

/** The comparable form of a header cell: "Onset Frame", "OnsetFrame" and "onset_frame" are one. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A field a format reads, with the header spellings that name it (as header keys, preferred first). */
export interface FieldSpec<F extends string = string> {
  field: F;
  /** How the report names the column when it is missing, e.g. "OnsetFrame". */
  label: string;
  keys: readonly string[];
  required: boolean;
}

export interface DataRow {
  /** Spreadsheet row number (1-based). */
  row: number;
  cells: string[];
}

export interface SheetTable<F extends string = string> {
  tab: string;
  /** Spreadsheet row number of the header; null for a headerless sheet. */
  headerRow: number | null;
  /** Field → column index, for the fields found. */
  columns: Partial<Record<F, number>>;
  /** Field → the header as written (for the report). */
  headers: Partial<Record<F, string>>;
  rows: DataRow[];
  /** Rows without any value between the header and the last data row (ignored). */
  blankRows: number;
  /** Rows above the header (notes blocks such as SAMM's). */
  rowsAbove: number;
}

export function cellOf<F extends string>(table: SheetTable<F>, row: DataRow, field: F): string {
  const index = table.columns[field];
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
}

function dataRows(grid: SheetGrid, from: number): { rows: DataRow[]; blankRows: number } {
  const rows: DataRow[] = [];
  let blank = 0;
  let pendingBlank = 0;
  for (let i = from; i < grid.rows.length; i++) {
    const cells = grid.rows[i]!;
    if (cells.every((c) => c.trim() === '')) {
      pendingBlank++;
      continue;
    }
    blank += pendingBlank;
    pendingBlank = 0;
    rows.push({ row: i + 1, cells });
  }
  return { rows, blankRows: blank };
}

/** Column index per field for one header row; which required fields it lacks. */
function matchHeader<F extends string>(cells: readonly string[], specs: readonly FieldSpec<F>[]) {
  const keys = cells.map(headerKey);
  const columns: Partial<Record<F, number>> = {};
  const headers: Partial<Record<F, string>> = {};
  const taken = new Set<number>();
  for (const spec of specs) {
    for (const key of spec.keys) {
      const index = keys.findIndex((k, i) => k === key && !taken.has(i));
      if (index >= 0) {
        columns[spec.field] = index;
        headers[spec.field] = cells[index]!.trim();
        taken.add(index);
        break;
      }
    }
  }
  const missing = specs.filter((s) => s.required && columns[s.field] === undefined);
  return { columns, headers, missing, found: specs.length - specs.filter((s) => columns[s.field] === undefined).length };
}

export interface HeaderCandidate {
  grid: SheetGrid;
  /** 0-based index of the header row in the grid. */
  index: number;
  /** The header row's cells as header keys. */
  keys: string[];
}

/**
 * Rows that look like the header of a micro-expression sheet (DATASETS.md A.0 rule 5: found by
 * content, never by a fixed skip count): a cell "Subject" plus onset and offset columns. The first
 * such row of each tab.
 */
export function headerCandidates(book: Workbook, onsetKeys: readonly string[], offsetKeys: readonly string[]): HeaderCandidate[] {
  const found: HeaderCandidate[] = [];
  for (const grid of book.sheets) {
    const limit = Math.min(grid.rows.length, headerSearchRows);
    for (let i = 0; i < limit; i++) {
      const keys = grid.rows[i]!.map(headerKey);
      if (keys.includes('subject') && keys.some((k) => onsetKeys.includes(k)) && keys.some((k) => offsetKeys.includes(k))) {
        found.push({ grid, index: i, keys });
        break;
      }
    }
  }
  return found;
}

/** The table of a known header row. */
export function tableAt<F extends string>(grid: SheetGrid, index: number, specs: readonly FieldSpec<F>[]): SheetTable<F> {
  const { columns, headers } = matchHeader(grid.rows[index]!, specs);
  const { rows, blankRows } = dataRows(grid, index + 1);
  return { tab: grid.name, headerRow: index + 1, columns, headers, rows, blankRows, rowsAbove: index };
}

/**
 * Finds the header row of a sheet for the given fields: the first row, on any tab, that names
 * every required field. When none does, the error says which columns the closest row lacks.
 */
export function readTable<F extends string>(book: Workbook, specs: readonly FieldSpec<F>[], what: string): SheetTable<F> {
  const name = path.basename(book.file);
  let closest: { grid: SheetGrid; index: number; missing: FieldSpec<F>[]; found: number } | undefined;
  for (const grid of book.sheets) {
    const limit = Math.min(grid.rows.length, headerSearchRows);
    for (let i = 0; i < limit; i++) {
      const match = matchHeader(grid.rows[i]!, specs);
      if (match.missing.length === 0) return tableAt(grid, i, specs);
      if (match.found >= 2 && (!closest || match.found > closest.found)) closest = { grid, index: i, missing: match.missing, found: match.found };
    }
  }
  if (closest) {
    const header = closest.grid.rows[closest.index]!.filter((c) => c.trim() !== '').map((c) => `"${c.trim()}"`).join(', ');
    throw new DatasetError(
      `${name}: the header row (row ${closest.index + 1} of tab "${closest.grid.name}") has no ${closest.missing.map((m) => `"${m.label}"`).join(', ')} column, which ${what} needs; it has ${header}`,
    );
  }
  throw new DatasetError(
    `${name}: no header row found for ${what} (looked in the first ${headerSearchRows} rows of ${book.sheets.map((s) => `"${s.name}"`).join(', ')} for a row naming ${specs.filter((s) => s.required).map((s) => `"${s.label}"`).join(', ')})`,
  );
}

/** Column "C" or "3" → index 2. */
export function columnIndex(ref: string): number | null {
  const text = ref.trim().toUpperCase();
  if (/^\d+$/.test(text)) return Number(text) >= 1 ? Number(text) - 1 : null;
  if (!/^[A-Z]{1,3}$/.test(text)) return null;
  return [...text].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
}

/**
 * A sheet without a header row (CAS(ME)² `CASFEcode_final`): every non-empty row of the first
 * tab with values is data, and the columns are known by position.
 */
export function readHeaderlessTable<F extends string>(book: Workbook, positions: Partial<Record<F, number>>): SheetTable<F> {
  const grid = book.sheets.find((s) => s.rows.some((r) => r.length > 0))!;
  const { rows, blankRows } = dataRows(grid, 0);
  const headers: Partial<Record<F, string>> = {};
  for (const [field, index] of Object.entries(positions) as [F, number][]) headers[field] = `column ${index + 1}`;
  return { tab: grid.name, headerRow: null, columns: positions, headers, rows, blankRows, rowsAbove: 0 };
}
