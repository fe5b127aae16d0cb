import { z } from 'zod';
import { Id, Name, Timestamp } from './common';

export const Subject = z.object({
  id: Id,
  projectId: Id,
  /** Kept exactly as entered: dataset codes such as "006" or "sub01" keep their zeros. */
  code: z.string(),
  notes: z.string(),
  recordingCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Subject = z.infer<typeof Subject>;

const Notes = z.string().max(10000, 'must be at most 10000 characters');

export const CreateSubject = z.object({ projectId: Id, code: Name(64), notes: Notes.optional() }).strict();
export const UpdateSubject = z.object({ id: Id, code: Name(64).optional(), notes: Notes.optional() }).strict();
