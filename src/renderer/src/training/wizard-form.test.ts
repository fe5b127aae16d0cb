import { describe, expect, it } from 'vitest';
import { jobKinds } from '../../../shared/api/jobs';
import { ablationRows, TrainingConfig } from '../../../shared/api/training';
import { formFromConfig, initialForm, launchesOf, withPaperSettings, withQuickCheck, type WizardForm } from './wizard-form';

const form = (changes: Partial<WizardForm> = {}): WizardForm => ({ ...initialForm, projectId: 7, ...changes });

describe('launchesOf', () => {
  it('one row is one run whose whole configuration the training job accepts', () => {
    const { launches } = launchesOf(form());
    expect(launches).toHaveLength(1);
    const [launch] = launches!;
    expect(launch).toEqual({ config: TrainingConfig.parse({ projectId: 7 }), name: 'lite 5-fold, row 6' });
    expect(jobKinds['training.run'].params.safeParse(launch).success).toBe(true);
  });

  it('several rows launch one run per row, each with its switches, in one group', () => {
    const { launches } = launchesOf(form({ rows: [4, 1], name: 'SDU' }));
    expect(launches!.map((l) => [l.name, l.group, l.config.ablation])).toEqual([
      ['SDU, row 1', 'ablation: SDU', ablationRows[1]],
      ['SDU, row 4', 'ablation: SDU', ablationRows[4]],
    ]);
  });

  it('turns the events choice into the data section', () => {
    const data = (changes: Partial<WizardForm>) => launchesOf(form(changes)).launches![0]!.config.data;
    expect(data({ events: 'unflagged' })).toEqual({ extraProjectIds: [], mapping: null, annotatorIds: null, excludeFlagged: true, consensusOnly: false });
    expect(data({ events: 'coders', coders: [3, 5] })).toEqual({ extraProjectIds: [], mapping: null, annotatorIds: [3, 5], excludeFlagged: false, consensusOnly: false });
    expect(data({ events: 'consensus' })).toEqual({ extraProjectIds: [], mapping: null, annotatorIds: null, excludeFlagged: false, consensusOnly: true });
    // Leaving flagged events out is a choice of its own: going back to "every event" undoes it.
    const flaggedThenAll = { ...initialForm.config, data: { ...initialForm.config.data, excludeFlagged: true } };
    expect(data({ events: 'all', config: flaggedThenAll })).toEqual({ extraProjectIds: [], mapping: null, annotatorIds: null, excludeFlagged: false, consensusOnly: false });
    expect(data({ events: 'consensus', config: flaggedThenAll })).toMatchObject({ excludeFlagged: true, consensusOnly: true });
  });

  it('sends the other projects chosen, never the run\'s own project among them, and a clone keeps them', () => {
    const withExtras = (ids: number[]) => ({ ...initialForm.config, data: { ...initialForm.config.data, extraProjectIds: ids } });
    const [launch] = launchesOf(form({ config: withExtras([9, 7, 4]) })).launches!;
    expect(launch!.config.projectId).toBe(7);
    expect(launch!.config.data.extraProjectIds).toEqual([9, 4]);
    expect(formFromConfig(launch!.config).config.data.extraProjectIds).toEqual([9, 4]);
  });

  it('repeats launch each row with the seeds seed, seed + 1, …, all in one group', () => {
    const config = { ...initialForm.config, seed: 41 };
    const { launches } = launchesOf(form({ repeats: 3, config }));
    expect(launches!.map((l) => [l.name, l.group, l.config.seed])).toEqual([
      ['lite 5-fold, row 6, seed 41', 'repeats: lite 5-fold', 41],
      ['lite 5-fold, row 6, seed 42', 'repeats: lite 5-fold', 42],
      ['lite 5-fold, row 6, seed 43', 'repeats: lite 5-fold', 43],
    ]);
    // Rows and repeats: every row with every seed, named as the ablation matrix.
    const matrix = launchesOf(form({ repeats: 2, rows: [1, 6] })).launches!;
    expect(matrix.map((l) => [l.name, l.group])).toEqual([
      ['lite 5-fold, row 1, seed 1', 'ablation: lite 5-fold'],
      ['lite 5-fold, row 1, seed 2', 'ablation: lite 5-fold'],
      ['lite 5-fold, row 6, seed 1', 'ablation: lite 5-fold'],
      ['lite 5-fold, row 6, seed 2', 'ablation: lite 5-fold'],
    ]);
    expect(launchesOf(form({ repeats: 0 })).problems).toEqual({ repeats: 'give a whole number of repeats from 1 to 20' });
    expect(launchesOf(form({ repeats: 2.5 })).problems).toHaveProperty('repeats');
  });

  it('a saved split needs its folds; another protocol drops a split chosen before', () => {
    const saved = { path: '/exports/loso', protocol: 'loso', seed: 3, createdAt: '2026-01-01T00:00:00.000Z', folds: [{ name: 'subject A', train: [1, 2], validation: [], test: [3] }] };
    const savedConfig = (protocol: 'saved' | 'loso', split: typeof saved | null) => ({ ...initialForm.config, protocol: { ...initialForm.config.protocol, protocol, saved: split } });
    expect(launchesOf(form({ config: savedConfig('saved', null) })).problems).toEqual({ 'protocol.saved': 'choose the folder of a split saved by the Export page' });
    expect(launchesOf(form({ config: savedConfig('saved', saved) })).launches![0]!.config.protocol.saved).toEqual(saved);
    expect(launchesOf(form({ config: savedConfig('loso', saved) })).launches![0]!.config.protocol.saved).toBeNull();
  });

  it('names what is wrong, by field, with the contract\'s own limits', () => {
    const config = { ...initialForm.config, training: { ...initialForm.config.training, epochs: [1, Number.NaN, 1, 1] as [number, number, number, number], batchSize: 0 } };
    const { problems } = launchesOf(form({ projectId: null, rows: [], events: 'coders', config }));
    expect(problems).toEqual({
      projectId: 'choose a project',
      rows: 'choose at least one row of the matrix',
      'data.annotatorIds': 'choose at least one coder',
    });
    const ranges = launchesOf(form({ config })).problems!;
    expect(Object.keys(ranges).sort()).toEqual(['training.batchSize', 'training.epochs.1']);
    expect(ranges['training.batchSize']).toMatch(/>=\s*1/);
  });
});

