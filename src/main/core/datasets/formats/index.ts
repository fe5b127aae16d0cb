import path from 'node:path';
import type { DatasetFormatId, GenericMapping } from '../../../../shared/api/datasets';
import { DatasetError } from '../errors';
import type { Workbook } from '../sheets/read-workbook';
import { headerCandidates, readHeaderlessTable, readTable, type HeaderCandidate, type SheetTable } from '../sheets/table';
import { casme2 } from './casme2';
import { casme3 } from './casme3';
import { columnKeys } from './common';
import { genericFormat } from './generic';
import { mmew } from './mmew';
import { samm } from './samm';
import type { Field, SheetFormat } from './types';

export type SheetFormatId = Exclude<DatasetFormatId, 'generic' | 'smic'>;

/** The formats recognised from their sheet, in no particular order (recognition scores decide). */
export const sheetFormats: Readonly<Record<SheetFormatId, SheetFormat>> = { casme2, samm, mmew, casme3 };

export const formatNames: Readonly<Record<DatasetFormatId, string>> = {
  casme2: casme2.name,
  samm: samm.name,
  mmew: mmew.name,
  casme3: casme3.name,
  smic: 'SMIC',
  generic: 'Generic sheet',
};

export interface ChosenSheet {
  format: SheetFormat;
  table: SheetTable<Field>;
}

/** Sheets we know of but do not import as micro-expression samples: say what they are. */
function unsupported(keys: readonly string[], tab: string): string | null {
  if (tab.toLowerCase().includes('movement') || (keys.includes('inducementcode') && keys.includes('type'))) {
    return 'a SAMM Long Videos (spotting) sheet: its frames are positions in long videos, not clip folders';
  }
  if (keys.includes('firstf')) return 'an SMIC-E sheet: its frames are absolute camera numbers (subtract FirstF)';
  if (keys.includes('apexf1')) return 'a CASME (I) sheet';
  return null;
}

/** The best-scoring format for the sheet's header, if any. */
function bestFormat(book: Workbook, candidates: HeaderCandidate[]): { format: SheetFormat; score: number } | undefined {
  const name = path.basename(book.file);
  let best: { format: SheetFormat; score: number } | undefined;
  for (const c of candidates) {
    for (const format of Object.values(sheetFormats)) {
      const score = format.recognise({ keys: c.keys, tab: c.grid.name, file: name });
      if (score > 0 && (!best || score > best.score)) best = { format, score };
    }
  }
  return best;
}

function recognise(book: Workbook): SheetFormat {
  const name = path.basename(book.file);
  const candidates = headerCandidates(book, columnKeys.onset, columnKeys.offset);
  const best = bestFormat(book, candidates);
  if (best) return best.format;
  for (const c of candidates) {
    const what = unsupported(c.keys, c.grid.name);
    if (what) throw new DatasetError(`${name} looks like ${what}, which this importer does not read as a dataset; import it with the generic format and a column mapping`);
  }
  if (candidates.length > 0) {
    const c = candidates[0]!;
    const header = c.grid.rows[c.index]!.filter((h) => h.trim() !== '').map((h) => `"${h.trim()}"`).join(', ');
    throw new DatasetError(`${name}: the header on row ${c.index + 1} of tab "${c.grid.name}" (${header}) is not one of CASME II, SAMM, MMEW or CAS(ME)³; name the format, or use the generic format with a column mapping`);
  }
  throw new DatasetError(
    `${name}: no recognisable header row (no row in the first rows of ${book.sheets.map((s) => `"${s.name}"`).join(', ')} names Subject, an onset and an offset column). A sheet without a header (like CAS(ME)²'s) needs the generic format with headerless columns.`,
  );
}

/** The format of a sheet (named by the caller, or recognised) and its table. */
export function chooseSheetFormat(book: Workbook, requested: DatasetFormatId | undefined, generic: GenericMapping | undefined, defaultFps: number): ChosenSheet {
  if (requested === 'smic') throw new DatasetError('SMIC has no label sheet (its labels are its folder names); import it without a sheet');
  if (requested === 'generic' || (requested === undefined && generic !== undefined)) {
    if (!generic) throw new DatasetError('The generic format needs a column mapping (subject, clip, onset, offset, emotion, and optionally apex, AUs)');
    const { format, positions } = genericFormat(generic, defaultFps);
    const table = positions ? readHeaderlessTable(book, positions) : readTable(book, format.specs, 'the column mapping');
    return { format, table };
  }
  const format = requested ? sheetFormats[requested] : recognise(book);
  if (requested) {
    // Header spellings are shared (a SAMM reader accepts "OnsetFrame"): refuse a sheet that is plainly another dataset's.
    const candidates = headerCandidates(book, columnKeys.onset, columnKeys.offset);
    const name = path.basename(book.file);
    const fits = candidates.some((c) => format.recognise({ keys: c.keys, tab: c.grid.name, file: name }) > 0);
    const other = bestFormat(book, candidates);
    if (!fits && other && other.format.id !== format.id) {
      throw new DatasetError(`${name} is a ${other.format.name} sheet, not ${format.name}: name ${other.format.id} as the format, or leave the format out`, 'format');
    }
  }
  return { format, table: readTable(book, format.specs, format.name) };
}
