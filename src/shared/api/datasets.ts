import { z } from 'zod';
import { Id, Timestamp } from './common';

/** The dataset formats the importer knows (DATASETS.md part A), and a caller-described one. */
export const datasetFormats = ['casme2', 'samm', 'smic', 'mmew', 'casme3', 'generic'] as const;
export const DatasetFormatId = z.enum(datasetFormats);
export type DatasetFormatId = z.infer<typeof DatasetFormatId>;

/** A column of a sheet: its header text, or with `headerless` a letter (`A`) or a number (`1`). */
const Column = z.string().trim().min(1, 'must not be empty').max(200);

/** The caller's description of a sheet no built-in format knows. */
export const GenericMapping = z
  .object({
    subject: Column,
    clip: Column,
    onset: Column,
    /** Absent: every event's apex is stored as missing (and reported). */
    apex: Column.optional(),
    offset: Column,
    aus: Column.optional(),
    emotion: Column,
    objectiveClass: Column.optional(),
    notes: Column.optional(),
    /**
     * Where a row's frames are below the root; `{subject}` and `{clip}` (and `{onset}`) are the
     * row's cells. Folder names match case-insensitively. Default `{subject}/{clip}`.
     */
    folders: z.string().trim().min(1).max(500).optional(),
    /** The sheet has no header row (CAS(ME)²-style): columns are given by letter or number. */
    headerless: z.boolean().optional(),
  })
  .strict();
export type GenericMapping = z.infer<typeof GenericMapping>;

const Source = {
  projectId: Id,
  /** Absent: recognised from the sheet (or, without a sheet, from the folders: SMIC). */
  format: DatasetFormatId.optional(),
  /** The dataset's root folder, where the clip folders are. */
  root: z.string().min(1, 'must not be empty').max(4096),
  /** The label sheet (.xlsx, .xls or .csv); SMIC has none. */
  sheet: z.string().min(1, 'must not be empty').max(4096).optional(),
  /** Overrides the dataset's frame rate. */
  fps: z.number().positive().max(10000).optional(),
  /** Required for the generic format. */
  generic: GenericMapping.optional(),
};

export const DatasetPreviewInput = z.object(Source).strict();
export const DatasetImportParams = z
  .object({ ...Source, /** Plan and report only; nothing is written. */ dryRun: z.boolean().optional() })
  .strict();
export type DatasetImportParams = z.infer<typeof DatasetImportParams>;

/**
 * What the importer found wrong with a row, and did about it.
 * - skips: `no-folder`, `frames-outside`, `bad-frame`, `onset-after-offset`, `missing-field`,
 *   `not-micro`, `duplicate-row`, `recording-mismatch`;
 * - defects of imported rows: the rest.
 */
export const defectCodes = [
  'apex-missing', // the sheet gives no apex ("/", empty, -1): stored as missing
  'apex-outside', // the apex lies outside onset..offset: stored as missing and flagged
  'apex-suspect', // the apex is on (or one frame from) the onset or offset: kept, reported
  'frames-missing', // some frames of onset..offset have no image on disk: imported, flagged
  'unknown-label', // not a label of the dataset's set (or no emotion at all)
  'label-not-in-project', // a dataset label the project's label set lacks: stored as the dataset spells it
  'label-mismatch', // SMIC: the folder's label and the clip name's code disagree
  'au-unparsed', // part of the AU cell could not be read (kept verbatim)
  'irregular-name', // a clip name outside the dataset's naming pattern
  'duration-mismatch', // SAMM: Duration ≠ Offset − Onset + 1
  'long-span', // onset..offset lasts over a second: kept, reported
  'duplicate-key', // a second row for the same clip with different values: imported as another event
  'same-frames', // two clip folders hold the very same frames: one recording for both
  'edited-in-project', // the sheet changed a value the project has edited since: the project's value kept
  'no-folder',
  'frames-outside',
  'bad-frame',
  'onset-after-offset',
  'missing-field',
  'not-micro',
  'duplicate-row',
  'recording-mismatch',
] as const;
export const DefectCode = z.enum(defectCodes);
export type DefectCode = z.infer<typeof DefectCode>;

export const ImportDefect = z.object({ code: DefectCode, message: z.string(), action: z.string() });
export type ImportDefect = z.infer<typeof ImportDefect>;

export const ImportRowStatus = z.enum(['imported', 'imported-with-defects', 'skipped']);
export type ImportRowStatus = z.infer<typeof ImportRowStatus>;

/** How a row relates to what the project already holds from earlier imports of the dataset. */
export const ImportRowChange = z.enum(['new', 'changed', 'unchanged', 'conflict']);
export type ImportRowChange = z.infer<typeof ImportRowChange>;

