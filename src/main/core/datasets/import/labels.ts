import type { ImportDefect } from '../../../../shared/api/datasets';
import { LABEL_SETS, labelKey, normaliseLabel, type LabelSet, type LabelSetId } from '../../../../shared/domain/labels';

/** The project's label set as a label set of the normaliser (lower-cased), with its spellings. */
function projectSet(labels: readonly string[]): { set: LabelSet; spelling: Map<string, string> } {
  const spelling = new Map(labels.map((l) => [labelKey(l), l]));
  return { set: { id: 'sdu', name: 'project', labels: [...spelling.keys()], aliases: {}, source: 'the project' }, spelling };
}

export interface LabelReading {
  /** What the event stores: the project's spelling when its set has the label. */
  emotion: string;
  defects: ImportDefect[];
}

/**
 * A raw emotion of a sheet (or a folder name) → the label stored (DATASETS.md A.0 rule 6): first
 * the dataset's own label (`Other` → `other`, `happy` → `happiness`), then the project's label
 * for it (`other` → `others`). A label the project's set lacks is stored as the dataset spells it
 * (the event is then flagged "unknown emotion" by the labelling backend); one that is not even a
 * label of the dataset is reported as unknown. The raw text stays in the report and the link.
 */
export function readLabel(raw: string, dataset: LabelSetId | null, projectLabels: readonly string[]): LabelReading {
  const text = raw.trim();
  if (text === '') {
    return { emotion: 'unknown', defects: [{ code: 'unknown-label', message: 'The row gives no emotion', action: 'Stored as "unknown" and flagged' }] };
  }
  const own = dataset ? normaliseLabel(dataset, text) : null;
  const { set, spelling } = projectSet(projectLabels);
  const inProject = normaliseLabel(set, text) ?? (own === null ? null : normaliseLabel(set, own));
  if (inProject !== null) {
    const emotion = spelling.get(inProject)!;
    if (dataset && own === null) {
      return { emotion, defects: [{ code: 'unknown-label', message: `"${text}" is not a ${LABEL_SETS[dataset].name} label`, action: `Stored as the project's "${emotion}"` }] };
    }
    return { emotion, defects: [] };
  }
  if (dataset && own === null) {
    return {
      emotion: labelKey(text),
      defects: [{ code: 'unknown-label', message: `"${text}" is not a ${LABEL_SETS[dataset].name} label, nor one of the project's`, action: `Stored as "${labelKey(text)}" and flagged` }],
    };
  }
  const stored = own ?? labelKey(text);
  if (!dataset) {
    return { emotion: stored, defects: [{ code: 'unknown-label', message: `"${text}" is not in the project's label set (${projectLabels.join(', ')})`, action: `Stored as "${stored}" and flagged` }] };
  }
  return {
    emotion: stored,
    defects: [{ code: 'label-not-in-project', message: `"${stored}" is not in the project's label set (${projectLabels.join(', ')})`, action: `Stored as "${stored}"; the event shows as unknown emotion until the label set has it` }],
  };
}
