import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The benchmark clip: 1024x1024, 50 fps, 10 s of H.264, SDU-style. ffmpeg's moving test
 * pattern, softened and with sensor-like noise, stands in for a face on a plain background.
 */
export function benchClip(): string {
  const dir = path.join(os.tmpdir(), 'mer-bench');
  const file = path.join(dir, 'sdu-1024-50fps-10s.mp4');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1024x1024:rate=50,gblur=sigma=2,noise=alls=4:allf=t',
    '-frames:v', '500', '-c:v', 'libx264', '-preset', 'fast', '-crf', '18', '-pix_fmt', 'yuv420p', file,
  ]);
  return file;
}
