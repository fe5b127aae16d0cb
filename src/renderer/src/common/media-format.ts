import type { Rational } from '../../../shared/api/recordings';

/** Trims a fixed-point number: 29.970 → "29.97", 50.000 → "50". */
function trimmed(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, '');
}

/** "50" for a whole rate, "29.97 (30000/1001)" for one that is not. */
export function formatFps(fps: Rational): string {
  const value = fps.num / fps.den;
  if (fps.num % fps.den === 0) return String(value);
  return `${trimmed(value, 3)} (${fps.num}/${fps.den})`;
}

/** "2.40 s" below a minute, "1:02.5" up to an hour, "1:02:03" beyond. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${seconds.toFixed(2)} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${String(Math.floor(s)).padStart(2, '0')}`;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

/** "512 B", "3.4 KiB", "12.0 MiB", "1.25 GiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 100 || unit === 0 ? 0 : value >= 10 ? 1 : 2)} ${units[unit]}`;
}

/** "640×480" */
export function formatSize(width: number, height: number): string {
  return `${width}×${height}`;
}

/** A list of frame numbers as ranges: [3,4,5,9] → "3–5, 9"; long lists end with "… (n in all)". */
export function formatFrameList(frames: readonly number[], maxParts = 8): string {
  const sorted = [...frames].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  if (parts.length <= maxParts) return parts.join(', ');
  return `${parts.slice(0, maxParts).join(', ')}, … (${sorted.length} in all)`;
}