describe('presets', () => {
  it('paper settings are MODEL.md\'s: Adam 1e-4, batch 32, lambdas 0.1, 100/300 epochs, 5 folds, the paper network', () => {
    const { config } = withPaperSettings(form({ config: withQuickCheck(form()).config }));
    expect(config.training).toMatchObject({ epochs: [100, 300, 100, 300], learningRate: 1e-4, batchSize: 32, lambdaDiv: 0.1, lambdaMiMe: 0.1, lambdaMiId: 0.1 });
    expect(config.protocol).toMatchObject({ protocol: 'kfold', folds: 5, onlyFolds: null });
    expect(config.model).toEqual({ preset: 'paper', meInput: null, idInput: null, widths: null, motionInput: null, mineProjection: false });
    expect(config.preprocessing.frames).toBe(8);
  });

  it('a quick check keeps the data and protocol and shrinks the network to one epoch a stage', () => {
    const loso = { ...initialForm.config, protocol: { ...initialForm.config.protocol, protocol: 'loso' as const } };
    const { config } = withQuickCheck(form({ config: loso }));
    expect(config.protocol.protocol).toBe('loso');
    expect(config.model).toMatchObject({ meInput: 16, idInput: 8, widths: [4, 4, 8, 8] });
    expect(config.training.epochs).toEqual([1, 1, 1, 1]);
    expect(config.preprocessing.frames).toBe(4);
  });
});

describe('formFromConfig', () => {
  it('loads a run\'s configuration back so the same launch comes out', () => {
    const saved = TrainingConfig.parse({ projectId: 3, ablation: ablationRows[5], data: { annotatorIds: [2], excludeFlagged: true }, protocol: { protocol: 'loso' }, seed: 9 });
    const loaded = formFromConfig(saved);
    expect(loaded).toMatchObject({ projectId: 3, rows: [5], events: 'coders', coders: [2] });
    expect(launchesOf(loaded).launches![0]!.config).toEqual(saved);
    const consensus = TrainingConfig.parse({ projectId: 3, data: { consensusOnly: true, excludeFlagged: true } });
    expect(formFromConfig(consensus).events).toBe('consensus');
    expect(launchesOf(formFromConfig(consensus)).launches![0]!.config).toEqual(consensus);
  });

  it('an older configuration without the new choices reads as today\'s behaviour: every event, a made split', () => {
    const old = TrainingConfig.parse({ projectId: 3, data: { mapping: null, annotatorIds: null, excludeFlagged: false }, protocol: { protocol: 'loso', folds: 5, validationShare: 0.2, onlyFolds: null } });
    expect(old.data.consensusOnly).toBe(false);
    expect(old.protocol.saved).toBeNull();
    expect(formFromConfig(old)).toMatchObject({ events: 'all', repeats: 1 });
  });
});
