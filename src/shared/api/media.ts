import { z } from 'zod';
import { Rational } from './recordings';

/** What ffprobe says of a video, before anything is imported. */
export const VideoProbe = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
  container: z.string(),
  codec: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  fps: Rational,
  /** From the container when it says, else counted from packets. */
  frameCount: z.number().int(),
  durationSec: z.number(),
  /** Degrees the player must rotate by; frames are stored upright. */
  rotation: z.number().int(),
});
export type VideoProbe = z.infer<typeof VideoProbe>;

/** An image-sequence folder, read by the numbers in its file names. */
export const ImageFolderScan = z.object({
  dir: z.string(),
  frameCount: z.number().int(),
  firstFrame: z.number().int(),
  lastFrame: z.number().int(),
  /** Frame numbers between first and last with no file. */
  gaps: z.array(z.number().int()),
  /** Files whose number another file already has (e.g. img7.jpg and img007.jpg); the first in name order is kept. */
  duplicates: z.array(z.string()),
  /** Image files without a number in their name, not imported. */
  unnumbered: z.array(z.string()),
  extension: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type ImageFolderScan = z.infer<typeof ImageFolderScan>;

export const FileEntry = z.object({ name: z.string(), kind: z.enum(['dir', 'file']), sizeBytes: z.number().int() });
export const FolderListing = z.object({ dir: z.string(), parent: z.string().nullable(), entries: z.array(FileEntry) });
export type FolderListing = z.infer<typeof FolderListing>;

export const PathInput = z.object({ path: z.string().min(1, 'must not be empty').max(4096) }).strict();
export const ListFolder = z.object({ dir: z.string().max(4096).optional() }).strict();
