import { annotatorName, microSheetSpecs, pad } from './common';
import type { RowIdentity, RowSkip, SheetFormat } from './types';

/** The clip names CASME II uses: EP02_01f, EP19_06f, EP03_02 (DATASETS.md A.1). */
const clipPattern = /^EP\d{2}_\d+f?$/;

/** Subject "01" (or 1, or "sub01") → the folder's name `sub01`, which is also the code in the project. */
export function casmeSubject(raw: string): { code: string; folders: string[] } | null {
  const digits = /^(?:sub)?\s*0*(\d+)$/i.exec(raw)?.[1];
  if (digits === undefined) return null;
  const two = pad(digits, 2);
  return { code: `sub${two}`, folders: [`sub${two}`, `sub${Number(digits)}`, two, String(Number(digits)), raw] };
}

export function missingIdentity(field: string): RowSkip {
  return { skip: true, code: 'missing-field', reason: `The ${field} cell is empty` };
}

/**
 * CASME II: `CASME2-coding-20140508.xlsx` (header on row 1, two blank header cells) and
 * `-20190701` (plus `Objective Classes`), `CASME2_label_Ver_2.xls`. Frames at
 * `sub01/EP02_01f/img46.jpg` under `CASME2-RAW`, `CASME2_RAW_selected` or `Cropped` (`reg_img46.jpg`).
 */
export const casme2: SheetFormat = {
  id: 'casme2',
  name: 'CASME II',
  labelSet: 'casme2',
  fps: 200,
  remarks: [],
  specs: microSheetSpecs({}),
  bases: ['CASME2_RAW_selected', 'CASME2-RAW', 'CASME2_RAW', 'Cropped', 'Cropped-updated/Cropped', 'CASME2'],
  recognise({ keys }) {
    if (!keys.includes('onsetframe') || !keys.includes('estimatedemotion')) return 0;
    if (keys.includes('inducementcode') || keys.includes('remarks')) return 0;
    return 10;
  },
  identify(cell): RowIdentity | RowSkip {
    const subjectRaw = cell('subject');
    const clip = cell('clip');
    if (subjectRaw === '') return missingIdentity('Subject');
    if (clip === '') return missingIdentity('Filename');
    const subject = casmeSubject(subjectRaw);
    const code = subject?.code ?? subjectRaw;
    const subjectFolders = subject?.folders ?? [subjectRaw];
    const defects: RowIdentity['defects'] = [];
    if (!subject) defects.push({ code: 'irregular-name', message: `The subject "${subjectRaw}" is not a number`, action: 'Used as written' });
    if (!clipPattern.test(clip)) defects.push({ code: 'irregular-name', message: `The clip name "${clip}" does not follow EPnn_nn[f]`, action: 'Used as the folder name, as written' });
    return {
      subject: code,
      subjectRaw,
      clip,
      key: `${code}/${clip}`,
      stimulus: '',
      folders: [[subjectFolders, [clip]]],
      lookup: { clip: [clip], subject: subjectFolders },
      defects,
    };
  },
  annotator: (file) => annotatorName('CASME II', file),
};
