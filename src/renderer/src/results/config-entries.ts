import type { TrainingConfig } from '../../../shared/api/training';

export interface ConfigEntry {
  section: string;
  key: string;
  value: string;
}

/** What a field left empty (null) means, where it is a choice rather than "nothing". */
const nullMeaning: Record<string, string> = {
  'data.mapping': 'the project’s own labels',
  'data.annotatorIds': 'every coder',
  'protocol.onlyFolds': 'all folds',
  'protocol.saved': 'none: the protocol makes the split',
  'model.meInput': 'from the preset',
  'model.idInput': 'from the preset',
  'model.widths': 'from the preset',
};

function text(path: string, value: unknown): string {
  if (value === null) return nullMeaning[path] ?? '—';
  if (path === 'data.extraProjectIds' && Array.isArray(value) && value.length === 0) return 'none: the run’s project alone';
  if (path === 'protocol.saved') {
    const saved = value as NonNullable<TrainingConfig['protocol']['saved']>;
    return `${saved.folds.length} fold${saved.folds.length === 1 ? '' : 's'} stored with the run, read from ${saved.path} (exported ${saved.createdAt})`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** A run's configuration as rows "section · field · value", every field of TrainingConfig. */
export function configEntries(config: TrainingConfig): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  for (const [section, value] of Object.entries(config)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) entries.push({ section, key, value: text(`${section}.${key}`, v) });
    } else {
      entries.push({ section: 'run', key: section, value: text(section, value) });
    }
  }
  return entries;
}
