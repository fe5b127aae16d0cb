import { makeRng, type Rng } from '../../../shared/domain/random';

/** Linear RGB triple, 0..255. */
export type Rgb = readonly [number, number, number];

export type HairStyle = 'short' | 'long' | 'fringe' | 'curly' | 'bun' | 'shaved';
export type BackgroundKind = 'gradient' | 'stripes' | 'blotches' | 'tiles' | 'curtain';

/**
 * Everything that makes one synthetic person look like themself. Lengths are in reference pixels
 * of a 256 x 256 frame, feature positions relative to the face centre (y grows downwards).
 */
export interface FaceParams {
  seed: number;
  description: string;
  head: { cx: number; cy: number; rx: number; ry: number; jaw: number; square: number };
  skin: Rgb;
  /** Cheek tint and its strength. */
  blush: Rgb;
  blushAlpha: number;
  /** Unit-ish light direction (x right, y down, z towards the camera) and ambient share. */
  light: { x: number; y: number; z: number; ambient: number };
  ears: { rx: number; ry: number; y: number };
  neck: { halfWidth: number };
  hair: { style: HairStyle; color: Rgb; hairline: number; part: number; recede: number };
  brows: { gap: number; inner: number; outer: number; thickInner: number; thickOuter: number; arch: number; tilt: number; color: Rgb };
  eyes: { x: number; y: number; halfWidth: number; upper: number; lower: number; tilt: number; irisR: number; iris: Rgb; lash: number; crease: number };
  nose: { tip: number; halfWidth: number; nostril: number; bridge: number };
  mouth: { y: number; halfWidth: number; upper: number; lower: number; color: Rgb; bow: number };
  glasses: { shape: 'round' | 'square'; rx: number; ry: number; color: Rgb; thick: number; tint: number } | null;
  stubble: number;
  mole: { x: number; y: number; r: number } | null;
  background: { kind: BackgroundKind; a: Rgb; b: Rgb; freq: number; angle: number };
  clothing: Rgb;
}

const SKIN: readonly Rgb[] = [
  [244, 212, 190],
  [226, 184, 152],
  [204, 152, 112],
  [176, 122, 84],
  [134, 88, 60],
  [92, 60, 42],
];
const HAIR: readonly (readonly [string, Rgb])[] = [
  ['black', [26, 22, 20]],
  ['dark brown', [58, 38, 26]],
  ['brown', [102, 68, 42]],
  ['auburn', [128, 58, 30]],
  ['blond', [196, 160, 100]],
  ['grey', [150, 146, 142]],
];
const IRIS: readonly Rgb[] = [
  [84, 52, 30],
  [48, 34, 26],
  [70, 112, 156],
  [84, 116, 74],
  [118, 92, 48],
  [104, 116, 128],
];
const STYLES: readonly HairStyle[] = ['short', 'long', 'fringe', 'curly', 'bun', 'shaved'];
const BACKGROUNDS: readonly BackgroundKind[] = ['gradient', 'stripes', 'blotches', 'tiles', 'curtain'];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const scale = (c: Rgb, k: number): Rgb => [c[0] * k, c[1] * k, c[2] * k];

function skinTone(t: number, rng: Rng): Rgb {
  const x = Math.min(0.9999, Math.max(0, t)) * (SKIN.length - 1);
  const i = Math.floor(x);
  const base = mix(SKIN[i] as Rgb, SKIN[i + 1] as Rgb, x - i);
  const warm = rng.range(-8, 8);
  return [base[0] + warm, base[1], base[2] - warm];
}

function randomColor(rng: Rng, lo: number, hi: number): Rgb {
  return [rng.range(lo, hi), rng.range(lo, hi), rng.range(lo, hi)];
}

/** Optional stratification so that `count` subjects spread over skin tones and hair styles. */
export interface SubjectVariety {
  index: number;
  count: number;
}

