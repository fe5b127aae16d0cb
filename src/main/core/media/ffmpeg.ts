/**
 * The only place that drives ffmpeg and ffprobe (through fluent-ffmpeg, which is archived
 * upstream: keep it behind this file so it can be replaced in one place).
 */
import ffmpeg from 'fluent-ffmpeg';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VideoProbe } from '../../../shared/api/media';
import { PREVIEW_SHEET_PATTERN, PREVIEWS_PER_SHEET } from '../../../shared/domain/preview-sheets';
import { jpegRangeFilter, type SourcePixels } from './full-range';
import { parseRational } from './rational';
import type { Tools } from './tools';

export class MediaError extends Error {
  override readonly name = 'MediaError';
}

/** The line of ffmpeg's stderr that names the problem (its last lines are often just statistics). */
function reason(stderr: string | null | undefined, fallback: string): string {
  const lines = (stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(ffmpeg|ffprobe) version|^built with|^configuration:|^lib\w+\s+\d/.test(l));
  const problem = lines.find((l) => /no space left|error|invalid|failed|not found|could not|unable|denied|does not contain|truncat|corrupt/i.test(l));
  return problem ?? (lines.slice(-2).join(' ') || fallback);
}

/** The probe as the contract shows it, plus what the decoder needs to know of the pixels. */
export interface ProbedVideo extends VideoProbe {
  pixels: SourcePixels;
}

/**
 * Before a command's first run in a process, fluent-ffmpeg asks ffmpeg for its formats and
 * encoders (two more ffmpeg processes; cached after that, but commands started together all ask).
 * An import asks once, beside its probe, so that is off the decode's path; decodeVideo waits for it.
 */
let capabilities: Promise<void> | null = null;
export function warmCapabilities(tools: Tools): Promise<void> {
  capabilities ??= new Promise((resolve) => {
    ffmpeg().setFfmpegPath(tools.ffmpeg).availableFormats(() => ffmpeg().setFfmpegPath(tools.ffmpeg).availableEncoders(() => resolve()));
  });
  return capabilities;
}

/** Scales each frame to `width` and lays PREVIEWS_PER_SHEET of them side by side (the last sheet padded). */
function previewSheetOptions(width: number): string[] {
  return ['-vf', `scale=${width}:-2:flags=fast_bilinear,tile=${PREVIEWS_PER_SHEET}x1`, '-q:v', '5', '-huffman', 'default'];
}

/** ffmpeg's progress line: `frame=  123 fps= 45 …`. */
const progressLine = /frame=\s*(\d+)\s+fps=\s*([\d.]+)/;

export function probeVideo(file: string, tools: Tools): Promise<ProbedVideo> {
  return new Promise((resolve, reject) => {
    let sizeBytes: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return reject(new MediaError(`${file} is not a file`));
      sizeBytes = stat.size;
    } catch {
      return reject(new MediaError(`${file} does not exist or cannot be read`));
    }
    ffmpeg(file)
      .setFfprobePath(tools.ffprobe)
      .ffprobe(['-count_packets'], (error: Error | null, data: ffmpeg.FfprobeData) => {
        if (error) return reject(new MediaError(`${path.basename(file)} is not a video ffmpeg can read: ${reason(error.message, 'ffprobe failed')}`));
        const video = data.streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
        if (!video) return reject(new MediaError(`${path.basename(file)} has no video stream`));
        const fps = parseRational(video.avg_frame_rate) ?? parseRational(video.r_frame_rate);
        if (!fps) return reject(new MediaError(`${path.basename(file)} does not declare a frame rate`));
        const counted = Number((video as { nb_read_packets?: string }).nb_read_packets);
        const declared = Number(video.nb_frames);
        const frameCount = Number.isFinite(counted) && counted > 0 ? counted : Number.isFinite(declared) ? declared : 0;
        const rotation = Math.round(Number((video as { rotation?: string | number }).rotation ?? video['tags']?.['rotate'] ?? 0)) || 0;
        const quarterTurn = Math.abs(rotation) % 180 === 90;
        resolve({
          path: file,
          sizeBytes,
          container: String(data.format.format_name ?? ''),
          codec: String(video.codec_name ?? 'unknown'),
          width: (quarterTurn ? video.height : video.width) ?? 0,
          height: (quarterTurn ? video.width : video.height) ?? 0,
          fps,
          frameCount,
          durationSec: Number(data.format.duration ?? video.duration ?? 0) || frameCount / (fps.num / fps.den),
          rotation,
          pixels: { format: String(video.pix_fmt ?? 'unknown'), range: String(video.color_range ?? 'unknown') },
        });
      });
  });
}

