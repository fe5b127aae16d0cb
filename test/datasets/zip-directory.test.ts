import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipDirectoryProblem } from '../../src/main/core/datasets/sheets/zip-directory';

const sheets = path.resolve(__dirname, '../../../shared/fixtures/sheets');
const casme = readFileSync(path.join(sheets, 'CASME2-coding-20140508.xlsx'));

describe('the zip directory check before SheetJS', () => {
  it('passes the real CASME II and SAMM workbooks', () => {
    expect(zipDirectoryProblem(casme)).toBeNull();
    expect(zipDirectoryProblem(readFileSync(path.join(sheets, 'SAMM_Micro_FACS_Codes_v2.xlsx')))).toBeNull();
  });

  it('names a workbook cut short, a directory pointing outside the file, and an entry pointing nowhere', () => {
    expect(zipDirectoryProblem(casme.subarray(0, casme.length - 30))).toBe('its zip directory is missing (the file is cut short or damaged)');
    const end = casme.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const outside = Buffer.from(casme);
    outside.writeUInt32LE(casme.length, end + 16);
    expect(zipDirectoryProblem(outside)).toBe('its zip directory points outside the file');
    const nowhere = Buffer.from(casme);
    nowhere.writeUInt32LE(1, casme.readUInt32LE(end + 16) + 42);
    expect(zipDirectoryProblem(nowhere)).toBe('entry 1 of its zip directory points to no file');
  });
});
