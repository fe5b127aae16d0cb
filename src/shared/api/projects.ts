import { z } from 'zod';
import { Id, Name, Timestamp } from './common';

/** The SDU default emotion vocabulary. */
export const defaultLabelSet = ['happiness', 'surprise', 'disgust', 'sadness', 'fear', 'anger'] as const;

export const LabelSet = z
  .array(Name(40))
  .min(2, 'needs at least two labels')
  .max(32, 'at most 32 labels')
  .refine((labels) => new Set(labels.map((l) => l.toLowerCase())).size === labels.length, 'labels must be unique');

/** Frames per second; a video's exact rational rate is stored per recording. */
export const Fps = z.number().positive('must be positive').max(10000, 'must be at most 10000');

export const Project = z.object({
  id: Id,
  name: z.string(),
  labelSet: z.array(z.string()),
  defaultFps: z.number(),
  subjectCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Project = z.infer<typeof Project>;

export const CreateProject = z
  .object({ name: Name(), labelSet: LabelSet.optional(), defaultFps: Fps.optional() })
  .strict();

export const UpdateProject = z
  .object({ id: Id, name: Name().optional(), labelSet: LabelSet.optional(), defaultFps: Fps.optional() })
  .strict();
