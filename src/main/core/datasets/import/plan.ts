import path from 'node:path';
import type { DatasetFormatId, GenericMapping, ImportReport } from '../../../../shared/api/datasets';
import type { Project } from '../../../../shared/api/projects';
import type { LabelSetId } from '../../../../shared/domain/labels';
import type { Db } from '../../db/connection';
import { createProjectsRepository } from '../../db/repositories/projects';
import { notFound } from '../../errors';
import { fileSystemDisk, type DiskView } from '../disk/disk-view';
import { chooseBase, nameIndex, resolveFolders, searchFolder } from '../disk/locate';
import { about, DatasetError } from '../errors';
import { chooseSheetFormat, formatNames } from '../formats/index';
import { findSmicClips } from '../formats/smic';
import type { Cell, Field, FolderPattern, SheetFormat } from '../formats/types';
import { readWorkbook } from '../sheets/read-workbook';
import { cellOf, type SheetTable } from '../sheets/table';
import { checkFrames, composeNotes, emptyValues, markDuplicates, readValues, skipped, type PlannedRow, type SheetValues } from './rows';

export type { PlannedRow, SheetValues, WrittenState } from './rows';

export interface PlanInput {
  projectId: number;
  format?: DatasetFormatId | undefined;
  root: string;
  sheet?: string | undefined;
  fps?: number | undefined;
  generic?: GenericMapping | undefined;
}

export interface Plan {
  project: Project;
  format: DatasetFormatId;
  formatName: string;
  labelSet: LabelSetId | null;
  annotator: string;
  sheet: ImportReport['sheet'];
  root: string;
  /** The folder holding the clip folders. */
  base: string | null;
  fps: number;
  notes: string[];
  rows: PlannedRow[];
}

function sheetRows(format: SheetFormat, table: SheetTable<Field>, fps: number, projectLabels: readonly string[]): PlannedRow[] {
  return table.rows.map((r) => {
    const cell: Cell = (field) => cellOf(table, r, field);
    const sheet: SheetValues = {
      onset: cell('onset'),
      apex: cell('apex'),
      offset: cell('offset'),
      emotion: cell('emotion'),
      objectiveClass: cell('objectiveClass'),
      aus: cell('aus'),
      notes: cell('notes'),
    };
    const id = format.identify(cell, r.row);
    if ('skip' in id) return skipped({ row: r.row, subjectRaw: cell('subject'), clip: cell('clip'), ...id.identity, sheet, fps }, id.code, id.reason);
    const { subject, subjectRaw, clip, key, stimulus, folders, lookup, defects } = id;
    const base = { row: r.row, key, subject, subjectRaw, clip, stimulus, sheet, defects, find: { folders, lookup }, folder: null, frames: null, fps };
    return readValues(base, table.columns.apex !== undefined, format.labelSet, projectLabels);
  });
}

const describePattern = (p: FolderPattern) => p.map((names) => names[0] ?? '').join('/');

/** Finds each row's clip folder and checks its frames against the sheet. */
function locateRows(disk: DiskView, root: string, bases: readonly string[], rows: PlannedRow[], notes: string[]): string | null {
  const findable = rows.filter((r) => !r.skip && r.find);
  const choice = chooseBase(disk, root, bases, findable.map((r) => r.find!));
  const base = choice.base;
  const relative = (dir: string) => path.relative(root, dir) || '.';
  if (base !== null && base !== root) notes.push(`Clip folders found under ${relative(base)}.`);
  if (choice.alike.length > 0) notes.push(`Clip folders are also under ${choice.alike.map(relative).join(', ')}; give that folder as the root to import those instead.`);
  const clipCounts = new Map<string, number>();
  for (const r of findable) {
    const name = (r.find!.lookup.clip[0] ?? '').toLowerCase();
    clipCounts.set(name, (clipCounts.get(name) ?? 0) + 1);
  }
  let index: Map<string, string[]> | undefined;
  let searched = 0;
  for (const row of findable) {
    const find = row.find!;
    let located = base === null ? null : resolveFolders(disk, base, find.folders);
    if (!located) {
      index ??= nameIndex(disk, root, 5);
      located = searchFolder(disk, index, root, find, clipCounts.get((find.lookup.clip[0] ?? '').toLowerCase()) === 1);
      if (located) searched++;
    }
    if (!located) {
      const where = base === null ? root : relative(base) === '.' ? root : `${root}/${relative(base)}`;
      const tried = find.folders.slice(0, 2).map(describePattern).join(' or ');
      row.skip = { code: 'no-folder', reason: `No folder of numbered images at ${tried} under ${where}` };
      continue;
    }
    checkFrames(row, located, relative(located.dir));
  }
  if (searched > 0) notes.push(`${searched} clip folder(s) were found by name outside the dataset's usual layout.`);
  return base;
}

