import type { Rng } from '../../../shared/domain/random';

/** The SDU label set, in the project's order (same as `defaultLabelSet` in the shared API). */
export const DEMO_EMOTIONS = ['happiness', 'surprise', 'disgust', 'sadness', 'fear', 'anger'] as const;
export type DemoEmotion = (typeof DEMO_EMOTIONS)[number];

/** The action units the demo face can show. */
export const DEMO_AUS = [1, 2, 4, 5, 6, 7, 9, 10, 12, 15, 20, 23, 26] as const;
export type DemoAu = (typeof DEMO_AUS)[number];

/** AU activations, 0..1 each; missing means 0. */
export type AuActivations = Partial<Record<DemoAu, number>>;

interface EmotionAus {
  /** Always present. */
  core: readonly DemoAu[];
  /** Each added with its probability. */
  optional: readonly (readonly [DemoAu, number])[];
}

/** Prototypical FACS combinations (EMFACS-style), with the usual optional members. */
const EMOTION_AUS: Record<DemoEmotion, EmotionAus> = {
  happiness: { core: [6, 12], optional: [] },
  surprise: { core: [1, 2, 5], optional: [[26, 0.4]] },
  disgust: { core: [9, 10], optional: [[4, 0.35]] },
  sadness: { core: [1, 4, 15], optional: [] },
  fear: { core: [1, 2, 4, 20], optional: [[5, 0.3]] },
  anger: { core: [4, 7], optional: [[23, 0.5]] },
};

/** Picks the AUs of one event of an emotion, sorted ascending. */
export function chooseAus(emotion: DemoEmotion, rng: Rng): DemoAu[] {
  const spec = EMOTION_AUS[emotion];
  const aus: DemoAu[] = [...spec.core];
  for (const [au, p] of spec.optional) if (rng.chance(p)) aus.push(au);
  return aus.sort((a, b) => a - b);
}

/** '1+2+5' */
export function formatAus(aus: readonly number[]): string {
  return [...aus].sort((a, b) => a - b).join('+');
}

/** Parses a '1+2+5' string back into the demo AUs it names (others are ignored). */
export function parseAus(text: string): DemoAu[] {
  const known = new Set<number>(DEMO_AUS);
  return text
    .split('+')
    .map((part) => Number.parseInt(part.replace(/^[LRB]/, ''), 10))
    .filter((n): n is DemoAu => known.has(n));
}
