import type { SheetInspection, SheetTab } from '../../../../shared/api/datasets';
import { columnKeys } from '../formats/common';
import type { SheetGrid, Workbook } from './read-workbook';
import { headerKey } from './table';

/** As far down as the importer looks for a header (SAMM v2 has it on row 14). */
const searchRows = 60;
const sampleRows = 5;
/** The fields a generic mapping names, in the order a user fills them in. */
const mappedFields = ['subject', 'clip', 'onset', 'apex', 'offset', 'aus', 'emotion', 'objectiveClass', 'notes'] as const;

const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;
const isNumber = (cell: string) => /^-?\d+(\.\d+)?$/.test(cell.trim());

/**
 * The header of a sheet nobody described: the first row (of the first 60) that spans at least
 * half as many cells as the widest and holds no plain number. Notes blocks above it are narrow;
 * data rows hold frame numbers. A headerless sheet (CAS(ME)²) has no such row.
 */
function guessHeader(grid: SheetGrid): number | null {
  const top = grid.rows.slice(0, searchRows);
  const widest = Math.max(0, ...top.map(filled));
  const index = top.findIndex((cells) => filled(cells) >= Math.max(2, widest / 2) && !cells.some(isNumber));
  return index >= 0 ? index : null;
}

/** Header cells that name a field the usual way ("OnsetFrame" for onset), each cell used once. */
function suggest(header: readonly string[]): Record<string, string> {
  const keys = header.map(headerKey);
  const taken = new Set<number>();
  const found: Record<string, string> = {};
  for (const field of mappedFields) {
    const index = columnKeys[field].map((k) => keys.findIndex((key, i) => key === k && !taken.has(i))).find((i) => i >= 0);
    if (index === undefined) continue;
    taken.add(index);
    found[field] = header[index]!.trim();
  }
  return found;
}

function inspectTab(grid: SheetGrid): SheetTab {
  const headerIndex = guessHeader(grid);
  const header = headerIndex === null ? [] : grid.rows[headerIndex]!.map((c) => c.trim());
  const data = grid.rows
    .map((cells, i) => ({ row: i + 1, cells }))
    .filter((r, i) => i > (headerIndex ?? -1) && filled(r.cells) > 0);
  return {
    name: grid.name,
    headerRow: headerIndex === null ? null : headerIndex + 1,
    header,
    // reduce, not Math.max(...rows): a spread of a million rows overflows the stack.
    columnCount: grid.rows.reduce((widest, cells) => Math.max(widest, cells.length), 0),
    sample: data.slice(0, sampleRows),
    dataRows: data.length,
    suggested: suggest(header),
  };
}

/** A workbook's tabs with values, each with its likely header and first rows. */
export function inspectSheet(book: Workbook): SheetInspection {
  return { file: book.file, tabs: book.sheets.filter((grid) => grid.rows.some((cells) => filled(cells) > 0)).map(inspectTab) };
}
