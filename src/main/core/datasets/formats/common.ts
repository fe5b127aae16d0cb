import path from 'node:path';
import type { ImportDefect } from '../../../../shared/api/datasets';
import type { FieldSpec } from '../sheets/table';
import type { Field } from './types';

/** Header spellings of the usual columns (as header keys), preferred first. */
export const columnKeys = {
  subject: ['subject', 'sub', 'subjectid', 'subid'],
  clip: ['filename', 'file', 'clip', 'video', 'foldname'],
  onset: ['onsetframe', 'onset', 'onsetf'],
  apex: ['apexframe', 'apex', 'apexf', 'apexf1'],
  offset: ['offsetframe', 'offset', 'offsetf'],
  aus: ['actionunits', 'actionunit', 'au', 'aus'],
  emotion: ['estimatedemotion', 'emotion', 'emotions'],
  objectiveClass: ['objectiveclasses', 'objectiveclass'],
  notes: ['notes', 'note', 'remarks', 'remark'],
  inducement: ['inducementcode'],
  duration: ['duration'],
  micro: ['micro'],
  type: ['expressiontype', 'type'],
} as const satisfies Record<Field, readonly string[]>;

export function spec(field: Field, label: string, required: boolean, keys: readonly string[] = columnKeys[field]): FieldSpec<Field> {
  return { field, label, keys, required };
}

/** The columns every micro-expression sheet of the CASME II family has. */
export function microSheetSpecs(labels: Partial<Record<Field, string>>, extra: FieldSpec<Field>[] = []): FieldSpec<Field>[] {
  return [
    spec('subject', labels.subject ?? 'Subject', true),
    spec('clip', labels.clip ?? 'Filename', true),
    spec('onset', labels.onset ?? 'OnsetFrame', true),
    spec('apex', labels.apex ?? 'ApexFrame', true),
    spec('offset', labels.offset ?? 'OffsetFrame', true),
    spec('aus', labels.aus ?? 'Action Units', true),
    spec('emotion', labels.emotion ?? 'Estimated Emotion', true),
    spec('objectiveClass', labels.objectiveClass ?? 'Objective Classes', false),
    spec('notes', labels.notes ?? 'Notes', false),
    ...extra,
  ];
}

/**
 * A frame number as a cell writes it: digits, maybe "46.0"; null otherwise (text, fractions,
 * empty). Cells are text whatever their type (CAS(ME)³ stores its frame numbers as text).
 */
export function parseFrame(text: string): number | null {
  const match = /^([+-]?\d+)(?:\.0*)?$/.exec(text.trim());
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) ? n : null;
}

/** Ways sheets say "no apex": CASME II "/", SAMM Long Videos -1, an empty cell. */
const noApex = new Set(['', '/', '-', '-1', 'na', 'n/a', 'none', 'null', '?']);

export type ApexReading = { apex: number | null; defects: ImportDefect[] };

/**
 * The apex of a row: stored only when it is a frame within onset..offset (the database insists);
 * otherwise stored as missing, with the defect saying why (DATASETS.md: CASME II "/", SAMM
 * 028_4_1 and 032_3_1). An apex on (or next to) the onset or offset is kept and reported.
 */
export function readApex(raw: string, onset: number, offset: number, hasColumn: boolean): ApexReading {
  if (!hasColumn) return { apex: null, defects: [] };
  const text = raw.trim();
  if (noApex.has(text.toLowerCase())) {
    const shown = text === '' ? 'an empty cell' : `"${text}"`;
    return { apex: null, defects: [{ code: 'apex-missing', message: `The sheet gives no apex (${shown})`, action: 'Stored with the apex missing' }] };
  }
  const apex = parseFrame(text);
  if (apex === null) {
    return { apex: null, defects: [{ code: 'apex-missing', message: `The apex "${text}" is not a frame number`, action: 'Stored with the apex missing' }] };
  }
  if (apex < onset || apex > offset) {
    const where = apex < onset ? `before the onset ${onset}` : `after the offset ${offset}`;
    return {
      apex: null,
      defects: [{ code: 'apex-outside', message: `The apex ${apex} is ${where}`, action: 'Stored with the apex missing; the sheet value is kept in the report and the event notes' }],
    };
  }
  const defects: ImportDefect[] = [];
  const span = offset - onset;
  // On the onset or offset is suspect for any event of a few frames; one frame from it only for a longer one.
  const at =
    span < 2 ? null
    : apex === onset ? 'on the onset'
    : apex === offset ? 'on the offset'
    : span < 10 ? null
    : apex === onset + 1 ? 'one frame after the onset'
    : apex === offset - 1 ? 'one frame before the offset'
    : null;
  if (at !== null) defects.push({ code: 'apex-suspect', message: `The apex ${apex} is ${at} (${onset}..${offset})`, action: 'Kept as written' });
  return { apex, defects };
}

export const pad = (digits: string, width: number): string => String(Number(digits)).padStart(width, '0');

/** A tag for the coder name from the sheet's file name: its date (20140508), else its name. */
export function sheetTag(sheetFile: string): string {
  const base = path.basename(sheetFile, path.extname(sheetFile));
  return /(?<!\d)(20\d{6})(?!\d)/.exec(base)?.[1] ?? base;
}

export function annotatorName(dataset: string, sheetFile: string): string {
  return `${dataset} sheet ${sheetTag(sheetFile)}`.slice(0, 80);
}
