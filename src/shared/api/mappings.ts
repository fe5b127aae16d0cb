import { z } from 'zod';
import { Id, Name, Timestamp } from './common';

/** A class mapping: every label of `fromLabels` goes to one of `toLabels`, or null (dropped). */
export const LabelMappingInfo = z.object({
  /** `builtin:<id>` for the public datasets' mappings, `project:<id>` for a project's own. */
  key: z.string(),
  id: Id.nullable(),
  name: z.string(),
  fromLabels: z.array(z.string()),
  toLabels: z.array(z.string()),
  map: z.record(z.string(), z.string().nullable()),
  editable: z.boolean(),
  /** Where a built-in mapping comes from, and whether it is documented or by analogy. */
  source: z.string(),
  updatedAt: Timestamp.nullable(),
});
export type LabelMappingInfo = z.infer<typeof LabelMappingInfo>;

export const LabelSetInfo = z.object({ id: z.string(), name: z.string(), labels: z.array(z.string()), source: z.string() });

export const SaveMapping = z
  .object({
    projectId: Id,
    /** Absent: a new mapping. */
    id: Id.optional(),
    name: Name(120),
    toLabels: z.array(Name(40)).min(1).max(32),
    map: z.record(z.string(), z.string().nullable()),
  })
  .strict();
