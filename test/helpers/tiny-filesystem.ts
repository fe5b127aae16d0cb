import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** Mounts a tmpfs of `size` (e.g. '3m') on `dir` to make a full disk; returns the unmount, or why it cannot (not root). */
export function mountTinyFilesystem(dir: string, size: string): (() => void) | string {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return () => execFileSync('umount', ['-l', dir]);
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
}
