import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { DatasetFormatId, GenericMapping, ImportReport, type DatasetImportParams } from '../../shared/api/datasets';
import { defaultLabelSet } from '../../shared/api/projects';
import { LABEL_SETS } from '../../shared/domain/labels';
import { createProjectsRepository } from '../core/db/repositories/projects';
import { DatasetError } from '../core/datasets/errors';
import { chooseSheetFormat } from '../core/datasets/formats/index';
import { summaryLine } from '../core/datasets/import/report';
import { readWorkbook } from '../core/datasets/sheets/read-workbook';
import type { Session } from './data-access';
import { runLocalJob } from './local-job';

export interface ImportDatasetArgs {
  project: string;
  root: string;
  sheet: string | undefined;
  format: string | undefined;
  fps: string | undefined;
  dryRun: boolean;
  /** Generic format: `subject=Subject,clip=Filename,onset=Onset,…` */
  map: string | undefined;
  folders: string | undefined;
  headerless: boolean;
}

function parseMapping(args: ImportDatasetArgs): GenericMapping | undefined {
  if (args.map === undefined) return undefined;
  const fields: Record<string, unknown> = {};
  for (const pair of args.map.split(',')) {
    const [field, ...column] = pair.split('=');
    if (!field || column.length === 0) throw new Error(`--map takes field=column pairs separated by commas (e.g. subject=Subject,clip=Filename); "${pair}" is not one`);
    fields[field.trim()] = column.join('=').trim();
  }
  if (args.folders !== undefined) fields['folders'] = args.folders;
  if (args.headerless) fields['headerless'] = true;
  const parsed = GenericMapping.safeParse(fields);
  if (!parsed.success) throw new Error(`--map: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** A new project takes the dataset's label set and frame rate, read from the sheet before anything is written. */
function newProjectSettings(params: Omit<DatasetImportParams, 'projectId'>): { labelSet: string[]; fps: number } {
  if (params.sheet === undefined && (params.format === undefined || params.format === 'smic')) return { labelSet: [...LABEL_SETS.smic.labels], fps: params.fps ?? 100 };
  if (params.sheet === undefined) throw new DatasetError(`${params.format} needs its label sheet (--sheet FILE)`);
  const { format } = chooseSheetFormat(readWorkbook(path.resolve(params.sheet)), params.format, params.generic, params.fps ?? 50);
  return { labelSet: format.labelSet ? [...LABEL_SETS[format.labelSet].labels] : [...defaultLabelSet], fps: params.fps ?? format.fps };
}

function printReport(report: ImportReport, project: string, write: (line: string) => void): void {
  const source = report.sheet ? `${path.basename(report.sheet.file)} (tab "${report.sheet.tab}", header ${report.sheet.headerRow === null ? 'none' : `on row ${report.sheet.headerRow}`})` : 'folder labels';
  write(`${report.formatName}: ${source} → project "${project}" as coder "${report.annotator}", ${report.fps} fps`);
  write(summaryLine(report));
  for (const note of report.notes) write(`note: ${note}`);
  const c = report.counts;
  write(`subjects ${c.subjects} (${c.newSubjects} new), recordings ${c.recordings} (${c.newRecordings} new, ${c.reusedRecordings} reused), events ${c.events} (${c.newEvents} new, ${c.updatedEvents} updated, ${c.unchangedEvents} unchanged, ${c.conflicts} edited in the project since)`);
  const defects = Object.entries(report.defects);
  if (defects.length > 0) write(`defects (rows): ${defects.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  for (const r of report.rows) {
    if (r.status !== 'imported-with-defects') continue;
    for (const d of r.defects) write(`  row ${r.row} ${r.key}: ${d.code}: ${d.message} → ${d.action}`);
  }
  const ch = report.changes;
  if (ch.previous.length > 0) {
    write(`since the earlier import (${ch.previous.map((p) => p.sheet).join(', ')}): ${ch.added} added, ${ch.changed} changed, ${ch.unchanged} unchanged, ${ch.removed.length} no longer in this sheet (kept)`);
    const fields = Object.entries(ch.fields);
    if (fields.length > 0) write(`  changed fields: ${fields.map(([f, n]) => `${f} ${n}`).join(', ')}`);
    for (const item of ch.items) write(`  ${item.key}${item.conflict ? ' (edited in the project: not applied)' : ''}: ${item.fields.map((f) => `${f.field} ${f.before || '(empty)'} → ${f.after || '(empty)'}`).join('; ')}`);
    for (const gone of ch.removed) write(`  ${gone.key}: not in this sheet; event ${gone.eventId} kept`);
  }
  const skipped = report.rows.filter((r) => r.status === 'skipped');
  if (skipped.length > 0) write(`skipped ${skipped.length} row(s):`);
  for (const r of skipped) write(`  row ${r.row}${r.key ? ` ${r.key}` : r.clip ? ` ${r.subjectRaw}/${r.clip}` : ''}: ${r.reason ?? ''}`);
}

/**
 * Imports a dataset into a project (created when missing, with the dataset's label set and
 * frame rate, and removed again if the import fails), prints the report, and returns the counts.
 */
export async function importDatasetCommand(session: Session, args: ImportDatasetArgs, signal: AbortSignal, write: (line: string) => void): Promise<object> {
  const format = args.format === undefined ? undefined : DatasetFormatId.safeParse(args.format);
  if (format && !format.success) throw new Error(`--format must be one of ${DatasetFormatId.options.join(', ')}`);
  const fps = args.fps === undefined ? undefined : Number(args.fps);
  if (fps !== undefined && !(fps > 0 && fps <= 10000)) throw new Error('--fps must be a number of frames per second above 0');
  const params = {
    root: path.resolve(args.root),
    ...(args.sheet !== undefined ? { sheet: path.resolve(args.sheet) } : {}),
    ...(format?.data !== undefined ? { format: format.data } : {}),
    ...(fps !== undefined ? { fps } : {}),
    ...(args.dryRun ? { dryRun: true } : {}),
  };
  const generic = parseMapping(args);
  const full = { ...params, ...(generic ? { generic } : {}) };

  const projects = createProjectsRepository(session.db);
  const existing = projects.findByName(args.project);
  const projectId = existing?.id ?? (() => {
    const settings = newProjectSettings(full);
    return projects.insert({ name: args.project, labelSet: settings.labelSet, defaultFps: settings.fps });
  })();
  let report: ImportReport;
  try {
    const { result } = await runLocalJob(session.dataDir, 'datasets.import', { projectId, ...full }, signal);
    report = ImportReport.parse(result);
    if (!existing && args.dryRun) projects.delete(projectId);
  } catch (error) {
    if (!existing) projects.delete(projectId);
    throw error instanceof ApiError ? error : new Error((error as Error).message);
  }
  printReport(report, args.project, write);
  const c = report.counts;
  return { subjects: c.subjects, recordings: c.recordings, events: c.events, missing_apex: c.missingApex, flagged: c.flagged, skipped: c.skipped };
}
