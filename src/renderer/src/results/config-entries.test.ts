import { describe, expect, it } from 'vitest';
import { TrainingConfig } from '../../../shared/api/training';
import { configEntries } from './config-entries';

describe('a run configuration as rows', () => {
  const config = TrainingConfig.parse({ projectId: 4, protocol: { protocol: 'loso', onlyFolds: [0, 2] }, model: { widths: [4, 4, 8, 8] }, ablation: { dao: true, divergence: false, decoupling: true } });
  const entries = configEntries(config);
  const value = (section: string, key: string) => entries.find((e) => e.section === section && e.key === key)?.value;

  it('lists every field, grouped by section', () => {
    expect(value('protocol', 'protocol')).toBe('loso');
    expect(value('model', 'widths')).toBe('4, 4, 8, 8');
    expect(value('ablation', 'divergence')).toBe('no');
    expect(value('training', 'epochs')).toBe('10, 20, 10, 20');
    expect(value('run', 'seed')).toBe('1');
    expect(value('run', 'backend')).toBe('auto');
  });

  it('says what an empty choice means', () => {
    expect(value('data', 'mapping')).toBe('the project’s own labels');
    expect(value('model', 'meInput')).toBe('from the preset');
    expect(value('data', 'extraProjectIds')).toBe('none: the run’s project alone');
    expect(value('protocol', 'onlyFolds')).toBe('0, 2');
  });

  it('a saved split reads as its folds and where they came from, not as an object', () => {
    expect(value('protocol', 'saved')).toBe('none: the protocol makes the split');
    const saved = { path: '/exports/loso', protocol: 'loso', seed: 3, createdAt: '2026-01-01T00:00:00.000Z', folds: [{ name: 'subject A', train: [1], validation: [], test: [2] }] };
    const onSaved = configEntries(TrainingConfig.parse({ projectId: 4, protocol: { protocol: 'saved', saved } }));
    expect(onSaved.find((e) => e.key === 'saved')?.value).toBe('1 fold stored with the run, read from /exports/loso (exported 2026-01-01T00:00:00.000Z)');
  });
});
