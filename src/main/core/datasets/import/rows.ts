import path from 'node:path';
import type { DefectCode, ImportDefect } from '../../../../shared/api/datasets';
import { parseAus } from '../../../../shared/domain/facs';
import type { LabelSetId } from '../../../../shared/domain/labels';
import type { FolderFrames } from '../disk/disk-view';
import type { Findable, Located } from '../disk/locate';
import { parseFrame, readApex } from '../formats/common';
import { readLabel } from './labels';

/** A row's values as the sheet writes them (trimmed text): what a newer sheet is compared on. */
export interface SheetValues {
  onset: string;
  apex: string;
  offset: string;
  emotion: string;
  objectiveClass: string;
  aus: string;
  notes: string;
}

/** What an import writes into an event. */
export interface WrittenState {
  onset: number;
  apex: number | null;
  offset: number;
  emotion: string;
  objectiveClass: string | null;
  aus: string;
  notes: string;
}

export interface PlannedRow {
  row: number;
  key: string;
  subject: string;
  subjectRaw: string;
  clip: string;
  stimulus: string;
  sheet: SheetValues;
  defects: ImportDefect[];
  skip: { code: DefectCode; reason: string } | null;
  onset: number | null;
  apex: number | null;
  offset: number | null;
  /** For rows that are imported: what the event holds. */
  state: WrittenState | null;
  find: Findable | null;
  /** The clip folder (absolute), once found. */
  folder: string | null;
  frames: FolderFrames | null;
  fps: number;
}

/** Longer than this is not a micro-expression (they last under half a second). */
const longSpanSeconds = 1;
/** Defects written into the event's notes, so that the event itself says what the import did. */
const noted = new Set<DefectCode>(['apex-missing', 'apex-outside', 'frames-missing', 'unknown-label', 'label-mismatch', 'duplicate-key']);

export const emptyValues: SheetValues = { onset: '', apex: '', offset: '', emotion: '', objectiveClass: '', aus: '', notes: '' };

export function skipped(values: Partial<PlannedRow> & { row: number }, code: DefectCode, reason: string): PlannedRow {
  return {
    key: '',
    subject: '',
    subjectRaw: '',
    clip: '',
    stimulus: '',
    sheet: emptyValues,
    defects: [],
    onset: null,
    apex: null,
    offset: null,
    state: null,
    find: null,
    folder: null,
    frames: null,
    fps: 0,
    ...values,
    skip: { code, reason },
  };
}

/** Frames, apex, label and AUs of a row: the checks every dataset shares. */
export function readValues(base: Omit<PlannedRow, 'skip' | 'onset' | 'apex' | 'offset' | 'state'>, hasApex: boolean, labelSet: LabelSetId | null, projectLabels: readonly string[]): PlannedRow {
  const { sheet, fps } = base;
  const onset = parseFrame(sheet.onset);
  const offset = parseFrame(sheet.offset);
  const bad = (name: string, text: string) => (text === '' ? `The ${name} cell is empty` : `The ${name} "${text}" is not a frame number`);
  if (onset === null) return skipped(base, 'bad-frame', bad('onset', sheet.onset));
  if (offset === null) return skipped({ ...base, onset }, 'bad-frame', bad('offset', sheet.offset));
  if (onset > offset) return skipped({ ...base, onset, offset }, 'onset-after-offset', `The onset ${onset} comes after the offset ${offset}`);
  const apex = readApex(sheet.apex, onset, offset, hasApex);
  const label = readLabel(sheet.emotion, labelSet, projectLabels);
  const defects = [...base.defects, ...apex.defects, ...label.defects];
  const aus = parseAus(sheet.aus);
  if (!aus.ok) defects.push({ code: 'au-unparsed', message: `Cannot read ${aus.unparsed.map((u) => `"${u}"`).join(', ')} in the AUs "${sheet.aus}"`, action: 'Kept verbatim; the event is flagged AU-unparsed' });
  const frames = offset - onset + 1;
  if (frames / fps > longSpanSeconds) {
    defects.push({ code: 'long-span', message: `Onset..offset is ${frames} frames (${(frames / fps).toFixed(2)} s at ${fps} fps); micro-expressions last under half a second`, action: 'Kept as written' });
  }
  return {
    ...base,
    defects,
    skip: null,
    onset,
    apex: apex.apex,
    offset,
    state: { onset, apex: apex.apex, offset, emotion: label.emotion, objectiveClass: sheet.objectiveClass === '' ? null : sheet.objectiveClass, aus: sheet.aus, notes: '' },
  };
}

/** A second row for the same clip: skipped when it repeats the first, else another event. */
export function markDuplicates(rows: PlannedRow[]): void {
  const seen = new Map<string, PlannedRow>();
  for (const row of rows) {
    if (row.skip || row.key === '') continue;
    const first = seen.get(row.key);
    if (!first) {
      seen.set(row.key, row);
      continue;
    }
    if (JSON.stringify(first.sheet) === JSON.stringify(row.sheet)) {
      row.skip = { code: 'duplicate-row', reason: `Repeats row ${first.row} (${row.key}) exactly` };
      continue;
    }
    const original = row.key;
    let n = 2;
    while (seen.has(`${original}#${n}`)) n++;
    row.key = `${original}#${n}`;
    seen.set(row.key, row);
    row.defects.push({ code: 'duplicate-key', message: `Row ${first.row} names the same clip (${original}) with different values`, action: 'Imported as another event of that clip' });
  }
}

export function checkFrames(row: PlannedRow, located: Located, shown: string): void {
  const { frames } = located;
  const onset = row.onset!;
  const offset = row.offset!;
  row.folder = located.dir;
  row.frames = frames;
  if (onset < frames.first || offset > frames.last) {
    row.skip = {
      code: 'frames-outside',
      reason: `The sheet's frames ${onset}..${offset} are not in ${shown}, whose images are numbered ${frames.first}..${frames.last} (the folder does not match the sheet)`,
    };
    return;
  }
  // Counted from the folder's numbers, not by walking onset..offset: a sheet's span may be huge.
  const missing = offset - onset + 1 - frames.numbers.filter((n) => n >= onset && n <= offset).length;
  if (missing > 0) {
    const examples: number[] = [];
    for (let n = onset; n <= offset && examples.length < 5; n++) if (!frames.has.has(n)) examples.push(n);
    const some = examples.join(', ') + (missing > 5 ? ', …' : '');
    row.defects.push({
      code: 'frames-missing',
      message: `${missing} of the ${offset - onset + 1} frames ${onset}..${offset} have no image in ${shown} (${some})`,
      action: 'Imported and flagged; the recording marks those frames missing',
    });
  }
}

export function composeNotes(row: PlannedRow, sheetFile: string | null): string {
  const lines = row.sheet.notes === '' ? [] : [row.sheet.notes];
  const from = sheetFile ? `${path.basename(sheetFile)} row ${row.row}` : row.key;
  for (const d of row.defects) if (noted.has(d.code)) lines.push(`[import ${from}] ${d.message}. ${d.action}.`);
  return lines.join('\n');
}