function smicRows(disk: DiskView, root: string, fps: number | undefined, projectLabels: readonly string[], notes: string[]): PlannedRow[] {
  const clips = findSmicClips(disk, root);
  if (clips.length === 0) {
    throw new DatasetError(`No SMIC clip folders under ${root}: expected folders of numbered images below positive, negative and surprise folders (HS/s1/micro/positive/s1_po_01/…). Other datasets need their label sheet.`);
  }
  const cropped = (c: { dir: string }) => path.relative(root, c.dir).split(path.sep).slice(0, -1).some((seg) => /crop/i.test(seg));
  if (clips.some(cropped) && !clips.every(cropped)) {
    throw new DatasetError(`${root} holds both cropped and uncropped SMIC clips (e.g. SMIC_all_cropped and SMIC_all_raw): give one of those folders as the root`);
  }
  notes.push('SMIC ships no label sheet and no apex: labels come from the folder names, onset and offset are each clip\'s first and last frame, and every apex is stored as missing.');
  if (clips.some((c) => c.modality === null)) notes.push('Some clips are under no HS, VIS or NIR folder: taken as HS (100 fps).');
  return clips.map((c) => {
    const subject = c.subject ?? c.subjectRaw;
    const modality = c.modality ?? 'HS';
    const rowFps = fps ?? c.fps ?? 100;
    const sheet: SheetValues = { ...emptyValues, onset: String(c.frames.first), offset: String(c.frames.last), emotion: c.emotion ?? '' };
    const base = { row: c.row, key: `${modality}/${subject}/${c.clip}`, subject, subjectRaw: c.subjectRaw, clip: c.clip, stimulus: '', sheet, defects: [...c.defects], find: null, folder: c.dir, frames: c.frames, fps: rowFps };
    if (!c.micro) return skipped({ ...base, onset: c.frames.first, offset: c.frames.last }, 'not-micro', 'Under non_micro: not a micro-expression');
    if (c.emotion === null) return skipped(base, 'missing-field', 'No positive, negative or surprise folder above this clip');
    if (c.subject === null) return skipped(base, 'missing-field', 'No subject folder (s1, s01, …) above this clip, and its name does not start with one');
    return readValues(base, false, 'smic', projectLabels);
  });
}

/**
 * Reads the sheet (or, for SMIC, the folders), recognises the dataset, and checks every row
 * against the disk: what an import would do, row by row, without writing anything.
 */
export function planImport(db: Db, input: PlanInput, disk: DiskView = fileSystemDisk()): Plan {
  const project = createProjectsRepository(db).get(input.projectId);
  if (!project) throw notFound('Project', input.projectId);
  const root = path.resolve(input.root);
  if (!disk.list(root)) throw new DatasetError(`The dataset root ${root} does not exist or is not a readable folder`, 'root');
  const notes: string[] = [];
  const isSmic = input.format === 'smic' || (input.format === undefined && input.sheet === undefined && input.generic === undefined);
  if (isSmic) {
    if (input.sheet !== undefined) throw new DatasetError('SMIC has no label sheet (its labels are its folder names); import it without a sheet', 'sheet');
    const rows = about('root', () => smicRows(disk, root, input.fps, project.labelSet, notes));
    markDuplicates(rows);
    for (const row of rows) if (!row.skip && row.state) checkFrames(row, { dir: row.folder!, frames: row.frames!, searched: false }, path.relative(root, row.folder!) || '.');
    for (const row of rows) if (row.state) row.state.notes = composeNotes(row, null);
    return { project, format: 'smic', formatName: formatNames.smic, labelSet: 'smic', annotator: 'SMIC folder labels', sheet: null, root, base: root, fps: input.fps ?? 100, notes, rows };
  }
  if (input.sheet === undefined) throw new DatasetError(`${formatNames[input.format ?? 'generic']} needs its label sheet`, 'sheet');
  const sheetFile = path.resolve(input.sheet);
  const book = about('sheet', () => readWorkbook(sheetFile));
  const mapped = input.format === 'generic' || (input.format === undefined && input.generic !== undefined);
  const { format, table } = about(mapped ? 'generic' : 'sheet', () => chooseSheetFormat(book, input.format, input.generic, project.defaultFps));
  const fps = input.fps ?? format.fps;
  notes.push(...format.remarks);
  if (table.headerRow === null) notes.push(`Tab "${table.tab}" has no header row: columns are read by position.`);
  else if (table.rowsAbove > 0) notes.push(`The header is on row ${table.headerRow} of tab "${table.tab}"; rows 1–${table.rowsAbove} above it are notes, not data.`);
  if (table.blankRows > 0) notes.push(`${table.blankRows} empty row(s) between data rows were ignored.`);
  if (table.columns.apex === undefined) notes.push('The sheet has no apex column: every event is stored with its apex missing.');
  const rows = sheetRows(format, table, fps, project.labelSet);
  if (rows.length === 0) throw new DatasetError(`${path.basename(book.file)}: the header is on row ${table.headerRow ?? 1} of tab "${table.tab}" but no data rows follow it`, 'sheet');
  markDuplicates(rows);
  const base = locateRows(disk, root, format.bases, rows, notes);
  for (const row of rows) if (row.state) row.state.notes = composeNotes(row, book.file);
  const columns = Object.fromEntries(Object.entries(table.headers).filter(([, h]) => h !== undefined)) as Record<string, string>;
  return {
    project,
    format: format.id,
    formatName: format.name,
    labelSet: format.labelSet,
    annotator: format.annotator(book.file),
    sheet: { file: book.file, tab: table.tab, headerRow: table.headerRow, sha256: book.sha256, columns },
    root,
    base,
    fps,
    notes,
    rows,
  };
}
