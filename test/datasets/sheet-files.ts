import * as XLSX from '@e965/xlsx';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readSheet } from '../domain/real-sheets';

export type CellValue = string | number | null;

/**
 * Writes a workbook whose cells keep the given types (a string stays a text cell, a number a
 * numeric cell), as the real sheets mix them: `.xlsx`, or `.xls` (BIFF8) by the file's extension.
 */
export function writeWorkbook(file: string, tabs: Record<string, CellValue[][]>): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(tabs)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  const bookType = path.extname(file).toLowerCase() === '.xls' ? 'biff8' : 'xlsx';
  writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
  return file;
}

export const casmeHeader2014: CellValue[] = ['Subject', 'Filename', null, 'OnsetFrame', 'ApexFrame', 'OffsetFrame', null, 'Action Units', 'Estimated Emotion'];

/** A real CASME II row as the sheet stores it (numbers stay numbers). */
export interface CasmeRow {
  subject: string;
  clip: string;
  onset: number;
  apex: number | string;
  offset: number;
  aus: number | string;
  emotion: string;
}

/** Rows of the real CASME II 20140508 sheet, by subject and clip. */
export function realCasmeRows(keys: readonly [string, string][]): CasmeRow[] {
  const sheet = readSheet('CASME2-coding-20140508.xlsx');
  return keys.map(([subject, clip]) => {
    const row = sheet.rows.find((r) => r['Subject'] === subject && r['Filename'] === clip);
    if (!row) throw new Error(`CASME II has no row ${subject}/${clip}`);
    return {
      subject,
      clip,
      onset: row['OnsetFrame'] as number,
      apex: row['ApexFrame'] as number | string,
      offset: row['OffsetFrame'] as number,
      aus: row['Action Units'] as number | string,
      emotion: row['Estimated Emotion'] as string,
    };
  });
}

export function casmeSheetRows(rows: readonly CasmeRow[], objective?: readonly number[]): CellValue[][] {
  const header = objective ? [...casmeHeader2014, 'Objective Classes'] : casmeHeader2014;
  return [header, ...rows.map((r, i) => [r.subject, r.clip, null, r.onset, r.apex, r.offset, null, r.aus, r.emotion, ...(objective ? [objective[i] ?? 7] : [])])];
}
