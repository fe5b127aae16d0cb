import type { Rational } from '../../../shared/api/recordings';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Parses ffprobe's "30000/1001" (or "50") into a reduced rational; null for "0/0" and nonsense. */
export function parseRational(text: string | undefined): Rational | null {
  const match = /^(\d+)(?:\/(\d+))?$/.exec((text ?? '').trim());
  if (!match) return null;
  const num = Number(match[1]);
  const den = Number(match[2] ?? 1);
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num <= 0 || den <= 0) return null;
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

/** A decimal frame rate as the nearest rational with a small denominator, e.g. 29.97 → 2997/100. */
export function rationalFromNumber(fps: number): Rational {
  const den = Number.isInteger(fps) ? 1 : 1000;
  const num = Math.round(fps * den);
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

export const formatRational = (r: Rational): string => `${r.num}/${r.den}`;
