import type { DefectCode, ImportDefect, ImportReport, ImportRow } from '../../../shared/api/datasets';

/** What each defect code means, in a few words. */
export const defectTitles: Record<DefectCode, string> = {
  'apex-missing': 'No apex in the sheet',
  'apex-outside': 'Apex outside onset–offset',
  'apex-suspect': 'Apex on (or next to) the onset or offset',
  'frames-missing': 'Frames missing on disk',
  'unknown-label': 'Label not of the dataset',
  'label-not-in-project': 'Label not in the project’s set',
  'label-mismatch': 'Folder and clip name disagree on the label',
  'au-unparsed': 'AUs partly unreadable',
  'irregular-name': 'Irregular clip name',
  'duration-mismatch': 'Duration ≠ offset − onset + 1',
  'long-span': 'Longer than a second',
  'duplicate-key': 'Second row for the same clip',
  'same-frames': 'Same frames as another clip',
  'edited-in-project': 'Edited in the project since',
  'no-folder': 'No clip folder',
  'frames-outside': 'Frames not in the clip folder',
  'bad-frame': 'Unreadable image',
  'onset-after-offset': 'Onset after offset',
  'missing-field': 'Missing value',
  'not-micro': 'Not a micro-expression',
  'duplicate-row': 'Repeated row',
  'recording-mismatch': 'Clip already imported with other frames',
};

export interface DefectGroup {
  code: DefectCode;
  title: string;
  items: { row: ImportRow; defect: ImportDefect }[];
}

/** The defects of the rows that are (or will be) imported, by code, in the order they first occur. */
export function defectGroups(report: ImportReport): DefectGroup[] {
  const groups = new Map<DefectCode, DefectGroup>();
  for (const row of report.rows) {
    if (row.status === 'skipped') continue;
    for (const defect of row.defects) {
      let group = groups.get(defect.code);
      if (!group) {
        group = { code: defect.code, title: defectTitles[defect.code], items: [] };
        groups.set(defect.code, group);
      }
      group.items.push({ row, defect });
    }
  }
  return [...groups.values()];
}

export const skippedRows = (report: ImportReport): ImportRow[] => report.rows.filter((r) => r.status === 'skipped');

/** How a row is named in lists: its key, or what the sheet says when it has none. */
export function rowName(row: ImportRow): string {
  if (row.key !== '') return row.key;
  return [row.subjectRaw, row.clip].filter((part) => part !== '').join('/') || '(no subject or clip)';
}

const folderCodes: readonly DefectCode[] = ['no-folder', 'frames-outside'];

/**
 * Why the chosen folder cannot be this sheet's dataset: not one row found its clip folder (or
 * its frames) there. Null while at least one row can be imported.
 */
export function folderMismatch(report: ImportReport): string | null {
  const skipped = skippedRows(report);
  if (report.counts.imported > 0 || skipped.length === 0) return null;
  const first = skipped[0]!;
  if (!folderCodes.includes(first.defects.at(-1)?.code ?? 'missing-field')) return null;
  return `None of the ${report.counts.rows} rows of the sheet has its clip folder here. Row ${first.row} (${rowName(first)}): ${first.reason ?? ''}`;
}

/** "CASME2-coding-20140508.xlsx, tab “Sheet1”, header on row 1" — or where SMIC's labels come from. */
export function sourceLine(report: ImportReport): string {
  if (!report.sheet) return 'Labels from the folder names';
  const name = report.sheet.file.split(/[/\\]/).at(-1) ?? report.sheet.file;
  const header = report.sheet.headerRow === null ? 'no header row' : `header on row ${report.sheet.headerRow}`;
  return `${name}, tab “${report.sheet.tab}”, ${header}`;
}
