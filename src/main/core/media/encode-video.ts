/**
 * Encodes raw RGB frames into an H.264 mp4 by piping them into ffmpeg's stdin. Used by the demo
 * generator (the frames it renders go through the same import path as a camera's videos).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { MediaError } from './ffmpeg';

export interface EncodeRgbVideoOptions {
  ffmpegPath: string;
  /** An .mp4 path; overwritten if it exists, removed again if encoding fails or is cancelled. */
  output: string;
  width: number;
  height: number;
  fps: number;
  /** `width*height*3` bytes each, rgb24, row-major. Buffers are copied, so a producer may reuse one. */
  frames: Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  signal?: AbortSignal;
  /** x264 constant rate factor; 12 (default) keeps motions of a pixel intact. */
  crf?: number;
  preset?: string;
}

/** How much of ffmpeg's stderr to keep for the error message. */
const STDERR_KEEP = 4000;

export function encoderArgs(o: Pick<EncodeRgbVideoOptions, 'output' | 'width' | 'height' | 'fps' | 'crf' | 'preset'>): string[] {
  return [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-video_size', `${o.width}x${o.height}`, '-framerate', String(o.fps), '-i', 'pipe:0',
    '-an', '-c:v', 'libx264', '-preset', o.preset ?? 'fast', '-crf', String(o.crf ?? 12),
    // 4:2:0 for players; BT.601 tags match swscale's default RGB<->YUV matrix, so a decode gives back the colours.
    '-pix_fmt', 'yuv420p', '-colorspace', 'smpte170m', '-color_primaries', 'smpte170m', '-color_trc', 'smpte170m', '-color_range', 'tv',
    // A keyframe every second keeps seeking in the scrubber cheap.
    '-g', String(Math.max(1, Math.round(o.fps))), '-movflags', '+faststart',
    '-f', 'mp4', o.output,
  ];
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('The encoding was cancelled');
  error.name = 'AbortError';
  return error;
}

async function* asAsync(frames: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* frames;
}

/**
 * Spawns ffmpeg, writes every frame to its stdin (waiting for 'drain' when the pipe is full) and
 * resolves when ffmpeg exits cleanly. On failure it rejects with ffmpeg's own last words; on abort it
 * kills ffmpeg and rejects with the signal's reason. Either way the partial output is removed.
 */
export async function encodeRgbVideo(options: EncodeRgbVideoOptions): Promise<void> {
  const { width, height, signal } = options;
  const frameBytes = width * height * 3;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new MediaError(`Invalid frame size ${width}x${height}`);
  if (width % 2 || height % 2) throw new MediaError(`H.264 in 4:2:0 needs an even frame size, not ${width}x${height}`);
  if (!(options.fps > 0)) throw new MediaError(`Invalid frame rate ${options.fps}`);
  if (signal?.aborted) throw abortReason(signal);

  const child = spawn(options.ffmpegPath, encoderArgs(options), { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEEP);
  });
  const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  let finished = false;
  void exited.then(() => {
    finished = true;
  });
  // stdin errors (EPIPE when ffmpeg quits early) are reported through the exit status instead.
  child.stdin.on('error', () => undefined);
  const onAbort = (): void => void child.kill('SIGKILL');
  signal?.addEventListener('abort', onAbort, { once: true });

  const ffmpegFailed = (what: string, code: number | null, error?: Error): MediaError => {
    const lines = stderr.trim().split('\n').slice(-6).join('\n');
    return new MediaError(`${what}: ${error ? error.message : `ffmpeg exited with code ${code}`}${lines ? `\n${lines}` : ''}`);
  };
  const cleanUp = async (): Promise<void> => {
    if (!finished) child.kill('SIGKILL');
    await exited;
    rmSync(options.output, { force: true });
  };

  try {
    let failure: Error | null = null;
    let count = 0;
    try {
      for await (const frame of asAsync(options.frames)) {
        if (signal?.aborted || finished) break;
        if (frame.byteLength !== frameBytes) {
          failure = new MediaError(`Frame ${count} has ${frame.byteLength} bytes, expected ${frameBytes} (${width}x${height} rgb24)`);
          break;
        }
        count++;
        if (!child.stdin.write(Buffer.from(frame))) {
          await Promise.race([new Promise((resolve) => child.stdin.once('drain', resolve)), exited]);
        }
      }
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    if (signal?.aborted) failure = abortReason(signal);
    if (!failure && finished) {
      const { code, error } = await exited;
      failure = ffmpegFailed('ffmpeg stopped before all frames were written', code, error);
    }
    if (!failure && count === 0) failure = new MediaError('No frames to encode');
    if (!failure) {
      child.stdin.end();
      const { code, error } = await exited;
      if (signal?.aborted) failure = abortReason(signal);
      else if (code !== 0 || error) failure = ffmpegFailed(`Could not encode ${options.output}`, code, error);
    }
    if (failure) {
      await cleanUp();
      throw failure;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
