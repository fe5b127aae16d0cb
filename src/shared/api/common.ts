import { z } from 'zod';

/** Database row ids are positive integers. */
export const Id = z.number().int().positive();

/** ISO-8601 timestamps as stored and sent. */
export const Timestamp = z.string();

/** A trimmed, non-empty, single-line name. */
export const Name = (max = 120) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), 'must not contain control characters');

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