export interface DecodeOptions {
  input: string;
  tools: Tools;
  /** Receives frames/<n>.<ext>, n counting from 0 (or from range.first), and previews/sheet-<k>.jpg. */
  outDir: string;
  format: 'jpg' | 'png';
  previewWidth: number;
  /**
   * Only part of the video: seek to seekSec (input timeline), write `count` frames numbered from
   * `first` (a multiple of PREVIEWS_PER_SHEET) and the `sheets` preview sheets that start there.
   */
  range?: { seekSec: number; first: number; count: number | null; sheets: number | null } | undefined;
  /** From the probe: lets JPEG frames get their full-range conversion the cheap way. */
  pixels?: SourcePixels | undefined;
  /** Threads of the decoder and of each encoder; unset lets ffmpeg choose (segments use one each, side by side). */
  threads?: number | undefined;
  signal: AbortSignal;
  onProgress(framesDone: number, fps: number): void;
}

/** Decodes every frame once (no frame dropped or duplicated) into numbered files, with small previews. */
export async function decodeVideo(options: DecodeOptions): Promise<void> {
  const { input, tools, outDir, format, range } = options;
  const rangeFilter = format === 'jpg' ? jpegRangeFilter(options.pixels) : null;
  const full = [
    ...(rangeFilter ? ['-vf', rangeFilter] : []),
    ...(format === 'jpg' ? ['-q:v', '2', '-huffman', 'default'] : ['-pix_fmt', 'rgb24', '-compression_level', '1']),
  ];
  const threads = options.threads === undefined ? [] : ['-threads', String(options.threads)];
  // With -ss before -i, ffmpeg decodes from the keyframe before seekSec and drops every frame
  // shown earlier (accurate seek), so the first frame written is the one at seekSec.
  const seek = range && range.seekSec > 0 ? ['-ss', range.seekSec.toFixed(6)] : [];
  const first = range?.first ?? 0;
  if (first % PREVIEWS_PER_SHEET !== 0) throw new MediaError(`A decode must start on a preview sheet's first frame, not at frame ${first}`);
  const numbering = ['-start_number', String(first), ...(range?.count != null ? ['-frames:v', String(range.count)] : [])];
  const sheets = ['-start_number', String(first / PREVIEWS_PER_SHEET), ...(range?.sheets != null ? ['-frames:v', String(range.sheets)] : [])];
  const command = ffmpeg(input)
    .setFfmpegPath(tools.ffmpeg)
    .inputOptions(['-nostdin', ...threads, ...seek])
    .output(path.join(outDir, 'frames', `%d.${format}`))
    .outputOptions(['-map', '0:v:0', '-fps_mode', 'passthrough', ...numbering, ...threads, ...full])
    .output(path.join(outDir, 'previews', PREVIEW_SHEET_PATTERN))
    .outputOptions(['-map', '0:v:0', '-fps_mode', 'passthrough', ...sheets, ...threads, ...previewSheetOptions(options.previewWidth)])
    // Progress from ffmpeg's own lines: a 'progress' listener would make fluent-ffmpeg probe the
    // input once more, beside every decode.
    .on('stderr', (line: string) => {
      const progress = progressLine.exec(line);
      if (progress) options.onProgress(Number(progress[1]), Number(progress[2]));
    });
  await warmCapabilities(tools);
  return run(command, options.signal, `Could not decode ${path.basename(input)}`);
}

/**
 * The presentation time (seconds on the input's timeline, as -ss counts it) of every frame of the
 * first video stream, in display order; null when the packets carry no usable timestamps.
 */
