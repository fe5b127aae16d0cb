import { LABEL_SETS, type LabelSet, type LabelSetId } from './label-sets';

/**
 * Spellings of one emotion across datasets. A raw label in a group becomes whichever member the
 * target set uses, so "other" reaches CASME II's "others" and "Others" reaches SAMM's "other".
 */
const SYNONYMS: readonly (readonly string[])[] = [
  ['happiness', 'happy'],
  ['sadness', 'sad'],
  ['anger', 'angry'],
  ['surprise', 'surprised'],
  ['disgust', 'disgusted'],
  ['fear', 'fearful'],
  ['contempt', 'contemptuous'],
  ['repression', 'repressed'],
  ['others', 'other'],
];

/**
 * The comparable form of a raw label: Unicode-compatibility folded (full-width letters), trimmed,
 * inner whitespace collapsed to one space, lower case. Numbers become their digits.
 */
export function labelKey(raw: string | number): string {
  return String(raw).normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * The label of `set` that a raw dataset label means, or null when it means none of them (an
 * unknown label the importer must report, never drop silently). Empty cells give null too.
 */
export function normaliseLabel(set: LabelSet | LabelSetId, raw: string | number | null | undefined): string | null {
  const target = typeof set === 'string' ? LABEL_SETS[set] : set;
  if (raw === null || raw === undefined) return null;
  const key = labelKey(raw);
  if (target.labels.includes(key)) return key;
  if (Object.hasOwn(target.aliases, key)) return target.aliases[key] ?? null;
  const group = SYNONYMS.find((spellings) => spellings.includes(key));
  return group?.find((spelling) => target.labels.includes(spelling)) ?? null;
}
