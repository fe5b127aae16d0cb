/**
 * The structure of an Action Unit cell as the MER sheets write it (CASME II, SAMM, CAS(ME)³):
 *
 *   cell     := choice
 *   choice   := set ( "or" set )*              alternatives: "R14A or 17A or 24A"
 *   set      := item ( "+" item )*              AUs present together: "4+L10"
 *   item     := code | "?" | ref | "(" choice ")" | free text
 *   ref      := "ref(" choice ")"              coded for reference, not part of the event
 *   code     := [sides] number [intensities] ["?"]
 *   sides    := side ( "/" side )*             "A/L12" = asymmetric or left
 *   intensities := A–E ( "/" A–E )*             "10A/B" = intensity A or B
 *
 * "+" binds tighter than "or", as in the sheets: "(R6 or R12)+R15" needs its parentheses.
 * The tree keeps what was written (order, nesting, duplicates); it holds no source positions, so
 * two parses of equivalent text compare deep-equal. Positions live in `AuParse.pieces`.
 */

/**
 * A side marker written before the AU number.
 * - `L`, `R`: unilateral, left or right side of the face (SAMM: "L2 or R2 = Unilateral AU 2 on
 *   left side of face / right side of face");
 * - `U`: unilateral, side not stated (FACS);
 * - `A`: asymmetric — "occurs on both sides of face but stronger on one side" (SAMM's key);
 * - `T`, `B`: used by SAMM (`T18`, `T23`, `B18`) and CAS(ME)³ without a key in either sheet.
 *   They are most likely FACS's top/bottom (upper/lower lip) markers, but nothing in
 *   DATASETS.md confirms it, so they are kept as the letters written and described as markers.
 * No marker at all means bilateral (the FACS default).
 */
export type SideMarker = 'L' | 'R' | 'U' | 'A' | 'T' | 'B';
export const SIDE_MARKERS: readonly SideMarker[] = ['L', 'R', 'U', 'A', 'T', 'B'];

/** FACS intensity, from A (trace) to E (maximum). */
export type Intensity = 'A' | 'B' | 'C' | 'D' | 'E';
export const INTENSITIES: readonly Intensity[] = ['A', 'B', 'C', 'D', 'E'];

/** Only the AU numbers FACS could use: one or two digits (0–99). */
export const MAX_AU_NUMBER = 99;

export interface AuCode {
  readonly kind: 'au';
  readonly au: number;
  /** Empty: bilateral. One: that side. Several: alternatives, in the order written ("A/L"). */
  readonly sides: readonly SideMarker[];
  /** Empty: no intensity coded. Several: alternatives, in the order written ("A/B"). */
  readonly intensities: readonly Intensity[];
  /** Written with a trailing "?": the coder was unsure of this AU. */
  readonly uncertain: boolean;
}

/** A lone "?": an AU moved but the coder could not tell which (CASME II). */
export interface AuUnknown {
  readonly kind: 'unknown';
}

/** Words that are not codes, kept exactly as written between their first and last letter. */
export interface AuText {
  readonly kind: 'text';
  readonly text: string;
}

/** "ref(...)": coded for reference; not part of the event (excluded from agreement). */
export interface AuReference {
  readonly kind: 'ref';
  readonly body: AuNode;
}

/** Items joined by "+": all present together. Always two or more items. */
export interface AuSet {
  readonly kind: 'all';
  readonly items: readonly AuNode[];
}

/** Options joined by "or": exactly one of them is what happened. Always two or more options. */
export interface AuChoice {
  readonly kind: 'any';
  readonly options: readonly AuNode[];
}

export type AuNode = AuCode | AuUnknown | AuText | AuReference | AuSet | AuChoice;

/** What a stretch of the source text was read as. */
export type AuPieceRole =
  | 'au' // a code: "L12C", "10A/B", "12?"
  | 'unknown' // a lone "?"
  | 'text' // a free-text word ("soft", "focus")
  | 'ref' // "ref(" (with any spaces before its parenthesis)
  | 'open' // "("
  | 'close' // ")"
  | 'and' // "+" or a comma
  | 'or' // the word "or"
  | 'space' // whitespace between tokens (inside free text it is part of the text)
  | 'unparsed'; // not understood: kept verbatim and reported

/** A stretch of the source: the pieces of a parse, concatenated, are exactly the source. */
export interface AuPiece {
  readonly role: AuPieceRole;
  readonly text: string;
  /** Offsets into `AuParse.source`: text === source.slice(start, end). */
  readonly start: number;
  readonly end: number;
}

export interface AuParse {
  /** The cell as read: numbers as their decimal text, everything else unchanged. */
  readonly source: string;
  /** What was understood; null for an empty cell or one with nothing understood. */
  readonly root: AuNode | null;
  /** Every stretch not understood, verbatim, in source order. */
  readonly unparsed: readonly string[];
  /** True when nothing went into `unparsed` (an empty cell is ok: nothing was coded). */
  readonly ok: boolean;
  /** The whole source, cut into classified pieces (for highlighting and for checking). */
  readonly pieces: readonly AuPiece[];
}
