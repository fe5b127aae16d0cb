/**
 * The codes of the Facial Action Coding System (Ekman, Friesen & Hager, FACS 2002), with their
 * standard names, so the app can name what a sheet codes and notice numbers FACS does not define.
 *
 * `kind` tells what a code stands for, because agreement statistics and the UI treat them apart:
 * - `action-unit`: a movement of one or more facial muscles (the AUs proper);
 * - `action-descriptor`: a movement FACS describes without naming its muscles (AD 19, 29…37);
 * - `head-movement` / `eye-movement`: head and eye position codes (51–58, 61–66, 69);
 * - `visibility`: parts of the face that could not be seen (70–74);
 * - `gross-behaviour`: whole-body or non-facial events (sniff, speech, swallow, shrug…);
 * - `neutral`: AU 0, the neutral face.
 * Names are the FACS 2002 names in lower case; `formerName` keeps the 1978 name where it changed,
 * because older sheets and papers use it.
 */

export type FacsKind =
  | 'neutral'
  | 'action-unit'
  | 'action-descriptor'
  | 'head-movement'
  | 'eye-movement'
  | 'visibility'
  | 'gross-behaviour';

export interface FacsCode {
  readonly au: number;
  readonly name: string;
  readonly kind: FacsKind;
  readonly formerName?: string;
}

const code = (au: number, name: string, kind: FacsKind, formerName?: string): FacsCode =>
  formerName === undefined ? { au, name, kind } : { au, name, kind, formerName };

export const FACS_CODES: readonly FacsCode[] = [
  code(0, 'neutral face', 'neutral'),
  // Upper face.
  code(1, 'inner brow raiser', 'action-unit'),
  code(2, 'outer brow raiser', 'action-unit'),
  code(4, 'brow lowerer', 'action-unit'),
  code(5, 'upper lid raiser', 'action-unit'),
  code(6, 'cheek raiser', 'action-unit'),
  code(7, 'lid tightener', 'action-unit'),
  // Lower face.
  code(8, 'lips toward each other', 'action-unit'),
  code(9, 'nose wrinkler', 'action-unit'),
  code(10, 'upper lip raiser', 'action-unit'),
  code(11, 'nasolabial deepener', 'action-unit'),
  code(12, 'lip corner puller', 'action-unit'),
  code(13, 'sharp lip puller', 'action-unit', 'cheek puffer'),
  code(14, 'dimpler', 'action-unit'),
  code(15, 'lip corner depressor', 'action-unit'),
  code(16, 'lower lip depressor', 'action-unit'),
  code(17, 'chin raiser', 'action-unit'),
  code(18, 'lip pucker', 'action-unit'),
  code(19, 'tongue show', 'action-descriptor'),
  code(20, 'lip stretcher', 'action-unit'),
  code(21, 'neck tightener', 'action-unit'),
  code(22, 'lip funneler', 'action-unit'),
  code(23, 'lip tightener', 'action-unit'),
  code(24, 'lip pressor', 'action-unit'),
  code(25, 'lips part', 'action-unit'),
  code(26, 'jaw drop', 'action-unit'),
  code(27, 'mouth stretch', 'action-unit'),
  code(28, 'lip suck', 'action-unit'),
  code(29, 'jaw thrust', 'action-descriptor'),
  code(30, 'jaw sideways', 'action-descriptor'),
  code(31, 'jaw clencher', 'action-unit'),
  code(32, 'lip bite', 'action-descriptor'),
  code(33, 'cheek blow', 'action-descriptor'),
  code(34, 'cheek puff', 'action-descriptor'),
  code(35, 'cheek suck', 'action-descriptor'),
  code(36, 'tongue bulge', 'action-descriptor'),
  code(37, 'lip wipe', 'action-descriptor'),
  code(38, 'nostril dilator', 'action-unit'),
  code(39, 'nostril compressor', 'action-unit'),
  code(40, 'sniff', 'gross-behaviour'),
  // Eyelids.
  code(41, 'lid droop', 'action-unit'),
  code(42, 'slit', 'action-unit'),
  code(43, 'eyes closed', 'action-unit'),
  code(44, 'squint', 'action-unit'),
  code(45, 'blink', 'action-unit'),
  code(46, 'wink', 'action-unit'),
  code(50, 'speech', 'gross-behaviour'),
  // Head positions.
  code(51, 'head turn left', 'head-movement'),
  code(52, 'head turn right', 'head-movement'),
  code(53, 'head up', 'head-movement'),
  code(54, 'head down', 'head-movement'),
  code(55, 'head tilt left', 'head-movement'),
  code(56, 'head tilt right', 'head-movement'),
  code(57, 'head forward', 'head-movement'),
  code(58, 'head back', 'head-movement'),
  // Eye positions.
  code(61, 'eyes turn left', 'eye-movement'),
  code(62, 'eyes turn right', 'eye-movement'),
  code(63, 'eyes up', 'eye-movement'),
  code(64, 'eyes down', 'eye-movement'),
  code(65, 'walleye', 'eye-movement'),
  code(66, 'cross-eye', 'eye-movement'),
  code(69, 'eyes positioned to look at other person', 'eye-movement'),
  // Visibility.
  code(70, 'brows and forehead not visible', 'visibility'),
  code(71, 'eyes not visible', 'visibility'),
  code(72, 'lower face not visible', 'visibility'),
  code(73, 'entire face not visible', 'visibility'),
  code(74, 'unscorable', 'visibility'),
  // Gross behaviour.
  code(80, 'swallow', 'gross-behaviour'),
  code(81, 'chewing', 'gross-behaviour'),
  code(82, 'shoulder shrug', 'gross-behaviour'),
  code(84, 'head shake back and forth', 'gross-behaviour'),
  code(85, 'head nod up and down', 'gross-behaviour'),
  code(91, 'flash', 'gross-behaviour'),
  code(92, 'partial flash', 'gross-behaviour'),
  code(97, 'shiver/tremble', 'gross-behaviour'),
  code(98, 'fast up-down look', 'gross-behaviour'),
];

const byNumber: ReadonlyMap<number, FacsCode> = new Map(FACS_CODES.map((c) => [c.au, c]));

/** The FACS entry for an AU number, or undefined when FACS defines no such code (e.g. 3). */
export function facsCode(au: number): FacsCode | undefined {
  return byNumber.get(au);
}

export function isFacsCode(au: number): boolean {
  return byNumber.has(au);
}
