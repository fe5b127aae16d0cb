import type { DatasetFormatId, DefectCode, ImportDefect } from '../../../../shared/api/datasets';
import type { LabelSetId } from '../../../../shared/domain/labels';
import type { FieldSpec } from '../sheets/table';

/** The columns a micro-expression sheet may have. */
export type Field = 'subject' | 'clip' | 'onset' | 'apex' | 'offset' | 'aus' | 'emotion' | 'objectiveClass' | 'notes' | 'inducement' | 'duration' | 'micro' | 'type';

/** A row's cell by field, trimmed; '' when the sheet has no such column or the cell is empty. */
export type Cell = (field: Field) => string;

/**
 * Where a row's frames may be, below the folder that holds a dataset's clip folders: each
 * pattern is a list of path segments, each segment the names it may have (matched
 * case-insensitively, the first that exists wins). Several patterns: several layouts.
 */
export type FolderPattern = readonly (readonly string[])[];

/** Who a row is, and where its frames are, in the dataset's own terms. */
export interface RowIdentity {
  /** The subject's code in the project, e.g. `sub01` (CASME II writes `01`), `006`, `spNO.1`. */
  subject: string;
  subjectRaw: string;
  /** The clip as the report names it, e.g. `EP02_01f`, `006_1_2`, `a (onset 355)`. */
  clip: string;
  /** The row's identity in the dataset, stable across sheet versions: `sub01/EP02_01f`. */
  key: string;
  /** The stimulus or inducement code of the recording, '' when the dataset has none. */
  stimulus: string;
  folders: readonly FolderPattern[];
  /** For a last-resort search by folder name: the clip folder's names and the subject's. */
  lookup: { clip: readonly string[]; subject: readonly string[] };
  defects: ImportDefect[];
}

export interface RowSkip {
  skip: true;
  code: DefectCode;
  reason: string;
  /** Who the row is, when known: a skipped row still names its clip (and is not "removed"). */
  identity?: Pick<RowIdentity, 'subject' | 'subjectRaw' | 'clip' | 'key'>;
}

export interface SheetFormat {
  id: DatasetFormatId;
  name: string;
  /** The dataset's own label set; null: only the project's (generic). */
  labelSet: LabelSetId | null;
  fps: number;
  /** Remarks for the report (e.g. an unverified frame rate). */
  remarks: readonly string[];
  specs: readonly FieldSpec<Field>[];
  /** Folders (relative to the root) that usually hold the clip folders, preferred first. */
  bases: readonly string[];
  /**
   * How well a header row fits this format (0: not this format). `keys` are the header keys of
   * the row, `tab` the sheet's name, `file` the sheet's file name.
   */
  recognise(header: { keys: readonly string[]; tab: string; file: string }): number;
  /** Who the row is; a skip when the row cannot be a sample of this dataset. */
  identify(cell: Cell, row: number): RowIdentity | RowSkip;
  /** The coder the events are attributed to, named after the sheet. */
  annotator(sheetFile: string): string;
}
