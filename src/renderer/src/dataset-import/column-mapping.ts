import type { GenericMapping, SheetTab } from '../../../shared/api/datasets';

/** The columns a user names for a sheet no built-in format knows. */
export const mappedFields = [
  { field: 'subject', label: 'Subject', required: true },
  { field: 'clip', label: 'Clip (its folder name)', required: true },
  { field: 'onset', label: 'Onset frame', required: true },
  { field: 'apex', label: 'Apex frame', required: false },
  { field: 'offset', label: 'Offset frame', required: true },
  { field: 'aus', label: 'Action units', required: false },
  { field: 'emotion', label: 'Emotion', required: true },
] as const;

export type MappedField = (typeof mappedFields)[number]['field'];

export interface MappingDraft {
  /** The tab whose header the columns come from. */
  tab: string;
  /** Field → header text, or with `headerless` a column letter; absent: not chosen. */
  columns: Partial<Record<MappedField, string>>;
  headerless: boolean;
  /** Where a row's frames are below the root; '' = the default `{subject}/{clip}`. */
  folders: string;
}

/** 0 → "A", 25 → "Z", 26 → "AA": a column as a spreadsheet names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface ColumnChoice {
  value: string;
  label: string;
}

/** The columns one may pick: the header's (by their text) or, for a headerless sheet, by letter with a first value. */
export function columnChoices(tab: SheetTab, headerless: boolean): ColumnChoice[] {
  if (headerless) {
    const first = tab.sample[0]?.cells ?? [];
    return Array.from({ length: tab.columnCount }, (_, i) => {
      const value = columnLetter(i);
      const example = first[i]?.trim() ?? '';
      return { value, label: example === '' ? value : `${value} (e.g. ${example})` };
    });
  }
  const names = new Set(tab.header.filter((h) => h !== ''));
  return [...names].map((h) => ({ value: h, label: h }));
}

/** A first mapping for a tab: the columns its header names the usual way; none for a headerless tab. */
export function draftFor(tab: SheetTab | undefined): MappingDraft {
  const headerless = tab !== undefined && tab.headerRow === null;
  const columns: Partial<Record<MappedField, string>> = {};
  if (tab && !headerless) for (const { field } of mappedFields) if (tab.suggested[field]) columns[field] = tab.suggested[field];
  return { tab: tab?.name ?? '', columns, headerless, folders: '' };
}

export type MappingResult = { ok: true; mapping: GenericMapping } | { ok: false; missing: string[] };

/** The mapping the server takes, or which required columns are still to choose. */
export function toMapping(draft: MappingDraft): MappingResult {
  const missing = mappedFields.filter((f) => f.required && !draft.columns[f.field]).map((f) => f.label);
  if (missing.length > 0) return { ok: false, missing };
  const mapping: GenericMapping = {
    subject: draft.columns.subject!,
    clip: draft.columns.clip!,
    onset: draft.columns.onset!,
    offset: draft.columns.offset!,
    emotion: draft.columns.emotion!,
  };
  if (draft.columns.apex) mapping.apex = draft.columns.apex;
  if (draft.columns.aus) mapping.aus = draft.columns.aus;
  if (draft.folders.trim() !== '') mapping.folders = draft.folders.trim();
  if (draft.headerless) mapping.headerless = true;
  return { ok: true, mapping };
}
