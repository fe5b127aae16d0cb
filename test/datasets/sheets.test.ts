import * as XLSX from '@e965/xlsx';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chooseSheetFormat } from '../../src/main/core/datasets/formats/index';
import { samm } from '../../src/main/core/datasets/formats/samm';
import { readWorkbook } from '../../src/main/core/datasets/sheets/read-workbook';
import { readTable } from '../../src/main/core/datasets/sheets/table';
import { SHEETS_DIR } from '../domain/real-sheets';
import { tempDir } from '../helpers/backend';
import { writeWorkbook } from './sheet-files';

const dir = tempDir('mer-sheets-');
const casmeFile = path.join(SHEETS_DIR, 'CASME2-coding-20140508.xlsx');
const sammFile = path.join(SHEETS_DIR, 'SAMM_Micro_FACS_Codes_v2.xlsx');
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('reading sheets: every cell as the text it shows', () => {
  test('CASME II 20140508: "01" keeps its zero, a numeric AU cell becomes "12", the blank header cells stay blank', () => {
    const book = readWorkbook(casmeFile);
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet2', 'Sheet3']);
    const [header, first] = book.sheets[0]!.rows;
    expect(header).toEqual(['Subject', 'Filename', '', 'OnsetFrame', 'ApexFrame', 'OffsetFrame', '', 'Action Units', 'Estimated Emotion']);
    expect(first).toEqual(['01', 'EP02_01f', '', '46', '59', '86', '', '12', 'happiness']);
    expect(book.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('SAMM v2: the header is found by content on row 14, below the notes block', () => {
    const table = readTable(readWorkbook(sammFile), samm.specs, 'SAMM');
    expect(table).toMatchObject({ tab: 'MICRO_ONLY', headerRow: 14, rowsAbove: 13 });
    expect(table.rows).toHaveLength(159);
    expect(table.rows[0]!.cells.slice(0, 6)).toEqual(['006', '006_1_2', '1', '5562', '5588', '5632']);
  });

  test('CSV cells stay text: leading zeros, AU strings, a leading "=" and a BOM', () => {
    const file = write('coding.csv', '\uFEFFSubject,Filename,OnsetFrame\r\n01,EP02_01f,046\r\n"007","=1+2",4+7\r\n');
    expect(readWorkbook(file).sheets[0]!.rows).toEqual([
      ['Subject', 'Filename', 'OnsetFrame'],
      ['01', 'EP02_01f', '046'],
      ['007', '=1+2', '4+7'],
    ]);
  });

  test('a legacy .xls (BIFF8) reads like the .xlsx: text stays text, numbers become their digits', () => {
    const file = writeWorkbook(path.join(dir, 'CASME2_label_Ver_2.xls'), { Sheet1: [['Subject', 'Filename', 'OnsetFrame', 'Action Units'], ['01', 'EP02_01f', 46, 12]] });
    expect(readWorkbook(file).sheets[0]!.rows).toEqual([
      ['Subject', 'Filename', 'OnsetFrame', 'Action Units'],
      ['01', 'EP02_01f', '46', '12'],
    ]);
  });

  test('a number formatted "000" shows its zeros, one formatted "#,##0" its plain digits, a fraction as the sheet shows it', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['Subject', 'Onset', 'Apex'], [6, 5562, 566.4000000000001]]);
    sheet['A2']!.z = '000';
    sheet['B2']!.z = '#,##0';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'MICRO_ONLY');
    const file = write('formatted.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(readWorkbook(file).sheets[0]!.rows[1]).toEqual(['006', '5562', '566.4']);
  });

  test('files that are not spreadsheets are refused with a message naming the file', () => {
    const png = path.join(dir, 'face.png');
    copyFileSync(path.resolve(__dirname, '../../../shared/fixtures/faces/astronaut.png'), png);
    const pngAsXlsx = path.join(dir, 'labels.xlsx');
    copyFileSync(png, pngAsXlsx);
    const folder = path.join(dir, 'a-folder.xlsx');
    mkdirSync(folder, { recursive: true });
    const cases: [string, RegExp][] = [
      [png, /face\.png is not a spreadsheet \(\.xlsx, \.xls or \.csv\)/],
      [pngAsXlsx, /labels\.xlsx is not a spreadsheet/],
      [write('notes.xlsx', 'just some notes\nnot a workbook\n'), /notes\.xlsx is named like an Excel workbook but is not one/],
      [write('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])), /broken\.xlsx is not a readable spreadsheet/],
      [write('empty.csv', ''), /empty\.csv is empty/],
      [path.join(dir, 'missing.xlsx'), /missing\.xlsx does not exist/],
      [folder, /a-folder\.xlsx is a folder/],
    ];
    for (const [file, message] of cases) expect(() => readWorkbook(file), file).toThrow(message);
  });
});

describe('recognising the dataset from its sheet', () => {
  test('the real sheets are CASME II and SAMM; a SAMM copy without the notes rows is SAMM too', () => {
    expect(chooseSheetFormat(readWorkbook(casmeFile), undefined, undefined, 50).format.id).toBe('casme2');
    const sammBook = readWorkbook(sammFile);
    expect(chooseSheetFormat(sammBook, undefined, undefined, 50).format.id).toBe('samm');
    const stripped = writeWorkbook(path.join(dir, 'SAMM.xlsx'), { MICRO_ONLY: sammBook.sheets[0]!.rows.slice(13) });
    const { format, table } = chooseSheetFormat(readWorkbook(stripped), undefined, undefined, 50);
    expect(format.id).toBe('samm');
    expect(table.headerRow).toBe(1);
    expect(table.rows).toHaveLength(159);
  });

  test('no recognisable header, a missing column, a spotting sheet: each says what is wrong', () => {
    const noHeader = writeWorkbook(path.join(dir, 'plain.xlsx'), { Sheet1: [['Name', 'Age'], ['a', 3]] });
    expect(() => chooseSheetFormat(readWorkbook(noHeader), undefined, undefined, 50)).toThrow(/plain\.xlsx: no recognisable header row/);
    const noApex = writeWorkbook(path.join(dir, 'no-apex.xlsx'), {
      Sheet1: [['Subject', 'Filename', 'OnsetFrame', 'OffsetFrame', 'Action Units', 'Estimated Emotion'], ['01', 'EP02_01f', 46, 86, 12, 'happiness']],
    });
    expect(() => chooseSheetFormat(readWorkbook(noApex), undefined, undefined, 50)).toThrow(
      /no-apex\.xlsx: the header row \(row 1 of tab "Sheet1"\) has no "ApexFrame" column, which CASME II needs/,
    );
    expect(() => chooseSheetFormat(readWorkbook(casmeFile), 'samm', undefined, 50)).toThrow(/CASME2-coding-20140508\.xlsx is a CASME II sheet, not SAMM: name casme2 as the format/);
    const longVideos = writeWorkbook(path.join(dir, 'SAMM_LongVideos_V1_Release.xlsx'), {
      FACS_Movement_Only: [['Subject', 'Filename', 'Inducement Code', 'Onset', 'Apex', 'Offset', 'Duration', 'Type', 'Action Units', 'Notes'], ['006', '006_1', 1, 566.4, -1, 600, 34, 'Macro', '12', '']],
    });
    expect(() => chooseSheetFormat(readWorkbook(longVideos), undefined, undefined, 50)).toThrow(/SAMM Long Videos \(spotting\) sheet/);
  });

  test('a headerless sheet (CAS(ME)²-style) is read by column position with the generic mapping', () => {
    const file = writeWorkbook(path.join(dir, 'CASFEcode_final.xlsx'), {
      CASFEcode_final: [
        [1, 'anger1_1', 557, 572, 608, '4+10', 'negative', 'macro-expression'],
        [1, 'anger1_2', 2854, 2862, 2871, '38', 'others', 'micro-expression'],
      ],
    });
    const { format, table } = chooseSheetFormat(readWorkbook(file), 'generic', { subject: 'A', clip: 'B', onset: 'C', apex: 'D', offset: 'E', aus: 'F', emotion: 'G', headerless: true }, 30);
    expect(format).toMatchObject({ id: 'generic', fps: 30 });
    expect(table.headerRow).toBeNull();
    expect(table.rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ['1', 'anger1_1', '557'],
      ['1', 'anger1_2', '2854'],
    ]);
    expect(() => chooseSheetFormat(readWorkbook(file), 'generic', { subject: 'first', clip: 'B', onset: 'C', offset: 'E', emotion: 'G', headerless: true }, 30)).toThrow(/"first" \(for subject\) is neither/);
  });
});