export function frameTimes(file: string, tools: Tools, signal: AbortSignal): Promise<number[] | null> {
  const args = ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time:format=start_time', '-of', 'json', file];
  return new Promise((resolve, reject) => {
    execFile(tools.ffprobe, args, { maxBuffer: 1 << 30, signal }, (error, stdout) => {
      if (error) return reject(new MediaError(signal.aborted ? 'cancelled' : `${path.basename(file)}: could not list its frames: ${error.message}`));
      const data = JSON.parse(stdout) as { packets?: { pts_time?: string }[]; format?: { start_time?: string } };
      const start = Number(data.format?.start_time ?? 0) || 0;
      const times = (data.packets ?? []).map((p) => Number(p.pts_time) - start);
      resolve(times.every((t) => Number.isFinite(t)) ? times.sort((a, b) => a - b) : null);
    });
  });
}

/**
 * One image (a stored frame) as RGB pixels, scaled down (never up) so that its longer side is at
 * most `maxSide`; `size` is the image's own size.
 */
export function readImageRgb(file: string, size: { width: number; height: number }, maxSide: number, tools: Tools, signal: AbortSignal): Promise<{ data: Uint8Array; width: number; height: number }> {
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height));
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  const args = ['-v', 'error', '-nostdin', '-i', file, '-frames:v', '1', '-vf', `scale=${width}:${height}:flags=area`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
  return new Promise((resolve, reject) => {
    execFile(tools.ffmpeg, args, { encoding: 'buffer', maxBuffer: width * height * 3 + 1024, signal }, (error, stdout, stderr) => {
      if (error) return reject(new MediaError(signal.aborted ? 'cancelled' : `${path.basename(file)} could not be read: ${reason(stderr.toString(), error.message)}`));
      if (stdout.length !== width * height * 3) return reject(new MediaError(`${path.basename(file)} could not be read: ffmpeg gave ${stdout.length} bytes for ${width}x${height} pixels`));
      resolve({ data: new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.length), width, height });
    });
  });
}

/** Runs a command to its end; rejects with ffmpeg's own reason, or 'cancelled' when aborted. */
function run(command: ffmpeg.FfmpegCommand, signal: AbortSignal, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new MediaError('cancelled'));
    const onAbort = (): void => void command.kill('SIGKILL');
    signal.addEventListener('abort', onAbort, { once: true });
    command
      .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        signal.removeEventListener('abort', onAbort);
        reject(new MediaError(signal.aborted ? 'cancelled' : `${what}: ${reason(stderr, error.message)}`));
      })
      .on('end', () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      })
      .run();
  });
}

/**
 * Converts an image sequence: `png` writes `outDir/<i>.png`, i counting from 0 in the order given;
 * `preview` writes preview sheets `outDir/sheet-<k>.jpg` of the images in that order.
 */
export async function convertSequence(files: readonly string[], outDir: string, as: 'preview' | 'png', width: number, tools: Tools, signal: AbortSignal): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const listFile = `${outDir}.list`;
  writeImageList(listFile, files);
  const options = as === 'preview' ? previewSheetOptions(width) : ['-pix_fmt', 'rgb24'];
  const command = ffmpeg(listFile)
    .setFfmpegPath(tools.ffmpeg)
    .inputOptions(['-nostdin', '-f', 'concat', '-safe', '0'])
    .output(path.join(outDir, as === 'preview' ? PREVIEW_SHEET_PATTERN : '%d.png'))
    .outputOptions(['-fps_mode', 'passthrough', '-start_number', '0', ...options]);
  try {
    await run(command, signal, as === 'preview' ? 'Could not make previews' : 'Could not convert the images');
  } finally {
    rmSync(listFile, { force: true });
  }
}

/** Writes a concat-demuxer list that shows each image for one frame, in the order given. */
function writeImageList(listFile: string, files: readonly string[]): void {
  writeFileSync(listFile, files.map((f) => `file '${f.replaceAll("'", "'\\''")}'\nduration 1\n`).join(''));
}

/** A rectangle in an image's pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RgbFramesOptions {
  /** Image files of one size, in the order wanted (one ffmpeg process reads them all). */
  files: readonly string[];
  /** Cut out first, in the images' pixels; null keeps the whole image. */
  crop: PixelBox | null;
  /** One raw file per size: files.length frames of size x size rgb24 pixels (row-major), in order. */
  outputs: readonly { size: number; file: string }[];
  tools: Tools;
  signal: AbortSignal;
}

