import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImageFolderScan } from '../../../shared/api/media';
import { readImageSize } from './image-size';

const imageExtensions = new Set(['.jpg', '.jpeg', '.png', '.bmp']);
/** More missing numbers than this means the names hold no frame numbers (a timestamp, a date). */
const maxGaps = 1_000_000;

/** The frame number of a file name: the last run of digits (img46.jpg → 46, 006_05562.jpg → 5562). */
export function frameNumberOf(fileName: string): number | null {
  const stem = fileName.slice(0, fileName.length - path.extname(fileName).length);
  // \D*$ rather than a look-ahead with ".": a name may hold a newline, which "." does not match.
  const match = /(\d+)\D*$/.exec(stem);
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) ? n : null;
}

export interface ScannedFolder extends ImageFolderScan {
  /** Frame number → file, ascending. */
  files: { frame: number; file: string }[];
}

export class ImageFolderError extends Error {
  override readonly name = 'ImageFolderError';
}

/** Reads an image-sequence folder by the numbers in its file names, never by sort order. */
export function scanImageFolder(dir: string): ScannedFolder {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new ImageFolderError(`${dir} is not a folder`);
    names = readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch (error) {
    if (error instanceof ImageFolderError) throw error;
    throw new ImageFolderError(`${dir} does not exist or cannot be read`);
  }
  const images = names.filter((n) => imageExtensions.has(path.extname(n).toLowerCase()));
  const byFrame = new Map<number, string>();
  const duplicates: string[] = [];
  const unnumbered: string[] = [];
  for (const name of images) {
    const frame = frameNumberOf(name);
    if (frame === null) unnumbered.push(name);
    else if (byFrame.has(frame)) duplicates.push(name);
    else byFrame.set(frame, name);
  }
  if (byFrame.size === 0) throw new ImageFolderError(`${dir} has no numbered images (.jpg, .png or .bmp with a number in the name)`);
  const extensions = new Set([...byFrame.values()].map((n) => path.extname(n).toLowerCase()));
  if (extensions.size > 1) throw new ImageFolderError(`${dir} mixes image types (${[...extensions].join(', ')}); a recording needs one`);
  const files = [...byFrame.entries()].sort(([a], [b]) => a - b).map(([frame, file]) => ({ frame, file }));
  const first = files[0]!;
  const last = files.at(-1)!;
  const size = readImageSize(path.join(dir, first.file));
  if (!size) throw new ImageFolderError(`${first.file} in ${dir} is not a readable image`);
  for (const { file } of files) {
    const other = readImageSize(path.join(dir, file));
    if (!other || other.width !== size.width || other.height !== size.height) {
      const got = other ? `${other.width}x${other.height}` : 'unreadable';
      throw new ImageFolderError(`${file} is ${got} but ${first.file} is ${size.width}x${size.height}: all frames of a recording must have one size`);
    }
  }
  const missing = last.frame - first.frame + 1 - files.length;
  if (missing > maxGaps) {
    throw new ImageFolderError(
      `${dir}: its ${files.length} images are numbered ${first.frame}..${last.frame}, which leaves ${missing} frame numbers without an image; the numbers in these names are not frame numbers`,
    );
  }
  const gaps: number[] = [];
  for (let i = 1; i < files.length; i++) {
    for (let n = files[i - 1]!.frame + 1; n < files[i]!.frame; n++) gaps.push(n);
  }
  return {
    dir,
    frameCount: files.length,
    firstFrame: first.frame,
    lastFrame: last.frame,
    gaps,
    duplicates,
    unnumbered,
    extension: [...extensions][0]!.slice(1),
    width: size.width,
    height: size.height,
    files,
  };
}
