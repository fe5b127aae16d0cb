import { describe, expect, it } from 'vitest';
import { jobKinds } from '../../../shared/api/jobs';
import { droppedByReason, exportParams, initialForm, suggestedFolderName, writesMegcFile, type ExportForm } from './export-params';

const form = (changes: Partial<ExportForm>): ExportForm => ({ ...initialForm, parentDir: '/data/exports', ...changes });

describe('exportParams', () => {
  it('builds parameters the export job accepts, into a new folder named after the split', () => {
    const { params } = exportParams(3, 'CASME II relabel', form({}));
    expect(params).toEqual({ projectId: 3, protocol: 'kfold', folds: 5, seed: 1, out: '/data/exports/casme-ii-relabel-kfold5-seed1' });
    expect(jobKinds['datasets.export'].params.safeParse(params).success).toBe(true);
  });

  it('sends only what the user chose: coders, flagged events, a mapping, frames, holdout shares', () => {
    const { params } = exportParams(3, 'P', form({ protocol: 'holdout', foldsText: '7', holdoutText: ['0.6', '0.2', '0.2'], mappingKey: 'project:2', annotatorIds: [4], excludeFlagged: true, copyFrames: true, folderName: 'mine' }));
    expect(params).toEqual({ projectId: 3, protocol: 'holdout', seed: 1, holdout: [0.6, 0.2, 0.2], mapping: 'project:2', annotatorIds: [4], excludeFlagged: true, copyFrames: true, out: '/data/exports/mine' });
  });

  it('names what was typed wrong, and asks for a folder and for consent to a subject-dependent split', () => {
    expect(exportParams(1, 'P', form({ foldsText: 'five', seedText: '1.5' })).problems).toEqual({ folds: 'must be a whole number', seed: 'must be a whole number' });
    expect(exportParams(1, 'P', form({ protocol: 'holdout', holdoutText: ['0.7', '', '0.15'] })).problems).toEqual({ holdout: 'each share must be a number, e.g. 0.15' });
    expect(exportParams(1, 'P', form({ parentDir: null })).problems).toEqual({ out: 'choose the folder the export goes in' });
    expect(exportParams(1, 'P', form({ folderName: '../up' })).problems).toEqual({ out: 'a folder name, not a path' });
    expect(exportParams(1, 'P', form({ protocol: 'kfold-subject-dependent' })).problems).toEqual({ protocol: 'confirm that you want a subject-dependent split' });
    expect(exportParams(1, 'P', form({ protocol: 'kfold-subject-dependent', subjectDependentConfirmed: true })).params).toMatchObject({ protocol: 'kfold-subject-dependent', folds: 5 });
  });

  it('sends the face crop and the frame size with copied frames only, and names a size that is not a number', () => {
    const copied = exportParams(3, 'P', form({ copyFrames: true, frameCrop: true, frameSizeText: ' 224 ' })).params;
    expect(copied).toMatchObject({ copyFrames: true, frameCrop: true, frameSize: 224 });
    expect(jobKinds['datasets.export'].params.safeParse(copied).success).toBe(true);
    // Empty keeps the frames' size; crop alone is sent without a size.
    expect(exportParams(3, 'P', form({ copyFrames: true, frameCrop: true })).params).not.toHaveProperty('frameSize');
    // Options left set while copying is switched off are not sent (the server would refuse them).
    const hidden = exportParams(3, 'P', form({ copyFrames: false, frameCrop: true, frameSizeText: 'big' }));
    expect(hidden.problems).toBeNull();
    expect(hidden.params).not.toHaveProperty('frameCrop');
    expect(hidden.params).not.toHaveProperty('frameSize');
    expect(exportParams(3, 'P', form({ copyFrames: true, frameSizeText: '224px' })).problems).toEqual({ frameSize: 'must be a whole number of pixels, e.g. 224' });
  });

  it('leaves the range of the frame size to the server, whose message names the field', () => {
    const { params } = exportParams(3, 'P', form({ copyFrames: true, frameSizeText: '8' }));
    const refused = jobKinds['datasets.export'].params.safeParse(params);
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['frameSize', 'must be 16 to 2048 pixels']]);
  });

  it('leaves the folds out for protocols whose folds follow from the data', () => {
    expect(exportParams(1, 'P', form({ protocol: 'loso', foldsText: 'x' })).params).not.toHaveProperty('folds');
  });
});

describe('suggestedFolderName', () => {
  it('says project, protocol and seed', () => {
    expect(suggestedFolderName('Demo', { protocol: 'loso', foldsText: '5', seedText: '42' })).toBe('demo-loso-seed42');
  });
});

describe('writesMegcFile', () => {
  it('is true for the MEGC classes in a subject-independent split only', () => {
    expect(writesMegcFile('megc', ['happiness', 'fear'])).toBe(true);
    expect(writesMegcFile('kfold', ['negative', 'positive', 'surprise'])).toBe(true);
    expect(writesMegcFile('kfold', ['happiness', 'surprise'])).toBe(false);
    expect(writesMegcFile('kfold-subject-dependent', ['negative', 'positive', 'surprise'])).toBe(false);
  });
});

describe('droppedByReason', () => {
  it('groups the dropped events by reason, largest group first', () => {
    const dropped = [
      { eventId: 1, reason: 'flagged: overlap' },
      { eventId: 2, reason: '"fear" is dropped by the mapping "M"' },
      { eventId: 3, reason: '"fear" is dropped by the mapping "M"' },
    ];
    expect(droppedByReason(dropped)).toEqual([
      { reason: '"fear" is dropped by the mapping "M"', eventIds: [2, 3] },
      { reason: 'flagged: overlap', eventIds: [1] },
    ]);
  });
});