/** A new synthetic person. Pure function of the seed (and the optional stratification hint). */
export function makeSubject(seed: number, variety?: SubjectVariety): FaceParams {
  const rng = makeRng(seed);
  const slot = (n: number): number => (variety ? (variety.index + rng.next()) / variety.count : rng.next()) * n;
  const size = rng.range(0.86, 1.08);
  const ry = 84 * size;
  const k = size;
  const skinT = slot(1);
  const skin = skinTone(skinT, rng);
  const [hairName, hairColor] = variety ? (HAIR[(variety.index * 5 + (skinT > 0.6 ? 0 : 2)) % HAIR.length] as (typeof HAIR)[number]) : rng.pick(HAIR);
  const style = variety ? (STYLES[Math.floor(slot(STYLES.length) + variety.index * 2) % STYLES.length] as HairStyle) : rng.pick(STYLES);
  const browColor = hairName === 'blond' || hairName === 'grey' ? mix(hairColor, [70, 55, 45], 0.55) : scale(hairColor, 0.9);
  const glasses = rng.chance(0.4)
    ? { shape: rng.pick(['round', 'square'] as const), rx: rng.range(14, 17) * k, ry: rng.range(10, 13) * k, color: rng.pick<Rgb>([[20, 20, 22], [90, 60, 30], [150, 150, 160], [120, 30, 40]]), thick: rng.range(1.4, 2.6), tint: rng.range(0, 0.12) }
    : null;
  const lipBase = mix(skin, [170, 70, 75], rng.range(0.3, 0.55));
  const params: FaceParams = {
    seed,
    description: '',
    head: { cx: 128 + rng.range(-6, 6), cy: 122 + rng.range(-5, 5), rx: ry * rng.range(0.7, 0.84), ry, jaw: rng.range(0.05, 0.3), square: rng.range(0, 0.5) },
    skin,
    blush: [200, 90, 90],
    blushAlpha: rng.range(0.04, 0.14),
    light: { x: rng.range(-0.6, 0.6), y: rng.range(-0.5, -0.1), z: 1, ambient: rng.range(0.5, 0.7) },
    ears: { rx: rng.range(6, 9) * k, ry: rng.range(13, 17) * k, y: rng.range(-2, 6) * k },
    neck: { halfWidth: rng.range(24, 32) * k },
    hair: { style, color: hairColor, hairline: rng.range(-0.72, -0.52), part: rng.range(-0.5, 0.5), recede: rng.chance(0.4) ? rng.range(0.04, 0.1) : 0 },
    brows: {
      gap: rng.range(11, 16) * k,
      inner: rng.range(5, 9) * k,
      outer: rng.range(34, 41) * k,
      thickInner: rng.range(3.2, 6.5) * k,
      thickOuter: rng.range(1.2, 3.2) * k,
      arch: rng.range(1.5, 6) * k,
      tilt: rng.range(-3, 3) * k,
      color: browColor,
    },
    eyes: {
      x: rng.range(21, 28) * k,
      y: rng.range(-8, 0) * k,
      halfWidth: rng.range(9.5, 13.5) * k,
      upper: rng.range(4.5, 7) * k,
      lower: rng.range(2.5, 4) * k,
      tilt: rng.range(-2, 2.5) * k,
      irisR: rng.range(4.6, 6.2) * k,
      iris: rng.pick(IRIS),
      lash: rng.range(0.4, 1),
      crease: rng.range(0.1, 0.45),
    },
    nose: { tip: rng.range(20, 30) * k, halfWidth: rng.range(8, 13) * k, nostril: rng.range(2, 3.6) * k, bridge: rng.range(0.08, 0.25) },
    mouth: { y: rng.range(41, 51) * k, halfWidth: rng.range(14, 22) * k, upper: rng.range(2.6, 5) * k, lower: rng.range(3.5, 7) * k, color: lipBase, bow: rng.range(0.3, 1.4) * k },
    glasses,
    stubble: rng.chance(0.25) ? rng.range(0.12, 0.3) : 0,
    mole: rng.chance(0.35) ? { x: (rng.chance(0.5) ? -1 : 1) * rng.range(22, 40) * k, y: rng.range(8, 50) * k, r: rng.range(1, 1.8) } : null,
    background: { kind: rng.pick(BACKGROUNDS), a: randomColor(rng, 40, 230), b: randomColor(rng, 40, 230), freq: rng.range(3, 9), angle: rng.range(0, Math.PI) },
    clothing: randomColor(rng, 20, 220),
  };
  params.description = describe(params, hairName);
  return params;
}

function describe(p: FaceParams, hairName: string): string {
  const tone = p.skin[0] + p.skin[1] + p.skin[2];
  const skinWord = tone > 560 ? 'light' : tone > 430 ? 'medium' : tone > 300 ? 'tan' : 'dark';
  const parts = [`${skinWord} skin`, p.hair.style === 'shaved' ? `shaved ${hairName} hair` : `${hairName} ${p.hair.style} hair`];
  if (p.glasses) parts.push(`${p.glasses.shape} glasses`);
  if (p.stubble > 0) parts.push('stubble');
  parts.push(p.head.rx / p.head.ry > 0.78 ? 'broad face' : 'narrow face');
  return `Synthetic subject: ${parts.join(', ')}; ${p.background.kind} background.`;
}
