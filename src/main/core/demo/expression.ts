import type { AuActivations, DemoAu } from './emotions';

/** Per side: index 0 is the image-left half of the face (the subject's right), 1 the image-right half. */
export type Sides = [number, number];

/**
 * How the face features move away from rest, in reference pixels of a 256 x 256 frame (before the
 * subject's face size is applied). Negative dy is upwards; positive dx at the mouth corners is
 * outwards; the intensities of creases are 0..1.
 */
export interface FaceDeform {
  browInnerDy: Sides;
  browOuterDy: Sides;
  /** Inner brow ends towards the midline (positive = closer). */
  browInnerDx: Sides;
  /** Upper lid margin; positive = lower (narrower eye). */
  upperLidDy: Sides;
  /** Lower lid; negative = raised. */
  lowerLidDy: Sides;
  cheek: Sides;
  crowsFeet: Sides;
  noseWingDy: number;
  noseWrinkle: number;
  upperLipDy: number;
  lowerLipDy: number;
  cornerDx: Sides;
  cornerDy: Sides;
  /** 0..1: lips pressed thinner. */
  lipThin: number;
  /** Mouth opening in reference pixels (jaw drop). */
  jawOpen: number;
  fold: Sides;
  forehead: number;
  glabella: number;
}

export function restDeform(): FaceDeform {
  return {
    browInnerDy: [0, 0],
    browOuterDy: [0, 0],
    browInnerDx: [0, 0],
    upperLidDy: [0, 0],
    lowerLidDy: [0, 0],
    cheek: [0, 0],
    crowsFeet: [0, 0],
    noseWingDy: 0,
    noseWrinkle: 0,
    upperLipDy: 0,
    lowerLipDy: 0,
    cornerDx: [0, 0],
    cornerDy: [0, 0],
    lipThin: 0,
    jawOpen: 0,
    fold: [0, 0],
    forehead: 0,
    glabella: 0,
  };
}

type SideKey = 'browInnerDy' | 'browOuterDy' | 'browInnerDx' | 'upperLidDy' | 'lowerLidDy' | 'cheek' | 'crowsFeet' | 'cornerDx' | 'cornerDy' | 'fold';
type MidKey = 'noseWingDy' | 'noseWrinkle' | 'upperLipDy' | 'lowerLipDy' | 'lipThin' | 'jawOpen' | 'forehead' | 'glabella';

/** What full activation (1.0) of each AU does. Amplitudes follow FACS descriptions, scaled to a few pixels. */
const AU_EFFECTS: Record<DemoAu, Partial<Record<SideKey | MidKey, number>>> = {
  1: { browInnerDy: -3.4, browOuterDy: -0.8, forehead: 0.7 },
  2: { browOuterDy: -3.4, browInnerDy: -0.7, forehead: 0.5 },
  4: { browInnerDy: 2.4, browOuterDy: 0.8, browInnerDx: 1.8, upperLidDy: 0.6, glabella: 1 },
  5: { upperLidDy: -2.4 },
  6: { lowerLidDy: -1.4, cheek: 1, crowsFeet: 1, browOuterDy: 0.4 },
  7: { lowerLidDy: -1.8, upperLidDy: 0.9 },
  9: { noseWingDy: -2, noseWrinkle: 1, upperLipDy: -1, browInnerDy: 1.1, lowerLidDy: -0.6, fold: 0.5 },
  10: { upperLipDy: -2.4, cornerDy: -0.5, fold: 0.7, noseWingDy: -0.6 },
  12: { cornerDx: 3.4, cornerDy: -3, fold: 1, cheek: 0.4, lowerLidDy: -0.4 },
  15: { cornerDy: 2.8, cornerDx: -0.3, lowerLipDy: 0.5 },
  20: { cornerDx: 3.4, cornerDy: 0.6, lipThin: 0.3, fold: 0.3 },
  23: { lipThin: 0.6, cornerDx: -1.2 },
  26: { jawOpen: 3, lowerLipDy: 2.6 },
};

const SIDE_KEYS: readonly SideKey[] = ['browInnerDy', 'browOuterDy', 'browInnerDx', 'upperLidDy', 'lowerLidDy', 'cheek', 'crowsFeet', 'cornerDx', 'cornerDy', 'fold'];

/**
 * Sums the AU effects. `asymmetry` (-1..1, small in practice) makes one half of the face move
 * more than the other, as real micro-expressions often do.
 */
export function deformFor(aus: AuActivations, asymmetry = 0): FaceDeform {
  const out = restDeform();
  const gain: Sides = [1 + asymmetry, 1 - asymmetry];
  for (const [key, value] of Object.entries(aus)) {
    const a = value ?? 0;
    if (a === 0) continue;
    const effects = AU_EFFECTS[Number(key) as DemoAu];
    for (const [name, amount] of Object.entries(effects) as [SideKey | MidKey, number][]) {
      if ((SIDE_KEYS as readonly string[]).includes(name)) {
        const pair = out[name as SideKey];
        pair[0] += amount * a * gain[0];
        pair[1] += amount * a * gain[1];
      } else {
        out[name as MidKey] += amount * a;
      }
    }
  }
  return out;
}

/** Smooth 0 -> 1 -> 0 profile of an event: ease in from onset to apex, ease out to offset. */
export function eventActivation(frame: number, onset: number, apex: number, offset: number): number {
  if (frame <= onset || frame >= offset) return 0;
  const t = frame <= apex ? (frame - onset) / Math.max(1, apex - onset) : (offset - frame) / Math.max(1, offset - apex);
  return t * t * (3 - 2 * t);
}
