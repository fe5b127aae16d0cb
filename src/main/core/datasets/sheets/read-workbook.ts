import * as XLSX from '@e965/xlsx';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatasetError } from '../errors';
import { zipDirectoryProblem } from './zip-directory';

/** One tab of a workbook: every cell as the text a spreadsheet shows, '' when empty. */
export interface SheetGrid {
  name: string;
  /** rows[i] is spreadsheet row i + 1; trailing empty cells are trimmed. */
  rows: string[][];
}

export interface Workbook {
  file: string;
  sha256: string;
  sheets: SheetGrid[];
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const cfbMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const maxBytes = 200 * 1024 * 1024;

/** Text a CSV could be: no NUL bytes, and almost no control characters, in the first 64 KB. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= head.length / 100;
}

function decodeText(bytes: Buffer): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // Not UTF-8 (replacement characters): an old Excel export in Windows-1252/Latin-1.
  const decoded = text.includes('\uFFFD') ? bytes.toString('latin1') : text;
  return decoded.replace(/^\uFEFF/, '');
}

/**
 * The text of a cell as the spreadsheet shows it, whatever its stored type (DATASETS.md A.0
 * rule 4): text stays text ('01' keeps its zero), a number becomes its digits (an AU cell
 * holding 12 becomes "12"; a custom "000" format shows "006").
 */
export function cellText(cell: XLSX.CellObject | undefined): string {
  if (cell === undefined || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 's') return String(cell.v);
  if (cell.t === 'n') {
    const shown = typeof cell.w === 'string' ? cell.w.trim() : '';
    // An integer shows as its digits: a zero-padded display format ("006") is kept, a thousands
    // separator ("5,562") is not. Other numbers show as the sheet formats them (566.4, not 566.4000000000001).
    if (typeof cell.v === 'number' && Number.isInteger(cell.v)) return /^0\d+$/.test(shown) ? shown : String(cell.v);
    return shown !== '' ? shown : String(cell.v);
  }
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (typeof cell.w === 'string') return cell.w;
  return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v as string | number);
}

function gridOf(name: string, sheet: XLSX.WorkSheet | undefined): SheetGrid {
  const ref = sheet?.['!ref'];
  if (sheet === undefined || ref === undefined) return { name, rows: [] };
  const range = XLSX.utils.decode_range(ref);
  const rows: string[][] = [];
  const dense = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'];
  // Walk the cells there are, not the whole range: a range of A1:XFD1048576 is 17 billion cells.
  const lastRow = dense ? Math.min(range.e.r, dense.length - 1) : range.e.r;
  for (let r = 0; r <= lastRow; r++) {
    const row: string[] = [];
    const lastColumn = dense ? Math.min(range.e.c, (dense[r]?.length ?? 0) - 1) : range.e.c;
    for (let c = 0; c <= lastColumn; c++) {
      const cell = dense ? dense[r]?.[c] : (sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined);
      row.push(r < range.s.r || c < range.s.c ? '' : cellText(cell));
    }
    while (row.length > 0 && row.at(-1)!.trim() === '') row.pop();
    rows.push(row);
  }
  return { name, rows };
}

/**
 * Reads an .xlsx, a legacy .xls or a .csv into rows of strings. A file that is none of these is
 * refused with a message naming it (SheetJS alone would read any bytes as a one-column "CSV").
 */
export function readWorkbook(file: string): Workbook {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new DatasetError(`${file} is a folder, not a label sheet`);
    if (statSync(file).size > maxBytes) throw new DatasetError(`${file} is over 200 MB; that is not a label sheet`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(`The label sheet ${file} does not exist or cannot be read`);
  }
  if (bytes.length === 0) throw new DatasetError(`The label sheet ${file} is empty`);
  const ext = path.extname(file).toLowerCase();
  let book: XLSX.WorkBook;
  try {
    const damage = startsWith(bytes, zipMagic) ? zipDirectoryProblem(bytes) : null;
    if (damage) throw new DatasetError(`${name} is not a readable spreadsheet: ${damage}`);
    if (startsWith(bytes, zipMagic) || startsWith(bytes, cfbMagic)) {
      // nodim: the range comes from the cells, not from the file's own claim of its dimension.
      book = XLSX.read(bytes, { type: 'buffer', cellDates: false, dense: true, nodim: true });
    } else if (looksLikeText(bytes)) {
      const text = decodeText(bytes);
      if ((ext === '.xlsx' || ext === '.xls') && !/^\s*</.test(text)) {
        throw new DatasetError(`${name} is named like an Excel workbook but is not one (it holds plain text); save it as .xlsx or .csv`);
      }
      // raw: CSV cells stay text ("01" keeps its zero, "4+7" is not a formula).
      book = XLSX.read(text, { type: 'string', raw: true, dense: true });
    } else {
      throw new DatasetError(`${name} is not a spreadsheet (.xlsx, .xls or .csv): it holds binary data that is neither`);
    }
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(`${name} is not a readable spreadsheet (.xlsx, .xls or .csv): ${(error as Error).message}`);
  }
  const sheets = book.SheetNames.map((n) => gridOf(n, book.Sheets[n]));
  if (sheets.every((s) => s.rows.every((r) => r.length === 0))) throw new DatasetError(`${name} has no cells with values`);
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), sheets };
}
