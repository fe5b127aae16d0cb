import { annotatorName, microSheetSpecs, pad, spec } from './common';
import { missingIdentity } from './casme2';
import type { RowIdentity, RowSkip, SheetFormat } from './types';

/**
 * SAMM micro-expressions: `SAMM_Micro_FACS_Codes_v2.xlsx` (tab MICRO_ONLY, a notes block above
 * the header on row 14) or a copy with the header on row 1. Frames at `006/006_1_2/006_05562.jpg`
 * (or renamed `5562.jpg`), under `SAMM` or `SAMM_CROP`.
 */
export const samm: SheetFormat = {
  id: 'samm',
  name: 'SAMM',
  labelSet: 'samm',
  fps: 200,
  remarks: [],
  specs: microSheetSpecs({ onset: 'Onset Frame', apex: 'Apex Frame', offset: 'Offset Frame' }, [
    spec('inducement', 'Inducement Code', false),
    spec('duration', 'Duration', false),
    spec('micro', 'Micro', false),
    spec('type', 'Type', false),
  ]),
  bases: ['SAMM', 'SAMM_CROP', 'samm'],
  recognise({ keys, tab }) {
    if (!keys.includes('onsetframe') && !keys.includes('onset')) return 0;
    if (!keys.includes('inducementcode') && !keys.includes('micro')) return 0;
    // SAMM Long Videos (tab FACS_Movement_Only, Onset/Apex/Offset and Type) is a spotting sheet of long videos.
    if (tab.toLowerCase().includes('movement') || keys.includes('type')) return 0;
    return 20;
  },
  identify(cell): RowIdentity | RowSkip {
    const subjectRaw = cell('subject');
    const clip = cell('clip');
    if (subjectRaw === '') return missingIdentity('Subject');
    if (clip === '') return missingIdentity('Filename');
    const digits = /^0*(\d+)$/.exec(subjectRaw)?.[1];
    const code = digits === undefined ? subjectRaw : pad(digits, 3);
    const micro = cell('micro') || cell('type');
    if (/macro/i.test(micro)) return { skip: true, code: 'not-micro', reason: `A macro-expression ("${micro}"): only micro-expressions are imported`, identity: { subject: code, subjectRaw, clip, key: clip } };
    const subjectFolders = digits === undefined ? [subjectRaw] : [code, String(Number(digits)), subjectRaw];
    const defects: RowIdentity['defects'] = [];
    const match = /^(\d+)_(\d+)_(\d+)$/.exec(clip);
    if (!match || Number(match[1]) !== Number(digits ?? NaN)) {
      defects.push({ code: 'irregular-name', message: `The clip name "${clip}" does not follow {subject}_{inducement}_{n}`, action: 'Used as the folder name, as written' });
    }
    const onset = Number(cell('onset'));
    const offset = Number(cell('offset'));
    const duration = cell('duration');
    if (duration !== '' && Number.isFinite(onset) && Number.isFinite(offset) && Number(duration) !== offset - onset + 1) {
      defects.push({ code: 'duration-mismatch', message: `Duration ${duration} is not Offset − Onset + 1 = ${offset - onset + 1}`, action: 'Ignored: onset and offset are used' });
    }
    return {
      subject: code,
      subjectRaw,
      clip,
      key: clip,
      stimulus: cell('inducement'),
      folders: [[subjectFolders, [clip]], [[clip]]],
      lookup: { clip: [clip], subject: subjectFolders },
      defects,
    };
  },
  annotator: (file) => annotatorName('SAMM', file),
};
