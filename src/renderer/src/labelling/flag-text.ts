import type { EventFlag } from '../../../shared/api/events';

/** What each flag means, in words for chips and tooltips. */
export const flagText: Readonly<Record<EventFlag, string>> = {
  'apex-missing': 'apex missing',
  overlap: 'overlaps another event',
  'au-unparsed': 'AUs not readable',
  'unknown-emotion': 'emotion not in the label set',
};
