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
    expect(value('protocol', 'onlyFolds')).toBe('0, 2');
  });
});