/** Crops and resizes a list of images to square raw RGB, every size from one decode of each image. */
export async function writeRgbFrames(options: RgbFramesOptions): Promise<void> {
  const { crop, outputs } = options;
  if (options.files.length === 0 || outputs.length === 0) throw new MediaError('writeRgbFrames needs at least one image and one output');
  const listFile = `${outputs[0]!.file}.list`;
  writeImageList(listFile, options.files);
  // exact=1: ffmpeg otherwise rounds the crop to even pixels for JPEG's chroma; -xerror: stop on
  // an unreadable image instead of skipping it (which would shift every later frame).
  const cut = crop ? `crop=${crop.width}:${crop.height}:${crop.x}:${crop.y}:exact=1,` : '';
  const command = ffmpeg(listFile).setFfmpegPath(options.tools.ffmpeg).inputOptions(['-nostdin', '-xerror', '-f', 'concat', '-safe', '0']);
  for (const { size, file } of outputs) {
    // 'area' averages the pixels a target pixel covers: the usual choice for shrinking faces.
    command.output(file).outputOptions(['-map', '0:v:0', '-fps_mode', 'passthrough', '-vf', `${cut}scale=${size}:${size}:flags=area`, '-f', 'rawvideo', '-pix_fmt', 'rgb24']);
  }
  try {
    await run(command, options.signal, 'Could not read the frames');
  } finally {
    rmSync(listFile, { force: true });
  }
}

export interface JpegFramesOptions {
  /** Image files of one size; files[i] is written to outputs[i] (one ffmpeg process reads them all). */
  files: readonly string[];
  /** JPEG files to write, one per image. */
  outputs: readonly string[];
  /** Cut out first, in the images' pixels; null keeps the whole image. */
  crop: PixelBox | null;
  /** Then resized to size x size; null keeps the size. */
  size: number | null;
  tools: Tools;
  signal: AbortSignal;
}

/** Crops and resizes a list of images into high-quality JPEG files, with one ffmpeg process. */
export async function writeJpegFrames(options: JpegFramesOptions): Promise<void> {
  const { files, outputs, crop, size } = options;
  if (files.length === 0 || files.length !== outputs.length) throw new MediaError('writeJpegFrames needs at least one image and one output per image');
  // ffmpeg numbers what it writes 0, 1, 2…, while the wanted names may skip numbers (missing
  // frames): it writes into a scratch folder and each file is then renamed to its output.
  const scratch = `${outputs[0]!}.${process.pid}-jpeg`;
  mkdirSync(scratch, { recursive: true });
  const listFile = path.join(scratch, 'list.txt');
  writeImageList(listFile, files);
  const filters = [
    // exact: subsampled JPEG frames are otherwise cut at the nearest even pixel, not at the box.
    ...(crop ? [`crop=${crop.width}:${crop.height}:${crop.x}:${crop.y}:exact=1`] : []),
    // 'area', as the training clip cache resizes: an exported face matches what a model was fed.
    ...(size === null ? [] : [`scale=${size}:${size}:flags=area`]),
  ];
  const command = ffmpeg(listFile)
    .setFfmpegPath(options.tools.ffmpeg)
    // -xerror: the concat demuxer otherwise skips an unreadable image, and every later frame
    // would be written under the name of the one before it.
    .inputOptions(['-nostdin', '-xerror', '-f', 'concat', '-safe', '0'])
    .output(path.join(scratch, '%d.jpg'))
    // The frame store's JPEG quality; the chroma sampling stays the source's (4:4:4 from PNG).
    .outputOptions(['-map', '0:v:0', '-fps_mode', 'passthrough', '-start_number', '0', ...(filters.length > 0 ? ['-vf', filters.join(',')] : []), '-q:v', '2']);
  try {
    await run(command, options.signal, 'Could not write the frames');
    const written = readdirSync(scratch).filter((f) => f.endsWith('.jpg')).length;
    if (written !== files.length) throw new MediaError(`Could not write the frames: ffmpeg wrote ${written} images for ${files.length} frames`);
    outputs.forEach((output, i) => renameSync(path.join(scratch, `${i}.jpg`), output));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
