import type { GenericMapping } from '../../../../shared/api/datasets';
import { DatasetError } from '../errors';
import { columnIndex, headerKey } from '../sheets/table';
import { sheetTag, spec } from './common';
import { missingIdentity } from './casme2';
import type { Field, FolderPattern, RowIdentity, RowSkip, SheetFormat } from './types';

const mappedFields = ['subject', 'clip', 'onset', 'apex', 'offset', 'aus', 'emotion', 'objectiveClass', 'notes'] as const satisfies readonly Field[];
const requiredFields: readonly Field[] = ['subject', 'clip', 'onset', 'offset', 'emotion'];
const tokens = /\{(subject|clip|onset)\}/g;

export interface GenericSheet {
  format: SheetFormat;
  /** For a headerless sheet: each field's column index. */
  positions: Partial<Record<Field, number>> | null;
}

/** A folder template such as `sub{subject}/{clip}` → its segments, checked. */
function template(folders: string): string[] {
  const segments = folders.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.length === 0 || segments.some((s) => s === '..')) throw new DatasetError(`The folder pattern "${folders}" must name folders below the root, e.g. {subject}/{clip}`);
  if (!segments.some((s) => s.includes('{clip}'))) throw new DatasetError(`The folder pattern "${folders}" must use {clip}, e.g. {subject}/{clip}`);
  const unknown = folders.replace(tokens, '').match(/\{[^}]*\}/);
  if (unknown) throw new DatasetError(`The folder pattern "${folders}" uses ${unknown[0]}; only {subject}, {clip} and {onset} are known`);
  return segments;
}

/** Any other sheet: the caller names the columns and where each row's frames are. */
export function genericFormat(mapping: GenericMapping, fps: number): GenericSheet {
  const segments = template(mapping.folders ?? '{subject}/{clip}');
  const named = mappedFields.filter((f) => mapping[f] !== undefined);
  let positions: Partial<Record<Field, number>> | null = null;
  if (mapping.headerless) {
    positions = {};
    for (const field of named) {
      const index = columnIndex(mapping[field]!);
      if (index === null) throw new DatasetError(`A headerless sheet's columns are letters or numbers; "${mapping[field]}" (for ${field}) is neither`);
      positions[field] = index;
    }
  }
  const format: SheetFormat = {
    id: 'generic',
    name: 'Generic sheet',
    labelSet: null,
    fps,
    remarks: mapping.apex === undefined ? ['No apex column was named: every event is stored with its apex missing.'] : [],
    specs: named.map((field) => spec(field, mapping[field]!, requiredFields.includes(field), [headerKey(mapping[field]!)])),
    bases: [],
    recognise: () => 0,
    identify(cell): RowIdentity | RowSkip {
      const subject = cell('subject');
      const clip = cell('clip');
      if (subject === '') return missingIdentity(`subject (${mapping.subject})`);
      if (clip === '') return missingIdentity(`clip (${mapping.clip})`);
      const values: Record<string, string> = { subject, clip, onset: cell('onset') };
      const pattern: FolderPattern = segments.map((s) => [s.replace(tokens, (_m, name: string) => values[name] ?? '')]);
      return { subject, subjectRaw: subject, clip, key: `${subject}/${clip}`, stimulus: '', folders: [pattern], lookup: { clip: [clip], subject: [subject] }, defects: [] };
    },
    annotator: (file) => `Sheet ${sheetTag(file)}`.slice(0, 80),
  };
  return { format, positions };
}
