import path from 'node:path';
import type { ImportCounts, ImportDefect, ImportReport, ImportRow } from '../../../../shared/api/datasets';
import type { Decisions } from './decide';
import type { Plan } from './plan';

export interface ReportExtras {
  dryRun: boolean;
  reportId?: number | null;
  /** Clip folder → another folder holding the very same frames (one recording serves both). */
  sameFrames?: ReadonlyMap<string, string>;
  /** Clip folders whose frames the project already had from another path (recording reused). */
  knownFrames?: ReadonlyMap<string, number>;
  notes?: readonly string[];
}

const rel = (root: string, dir: string) => path.relative(root, dir) || '.';

/** The import report: every row with what happened to it and why, and the counts. */
export function buildReport(plan: Plan, decisions: Decisions, extras: ReportExtras): ImportReport {
  const sameFrames = extras.sameFrames ?? new Map<string, string>();
  const knownFrames = extras.knownFrames ?? new Map<string, number>();
  const rows: ImportRow[] = plan.rows.map((r, i) => {
    const skip = r.skip ?? decisions.skips.get(i) ?? null;
    const decision = skip ? null : (decisions.rows[i] ?? null);
    const defects: ImportDefect[] = [...r.defects];
    if (decision?.change === 'conflict') {
      const what = decision.fields.map((f) => `${f.field} ${f.before || '(empty)'} → ${f.after || '(empty)'}`).join('; ');
      defects.push({ code: 'edited-in-project', message: `The sheet changes ${what}, but event ${decision.eventId} was edited in the project since it was imported`, action: "The project's values are kept; apply the sheet's by hand if wanted" });
    }
    const twin = r.folder === null ? undefined : sameFrames.get(r.folder);
    if (twin !== undefined) defects.push({ code: 'same-frames', message: `The folder holds the very same frames as ${rel(plan.root, twin)}`, action: 'One recording serves both' });
    if (skip) defects.push({ code: skip.code, message: skip.reason, action: 'Row skipped' });
    return {
      row: r.row,
      key: r.key,
      subject: r.subject,
      subjectRaw: r.subjectRaw,
      clip: r.clip,
      folder: r.folder === null ? null : rel(plan.root, r.folder),
      status: skip ? 'skipped' : defects.length > 0 ? 'imported-with-defects' : 'imported',
      change: decision?.change ?? null,
      onset: r.onset,
      apex: skip ? r.apex : (r.state?.apex ?? null),
      apexRaw: r.sheet.apex,
      offset: r.offset,
      emotionRaw: r.sheet.emotion,
      emotion: skip ? null : (r.state?.emotion ?? null),
      objectiveClass: r.state?.objectiveClass ?? (r.sheet.objectiveClass || null),
      aus: r.sheet.aus,
      defects,
      reason: skip?.reason ?? null,
    };
  });

  const imported = rows.filter((r) => r.status !== 'skipped');
  const importedIdx = plan.rows.map((_, i) => i).filter((i) => rows[i]!.status !== 'skipped');
  const folderOf = (i: number) => {
    const f = plan.rows[i]!.folder;
    return f === null ? null : (sameFrames.get(f) ?? f);
  };
  const folders = new Set(importedIdx.map(folderOf).filter((f): f is string => f !== null));
  const newFolders = new Set(
    importedIdx
      .filter((i) => decisions.rows[i]?.change === 'new')
      .map(folderOf)
      .filter((f): f is string => f !== null && !decisions.recordings.has(f) && !knownFrames.has(f)),
  );
  const subjects = new Set(imported.map((r) => r.subject));
  const count = (change: string) => importedIdx.filter((i) => decisions.rows[i]?.change === change).length;
  const counts: ImportCounts = {
    rows: rows.length,
    imported: imported.length,
    importedWithDefects: imported.filter((r) => r.status === 'imported-with-defects').length,
    skipped: rows.length - imported.length,
    subjects: subjects.size,
    recordings: folders.size,
    events: imported.length,
    newSubjects: [...subjects].filter((s) => !decisions.subjects.has(s)).length,
    newRecordings: newFolders.size,
    reusedRecordings: folders.size - newFolders.size,
    newEvents: count('new'),
    updatedEvents: count('changed'),
    unchangedEvents: count('unchanged'),
    conflicts: count('conflict'),
    missingApex: imported.filter((r) => r.apex === null).length,
    flagged: imported.filter((r) => r.status === 'imported-with-defects').length,
  };
  const defects: Record<string, number> = {};
  for (const r of rows) for (const code of new Set(r.defects.map((d) => d.code))) defects[code] = (defects[code] ?? 0) + 1;

  const fields: Record<string, number> = {};
  const items: ImportReport['changes']['items'] = [];
  for (const i of importedIdx) {
    const d = decisions.rows[i];
    if (!d || (d.change !== 'changed' && d.change !== 'conflict') || d.eventId === null) continue;
    for (const f of d.fields) fields[f.field] = (fields[f.field] ?? 0) + 1;
    items.push({ key: rows[i]!.key, row: rows[i]!.row, eventId: d.eventId, conflict: d.change === 'conflict', fields: d.fields });
  }
  const nothingChanged = counts.newSubjects === 0 && counts.newRecordings === 0 && counts.newEvents === 0 && counts.updatedEvents === 0;
  return {
    format: plan.format,
    formatName: plan.formatName,
    sheet: plan.sheet,
    root: plan.root,
    framesUnder: plan.base === null ? null : path.relative(plan.root, plan.base),
    fps: plan.fps,
    annotator: plan.annotator,
    labelSet: plan.labelSet,
    projectLabels: plan.project.labelSet,
    dryRun: extras.dryRun,
    counts,
    defects,
    notes: [...plan.notes, ...(extras.notes ?? [])],
    rows,
    changes: {
      previous: decisions.previous,
      added: counts.newEvents,
      changed: counts.updatedEvents,
      unchanged: counts.unchangedEvents,
      conflicts: counts.conflicts,
      removed: decisions.removed,
      fields,
      items,
    },
    nothingChanged,
    reportId: extras.reportId ?? null,
  };
}

/** A few lines that say what the report says, for job messages and errors. */
export function summaryLine(report: ImportReport): string {
  const c = report.counts;
  const source = report.sheet ? path.basename(report.sheet.file) : report.root;
  if (report.nothingChanged && !report.dryRun) {
    return `Nothing changed: the project already holds the ${c.imported} row(s) of ${source} that can be imported (${c.skipped} skipped, ${c.conflicts} edited in the project since)`;
  }
  const updates = c.updatedEvents > 0 ? `, ${c.updatedEvents} updated` : '';
  return `${report.dryRun ? 'Would import' : 'Imported'} ${c.imported} of ${c.rows} rows of ${source} (${c.newEvents} new events${updates}, ${c.flagged} flagged, ${c.missingApex} without apex); ${c.skipped} skipped`;
}

/** The reasons rows were skipped, counted, for an error that says why nothing could be imported. */
export function skipSummary(report: ImportReport): string {
  const skipped = report.rows.filter((r) => r.status === 'skipped');
  const byReason = new Map<string, number>();
  for (const r of skipped) {
    const code = r.defects.at(-1)?.code ?? 'skipped';
    byReason.set(code, (byReason.get(code) ?? 0) + 1);
  }
  const first = skipped[0];
  const example = first ? ` First: row ${first.row}${first.key ? ` (${first.key})` : ''}: ${first.reason ?? ''}` : '';
  return `${[...byReason].map(([code, n]) => `${n} ${code}`).join(', ')}.${example}`;
}
