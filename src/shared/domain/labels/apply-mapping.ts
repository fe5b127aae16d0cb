import type { LabelMapping } from './label-mappings';
import { LABEL_SETS } from './label-sets';
import { normaliseLabel } from './normalise-label';

export type RawLabel = string | number | null | undefined;

/**
 * One raw label through a mapping:
 * - `mapped`: normalised to `from`'s label, then mapped to `to`'s label;
 * - `dropped`: a known label the protocol leaves out (e.g. CASME II "others" in MEGC 2019);
 * - `unknown`: not a label of the `from` set at all (a typo, an empty cell): must be reported.
 */
export type MappedLabel =
  | { readonly status: 'mapped'; readonly raw: RawLabel; readonly from: string; readonly to: string }
  | { readonly status: 'dropped'; readonly raw: RawLabel; readonly from: string; readonly to: null }
  | { readonly status: 'unknown'; readonly raw: RawLabel; readonly from: null; readonly to: null };

export function mapLabel(mapping: LabelMapping, raw: RawLabel): MappedLabel {
  const from = normaliseLabel(mapping.from, raw);
  if (from === null) return { status: 'unknown', raw, from: null, to: null };
  const to = Object.hasOwn(mapping.map, from) ? mapping.map[from] : undefined;
  // A label of the set the mapping forgot is a broken mapping, not a protocol choice: say unknown
  // rather than pretend it was dropped on purpose (validateMapping catches it in tests).
  if (to === undefined) return { status: 'unknown', raw, from: null, to: null };
  return to === null ? { status: 'dropped', raw, from, to: null } : { status: 'mapped', raw, from, to };
}

export interface MappingReport {
  /** Per input, in order: the target label, or null when dropped or unknown. */
  readonly labels: readonly (string | null)[];
  /** Every label of the target set, with how many inputs reached it (zero included). */
  readonly counts: Readonly<Record<string, number>>;
  readonly dropped: readonly { readonly index: number; readonly raw: RawLabel; readonly label: string }[];
  readonly unknown: readonly { readonly index: number; readonly raw: RawLabel }[];
}

export function applyMapping(mapping: LabelMapping, raws: readonly RawLabel[]): MappingReport {
  const counts: Record<string, number> = Object.fromEntries(LABEL_SETS[mapping.to].labels.map((label) => [label, 0]));
  const dropped: { index: number; raw: RawLabel; label: string }[] = [];
  const unknown: { index: number; raw: RawLabel }[] = [];
  const labels = raws.map((raw, index) => {
    const result = mapLabel(mapping, raw);
    if (result.status === 'mapped') counts[result.to] = (counts[result.to] ?? 0) + 1;
    else if (result.status === 'dropped') dropped.push({ index, raw, label: result.from });
    else unknown.push({ index, raw });
    return result.to;
  });
  return { labels, counts, dropped, unknown };
}

/** What is wrong with a mapping (empty when nothing is): for tests and user-made mappings. */
export function validateMapping(mapping: LabelMapping): string[] {
  const from = LABEL_SETS[mapping.from].labels;
  const to = LABEL_SETS[mapping.to].labels;
  const problems: string[] = [];
  for (const label of from) {
    if (!Object.hasOwn(mapping.map, label)) problems.push(`"${label}" of ${mapping.from} is not mapped`);
  }
  for (const [label, target] of Object.entries(mapping.map)) {
    if (!from.includes(label)) problems.push(`"${label}" is not a label of ${mapping.from}`);
    if (target !== null && !to.includes(target)) problems.push(`"${target}" is not a label of ${mapping.to}`);
  }
  return problems;
}
