import { annotatorName, parseFrame, spec } from './common';
import { missingIdentity } from './casme2';
import type { RowIdentity, RowSkip, SheetFormat } from './types';

/**
 * CAS(ME)³ part A: `cas(me)3_part_A_ME_label_JpgIndex_v2.xlsx` (tab `label`, every cell text) or
 * `CAS(ME)3_part_A_v2.xls` (tab `AU+Emotion`, with `Expression type`: macro rows are skipped).
 * Several micro-expressions share a (Subject, Filename) video, so a row's clip is Filename plus
 * onset (DATASETS.md A.0 rule 8). Frames at `spNo.1_a_355/355.jpg` (carf_net) or
 * `spNO.1/a/color/355.jpg` (meb), folder names matched case-insensitively (`spNO` vs `spNo`).
 */
export const casme3: SheetFormat = {
  id: 'casme3',
  name: 'CAS(ME)³',
  labelSet: 'casme3',
  fps: 30,
  remarks: [],
  specs: [
    spec('subject', 'Subject', true),
    spec('clip', 'Filename', true),
    spec('onset', 'Onset', true),
    spec('apex', 'Apex', true),
    spec('offset', 'Offset', true),
    spec('aus', 'AU', true),
    spec('emotion', 'emotion', true),
    spec('objectiveClass', 'Objective class', false),
    spec('type', 'Expression type', false),
    spec('notes', 'Notes', false),
  ],
  bases: ['ME_A', 'part_A', 'Part_A', 'CAS(ME)3', 'CASME3'],
  recognise({ keys, tab, file }) {
    if (!keys.includes('onset') || !keys.includes('au') || keys.includes('inducementcode') || keys.includes('onsetframe')) return 0;
    return tab.toLowerCase() === 'label' || /cas\W*me\W*(3|³)|casme3/i.test(file) || keys.includes('expressiontype') ? 18 : 12;
  },
  identify(cell): RowIdentity | RowSkip {
    const subjectRaw = cell('subject');
    const material = cell('clip');
    if (subjectRaw === '') return missingIdentity('Subject');
    if (material === '') return missingIdentity('Filename');
    const onsetText = cell('onset');
    const clipFolder = `${subjectRaw}_${material}_${onsetText}`;
    const identity = { subject: subjectRaw, subjectRaw, clip: `${material}_${onsetText}`, key: `${subjectRaw}/${material}_${onsetText}` };
    const type = cell('type');
    if (type !== '' && !/micro/i.test(type)) return { skip: true, code: 'not-micro', reason: `A ${type.toLowerCase()} ("${type}"): only micro-expressions are imported`, identity };
    if (parseFrame(onsetText) === 0) return { skip: true, code: 'bad-frame', reason: 'The onset is 0: not annotated (a known defect of copies of this sheet)', identity };
    if (parseFrame(cell('offset')) === 0) return { skip: true, code: 'bad-frame', reason: 'The offset is 0: not annotated (a known defect of copies of this sheet)', identity };
    const defects: RowIdentity['defects'] = [];
    if (!/^spNO\.\d+$/i.test(subjectRaw)) defects.push({ code: 'irregular-name', message: `The subject "${subjectRaw}" does not follow spNO.n`, action: 'Used as written' });
    if (!/^[a-z]$/i.test(material)) defects.push({ code: 'irregular-name', message: `The material "${material}" is not a single letter`, action: 'Used as written' });
    return {
      ...identity,
      stimulus: material,
      folders: [[[clipFolder]], [[subjectRaw], [clipFolder]], [[subjectRaw], [material], ['color']], [[subjectRaw], [material]]],
      lookup: { clip: [clipFolder], subject: [subjectRaw] },
      defects,
    };
  },
  annotator: (file) => annotatorName('CAS(ME)3', file),
};
