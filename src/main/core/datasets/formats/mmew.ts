import { normaliseLabel } from '../../../../shared/domain/labels';
import { annotatorName, microSheetSpecs, pad } from './common';
import { missingIdentity } from './casme2';
import type { RowIdentity, RowSkip, SheetFormat } from './types';

/**
 * MMEW (micro part): `MMEW_Micro_Exp.xlsx`, CASME II's columns plus `remarks`. Frames at
 * `Micro_Expression/<emotion>/<clip>/1.jpg` (as shipped) or `S03/happiness/S03-01-002/1.jpg`
 * (as described officially); DATASETS.md A.4.
 */
export const mmew: SheetFormat = {
  id: 'mmew',
  name: 'MMEW',
  labelSet: 'mmew',
  fps: 90,
  remarks: ['MMEW: 90 fps comes from a loader\'s metadata and is not verified against the paper; give the frame rate if you know better.'],
  specs: microSheetSpecs({ notes: 'remarks' }),
  bases: ['Micro_Expression', 'MMEW_Final/Micro_Expression', 'MMEW/Micro_Expression'],
  recognise({ keys, file }) {
    if (!keys.includes('onsetframe') && !keys.includes('onset')) return 0;
    if (keys.includes('inducementcode')) return 0;
    return keys.includes('remarks') || /mmew/i.test(file) ? 15 : 0;
  },
  identify(cell): RowIdentity | RowSkip {
    const subjectRaw = cell('subject');
    const clip = cell('clip');
    if (subjectRaw === '') return missingIdentity('Subject');
    if (clip === '') return missingIdentity('Filename');
    const digits = /^s?0*(\d+)$/i.exec(subjectRaw)?.[1];
    const code = digits === undefined ? subjectRaw : `S${pad(digits, 2)}`;
    const subjectFolders = digits === undefined ? [subjectRaw] : [code, `S${Number(digits)}`, pad(digits, 2), subjectRaw];
    const emotion = cell('emotion').toLowerCase();
    const emotionFolders = [...new Set([emotion, normaliseLabel('mmew', emotion) ?? emotion])];
    const defects: RowIdentity['defects'] = [];
    if (!/^S?\d+-\d+-\d+$/i.test(clip)) defects.push({ code: 'irregular-name', message: `The clip name "${clip}" does not follow Snn-nn-nnn`, action: 'Used as the folder name, as written' });
    return {
      subject: code,
      subjectRaw,
      clip,
      key: `${code}/${clip}`,
      stimulus: '',
      folders: [[emotionFolders, [clip]], [subjectFolders, emotionFolders, [clip]], [subjectFolders, [clip]], [[clip]]],
      lookup: { clip: [clip], subject: subjectFolders },
      defects,
    };
  },
  annotator: (file) => annotatorName('MMEW', file),
};
