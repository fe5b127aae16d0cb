import type { LabelMappingInfo } from '../../../shared/api/mappings';

/**
 * What a project label becomes in a draft mapping: a target class, `drop` (left out of training
 * and export), or `unset` (not chosen yet: the server refuses that, and says so next to it).
 */
export type LabelChoice = { kind: 'class'; target: string } | { kind: 'drop' } | { kind: 'unset' };

export interface MappingDraft {
  /** The project mapping being edited; absent for a new one (or a copy). */
  id?: number | undefined;
  name: string;
  /** The target classes as typed, comma-separated. */
  targetsText: string;
  choices: Record<string, LabelChoice>;
}

/** The target classes typed in the draft: trimmed, empty ones left out, in the order typed. */
export function parseTargets(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function emptyDraft(projectLabels: readonly string[]): MappingDraft {
  return { name: '', targetsText: '', choices: Object.fromEntries(projectLabels.map((l) => [l, { kind: 'unset' } as LabelChoice])) };
}

/**
 * A draft from a stored mapping: the project's own to edit it, a built-in one to copy it. A
 * built-in mapping names its dataset's labels, which may be spelt differently or be missing from
 * the project's set: they match ignoring case, and project labels it lacks stay unset.
 */
export function draftFrom(mapping: LabelMappingInfo, projectLabels: readonly string[]): MappingDraft {
  const keys = Object.keys(mapping.map);
  const choices: Record<string, LabelChoice> = {};
  for (const label of projectLabels) {
    const key = keys.find((k) => k.toLowerCase() === label.toLowerCase());
    const target = key === undefined ? undefined : mapping.map[key];
    choices[label] = target === undefined ? { kind: 'unset' } : target === null ? { kind: 'drop' } : { kind: 'class', target };
  }
  return {
    ...(mapping.editable && mapping.id !== null ? { id: mapping.id } : {}),
    name: mapping.editable ? mapping.name : `${mapping.name} (copy)`,
    targetsText: mapping.toLabels.join(', '),
    choices,
  };
}

/** The arguments of `mappings.save`; unset labels are left out so the server names them. */
export function saveArgs(draft: MappingDraft, projectId: number) {
  const map: Record<string, string | null> = {};
  for (const [label, choice] of Object.entries(draft.choices)) {
    if (choice.kind === 'class') map[label] = choice.target;
    else if (choice.kind === 'drop') map[label] = null;
  }
  return { projectId, ...(draft.id === undefined ? {} : { id: draft.id }), name: draft.name, toLabels: parseTargets(draft.targetsText), map };
}

/** The value of a label's select: the target class, or one of two markers no class can be. */
export const dropValue = '\u0000drop';
export const unsetValue = '';

export function choiceValue(choice: LabelChoice): string {
  return choice.kind === 'class' ? choice.target : choice.kind === 'drop' ? dropValue : unsetValue;
}

export function choiceOf(value: string): LabelChoice {
  if (value === dropValue) return { kind: 'drop' };
  if (value === unsetValue) return { kind: 'unset' };
  return { kind: 'class', target: value };
}

/** Each target class with the labels mapped to it, then the labels left out, for a one-line view. */
export function mappingGroups(mapping: Pick<LabelMappingInfo, 'toLabels' | 'map'>): { target: string | null; labels: string[] }[] {
  const entries = Object.entries(mapping.map);
  const groups = mapping.toLabels.map((target) => ({ target: target as string | null, labels: entries.filter(([, t]) => t === target).map(([l]) => l) }));
  const dropped = entries.filter(([, t]) => t === null).map(([l]) => l);
  return dropped.length > 0 ? [...groups, { target: null, labels: dropped }] : groups;
}