export const ImportRow = z.object({
  /** The sheet's row number as a spreadsheet shows it (1-based); SMIC: the clip's position. */
  row: z.number().int(),
  /** The row's identity in the dataset, e.g. `sub01/EP02_01f`; '' when the row has none. */
  key: z.string(),
  /** The subject code in the project (e.g. `sub01` for CASME II subject `01`). */
  subject: z.string(),
  /** The subject as the sheet writes it. */
  subjectRaw: z.string(),
  clip: z.string(),
  /** The clip folder, relative to the root; null when not found. */
  folder: z.string().nullable(),
  status: ImportRowStatus,
  change: ImportRowChange.nullable(),
  onset: z.number().int().nullable(),
  /** As stored: null when missing or set aside. */
  apex: z.number().int().nullable(),
  apexRaw: z.string(),
  offset: z.number().int().nullable(),
  emotionRaw: z.string(),
  /** The label stored (the project's spelling when its set has it). */
  emotion: z.string().nullable(),
  objectiveClass: z.string().nullable(),
  aus: z.string(),
  defects: z.array(ImportDefect),
  /** Why a skipped row was not imported. */
  reason: z.string().nullable(),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const FieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type FieldChange = z.infer<typeof FieldChange>;

export const ImportCounts = z.object({
  /** Data rows of the sheet (or clips, for SMIC). */
  rows: z.number().int(),
  /** Rows that are (or already were) events of the project: imported + importedWithDefects. */
  imported: z.number().int(),
  importedWithDefects: z.number().int(),
  skipped: z.number().int(),
  /** Subjects, recordings and events the imported rows map to in the project. */
  subjects: z.number().int(),
  recordings: z.number().int(),
  events: z.number().int(),
  newSubjects: z.number().int(),
  newRecordings: z.number().int(),
  reusedRecordings: z.number().int(),
  newEvents: z.number().int(),
  updatedEvents: z.number().int(),
  unchangedEvents: z.number().int(),
  /** Sheet changes not applied because the project edited the event since. */
  conflicts: z.number().int(),
  /** Imported events stored without an apex. */
  missingApex: z.number().int(),
  /** Imported events with at least one defect (= importedWithDefects). */
  flagged: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportChanges = z.object({
  /** Earlier imports of this dataset into the project. */
  previous: z.array(z.object({ sheet: z.string(), annotator: z.string(), at: Timestamp })),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
  /** Events of earlier imports whose row this sheet does not have: kept, listed here. */
  removed: z.array(z.object({ key: z.string(), eventId: Id })),
  /** Changed rows per field, e.g. {"AUs": 60, "emotion": 3}. */
  fields: z.record(z.string(), z.number().int()),
  items: z.array(z.object({ key: z.string(), row: z.number().int(), eventId: Id, conflict: z.boolean(), fields: z.array(FieldChange) })),
});
export type ImportChanges = z.infer<typeof ImportChanges>;

export const ImportReport = z.object({
  format: DatasetFormatId,
  formatName: z.string(),
  /** null for SMIC (labels come from folder names). */
  sheet: z
    .object({
      file: z.string(),
      /** The workbook's sheet (tab) read. */
      tab: z.string(),
      /** Spreadsheet row number of the header; null for a headerless sheet. */
      headerRow: z.number().int().nullable(),
      sha256: z.string(),
      columns: z.record(z.string(), z.string()),
    })
    .nullable(),
  root: z.string(),
  /** Where the clip folders were found, relative to the root ('' = the root itself). */
  framesUnder: z.string().nullable(),
  fps: z.number(),
  annotator: z.string(),
  /** The dataset's own label set (id), or null for the generic format. */
  labelSet: z.string().nullable(),
  projectLabels: z.array(z.string()),
  dryRun: z.boolean(),
  counts: ImportCounts,
  /** Rows per defect code. */
  defects: z.record(z.string(), z.number().int()),
  /** Dataset-level remarks (e.g. "SMIC has no apex"; "rows 1–13 are notes"). */
  notes: z.array(z.string()),
  rows: z.array(ImportRow),
  changes: ImportChanges,
  /** True when the project already held everything this import would write. */
  nothingChanged: z.boolean(),
  /** The stored report; null for a preview, a dry run or an import that changed nothing. */
  reportId: Id.nullable(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const StoredImportReport = z.object({
  id: Id,
  projectId: Id,
  format: DatasetFormatId,
  sheet: z.string().nullable(),
  sheetSha256: z.string().nullable(),
  root: z.string(),
  annotator: z.string(),
  counts: ImportCounts,
  createdAt: Timestamp,
});
export type StoredImportReport = z.infer<typeof StoredImportReport>;

export const InspectSheetInput = z.object({ sheet: z.string().min(1, 'must not be empty').max(4096) }).strict();

/** One tab of a label sheet as it is, for choosing the columns of a sheet no built-in format knows. */
export const SheetTab = z.object({
  name: z.string(),
  /** Spreadsheet row number of the row taken as the header; null: the tab seems to have none. */
  headerRow: z.number().int().nullable(),
  /** The header's cells as written ('' for a blank one); empty without a header. */
  header: z.array(z.string()),
  /** How many columns the widest row spans. */
  columnCount: z.number().int(),
  /** The first rows with values below the header (from the top without one). */
  sample: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  /** Rows with values below the header (all of them without one). */
  dataRows: z.number().int(),
  /** Field of a generic mapping (`onset`, …) → the header cell that names it the usual way. */
  suggested: z.record(z.string(), z.string()),
});
export type SheetTab = z.infer<typeof SheetTab>;

export const SheetInspection = z.object({ file: z.string(), tabs: z.array(SheetTab) });
export type SheetInspection = z.infer<typeof SheetInspection>;
