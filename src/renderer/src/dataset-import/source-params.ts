import type { DatasetFormatId, DatasetImportParams } from '../../../shared/api/datasets';
import { toMapping, type MappingDraft } from './column-mapping';

/** "Recognise" or a format the user named. */
export type FormatChoice = 'auto' | DatasetFormatId;

export interface SourceFields {
  root: string;
  sheet: string;
  format: FormatChoice;
  fpsText: string;
}

export const formatChoices: { value: FormatChoice; label: string }[] = [
  { value: 'auto', label: 'Recognise from the sheet' },
  { value: 'casme2', label: 'CASME II' },
  { value: 'samm', label: 'SAMM' },
  { value: 'smic', label: 'SMIC (folders, no sheet)' },
  { value: 'mmew', label: 'MMEW' },
  { value: 'casme3', label: 'CAS(ME)³' },
  { value: 'generic', label: 'Generic sheet (choose the columns)' },
];

/** Formats whose frame rate is not fixed by the dataset: the user may give it. */
export const needsFps = (format: FormatChoice): boolean => format === 'smic' || format === 'generic';

/** The frame rate typed, undefined when left empty, NaN when it is not a positive number. */
export function parseFps(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const fps = Number(text);
  return Number.isFinite(fps) && fps > 0 ? fps : Number.NaN;
}

export type SourceParams = { ok: true; params: DatasetImportParams } | { ok: false; blocked: string };

/** What to preview and import, or what is still to fill in. */
export function sourceParams(projectId: number, fields: SourceFields, draft: MappingDraft): SourceParams {
  const root = fields.root.trim();
  const sheet = fields.sheet.trim();
  if (root === '') return { ok: false, blocked: 'Choose the dataset’s root folder' };
  if (fields.format !== 'smic' && sheet === '') return { ok: false, blocked: 'Choose the label sheet (SMIC has none: choose it as the format)' };
  const fps = needsFps(fields.format) ? parseFps(fields.fpsText) : undefined;
  if (Number.isNaN(fps)) return { ok: false, blocked: 'The frame rate must be a positive number' };
  const params: DatasetImportParams = { projectId, root };
  if (fields.format !== 'smic') params.sheet = sheet;
  if (fields.format !== 'auto') params.format = fields.format;
  if (fps !== undefined) params.fps = fps;
  if (fields.format === 'generic') {
    const mapped = toMapping(draft);
    if (!mapped.ok) return { ok: false, blocked: `Choose the columns for ${mapped.missing.join(', ')}` };
    params.generic = mapped.mapping;
  }
  return { ok: true, params };
}
