/**
 * Timeline previews are stored as sheets: PREVIEWS_PER_SHEET small frames side by side in one JPEG,
 * `previews/sheet-<k>.jpg` holding frames firstFrame + k·N … firstFrame + k·N + N − 1 from the left
 * (a number without an image keeps its place). One file per preview cost an import a file creation
 * per frame and the timeline a request per tile. Recordings imported before sheets existed keep one
 * file per frame, `previews/<n>.jpg`; their previewsPerSheet is null.
 */
export const PREVIEWS_PER_SHEET = 10;

/** The sheets' file names as ffmpeg's image2 muxer numbers them. */
export const PREVIEW_SHEET_PATTERN = 'sheet-%d.jpg';

export function previewSheetName(sheet: number): string {
  return PREVIEW_SHEET_PATTERN.replace('%d', String(sheet));
}

/** Where frame n's preview is: a file below the recording's previews/ folder and its place in it. */
export interface PreviewPlace {
  file: string;
  /** Position from the left, in previews. */
  index: number;
  /** Previews side by side in the file (1: the file is the preview). */
  count: number;
}

export function previewPlace(recording: { firstFrame: number; previewsPerSheet: number | null }, n: number): PreviewPlace {
  const perSheet = recording.previewsPerSheet;
  if (perSheet === null) return { file: `${n}.jpg`, index: 0, count: 1 };
  const offset = n - recording.firstFrame;
  const sheet = Math.floor(offset / perSheet);
  return { file: previewSheetName(sheet), index: offset - sheet * perSheet, count: perSheet };
}
