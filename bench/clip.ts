import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoPlan, DEFAULT_DEMO_SEED } from '../src/main/core/demo/plan';
import { renderRecording } from '../src/main/core/demo/render';

const frames = 500;

/**
 * The benchmark clip: 1024x1024, 50 fps, 10 s of H.264, SDU-style: a face on a plain background,
 * as the demo renders it (256 px, upscaled) with mild camera-like sensor noise added at full size,
 * at crf 20 (about 3.4 Mbit/s for this smooth face). A real camera's higher bitrate makes decoding
 * dearer, so this clip is the harder case for the import ratio.
 * A test pattern would be an unrealistic worst case for JPEG; so would a noiseless cartoon.
 */
export async function benchClip(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'mer-bench');
  const file = path.join(dir, 'sdu-face-1024-50fps-10s.mp4');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const plan = demoPlan('full', DEFAULT_DEMO_SEED);
  const index = plan.recordings.findIndex((r) => r.frameCount >= 350);
  const partial = `${file}.partial.mp4`;
  const ffmpeg = spawn('ffmpeg', [
    '-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${plan.width}x${plan.height}`, '-r', '50', '-i', '-',
    '-vf', 'scale=1024:1024:flags=bicubic,noise=alls=2:allf=t', '-frames:v', String(frames),
    '-c:v', 'libx264', '-preset', 'fast', '-crf', '20', '-pix_fmt', 'yuv420p', partial,
  ], { stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => ffmpeg.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`)))));
  let written = 0;
  // Loop the recording until 500 frames are out; the sway and events keep it moving.
  while (written < frames) {
    for (const frame of renderRecording(plan, index)) {
      if (written++ >= frames) break;
      if (!ffmpeg.stdin.write(frame)) await new Promise((resolve) => ffmpeg.stdin.once('drain', resolve));
    }
  }
  ffmpeg.stdin.end();
  await done;
  renameSync(partial, file);
  return file;
}

export function frameCountOf(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-count_packets', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file]).toString().trim());
}
