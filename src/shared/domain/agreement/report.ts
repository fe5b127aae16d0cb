import { matchEvents, type CodedEvent, type MatchedPair } from './match-events';
import { cohenKappa, facsAgreement, facsCounts, spread, type Spread } from './measures';

export interface PairAgreement {
  matched: MatchedPair[];
  onlyA: CodedEvent[];
  onlyB: CodedEvent[];
  onset: Spread | null;
  /** Over pairs where both coders gave an apex. */
  apex: Spread | null;
  offset: Spread | null;
  emotionKappa: number | null;
  /** Share of matched events with the same emotion. */
  emotionAgreement: number | null;
  /** Pooled over matched events: 2 × Σ AUs both scored / Σ AUs scored. */
  facsAgreement: number | null;
}

/** The agreement of two coders over the events they both could have coded. */
export function pairAgreement(a: readonly CodedEvent[], b: readonly CodedEvent[]): PairAgreement {
  const { pairs, onlyA, onlyB } = matchEvents(a, b);
  const withApex = pairs.filter((p) => p.a.apex !== null && p.b.apex !== null);
  const emotions = pairs.map((p) => [p.a.emotion, p.b.emotion] as const);
  const facs = pairs.reduce((t, p) => {
    const c = facsCounts(p.a.aus, p.b.aus);
    return { agreed: t.agreed + c.agreed, scored: t.scored + c.scored };
  }, { agreed: 0, scored: 0 });
  return {
    matched: pairs,
    onlyA,
    onlyB,
    onset: spread(pairs.map((p) => p.a.onset - p.b.onset)),
    apex: spread(withApex.map((p) => p.a.apex! - p.b.apex!)),
    offset: spread(pairs.map((p) => p.a.offset - p.b.offset)),
    emotionKappa: cohenKappa(emotions),
    emotionAgreement: pairs.length === 0 ? null : emotions.filter(([x, y]) => x === y).length / pairs.length,
    facsAgreement: facs.scored === 0 ? null : facs.agreed / facs.scored,
  };
}

/** Pools several coder pairs into one line: matched count, kappa over all matched pairs, FACS ratio. */
export function pooledAgreement(pairs: readonly PairAgreement[]): { eventsMatched: number; emotionKappa: number | null; facsAgreement: number | null } {
  const matched = pairs.flatMap((p) => p.matched);
  const facs = matched.reduce((t, p) => {
    const c = facsCounts(p.a.aus, p.b.aus);
    return { agreed: t.agreed + c.agreed, scored: t.scored + c.scored };
  }, { agreed: 0, scored: 0 });
  return {
    eventsMatched: matched.length,
    emotionKappa: cohenKappa(matched.map((p) => [p.a.emotion, p.b.emotion] as const)),
    facsAgreement: facs.scored === 0 ? null : facs.agreed / facs.scored,
  };
}

export { facsAgreement };
