import { describe, expect, it } from 'vitest';
import { ablationRows, type RunPrediction } from '../../../../shared/api/training';
import { makeRun } from '../test-runs';
import { csvField, toCsv } from './csv';
import { runFileName } from './file-names';
import { latexEscape } from './latex';
import { comparisonCsv, metricsCsv, predictionsCsv } from './results-csv';
import { resultsJson } from './results-json';
import { ablationLatex, comparisonLatex, runLatex } from './results-latex';

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

const awkward = ['fear & 50%_x', 'anger, "cold"'];
const run = makeRun({ id: 12, name: 'row 6: DAO+L_div', classes: awkward });
const predictions: RunPrediction[] = [
  { fold: 0, eventId: 101, subject: 'Lab/S01', trueClass: 0, predictedClass: 1, probabilities: [0.25, 0.75] },
  { fold: 1, eventId: 205, subject: 'Lab/S02', trueClass: 1, predictedClass: 1, probabilities: [0.1, 0.9] },
];

describe('CSV', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces, and leaves the rest bare', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.125)).toBe('0.125');
    expect(toCsv([['a', 1], ['b', null]])).toBe('a,1\r\nb,\r\n');
  });

  it('writes every metric of the run, pooled then per fold, a summary row and a row per class', () => {
    const rows = parseCsv(metricsCsv(run));
    const header = rows[0]!;
    const at = (row: string[], column: string) => row[header.indexOf(column)];
    // Header, then (summary + 2 classes) for pooled and for each of the 2 folds.
    expect(rows).toHaveLength(1 + 3 * 3);
    const pooled = rows[1]!;
    expect(at(pooled, 'scope')).toBe('pooled');
    expect(at(pooled, 'samples')).toBe('7');
    expect(Number(at(pooled, 'accuracy'))).toBeCloseTo(5 / 7);
    expect(rows.slice(2, 4).map((r) => at(r, 'class'))).toEqual(awkward);
    expect(at(rows[2]!, 'support')).toBe('3');
    const fold1 = rows[4]!;
    expect([at(fold1, 'scope'), at(fold1, 'fold'), at(fold1, 'chosen_epoch')]).toEqual(['fold 1', '0', '3']);
  });

  it('writes each prediction with its class names and probabilities', () => {
    const rows = parseCsv(predictionsCsv(run, predictions));
    expect(rows[0]!.slice(-2)).toEqual(['p_fear & 50%_x', 'p_anger, "cold"']);
    expect(rows[1]).toEqual(['12', '0', 'fold 1', '101', 'Lab/S01', 'fear & 50%_x', 'anger, "cold"', 'false', '0.25', '0.75']);
    expect(rows[2]![7]).toBe('true');
  });

  it('compares runs one row each, with their switches and per-class F1', () => {
    const other = makeRun({ id: 13, name: 'row 1', ablation: ablationRows[1], classes: ['happiness', 'fear & 50%_x'] });
    const rows = parseCsv(comparisonCsv([run, other]));
    expect(rows[0]).toEqual(['run_id', 'run_name', 'group', 'table5_row', 'dao', 'divergence', 'decoupling', 'protocol', 'samples', 'accuracy', 'uf1', 'uar', 'f1_fear & 50%_x', 'f1_anger, "cold"', 'f1_happiness']);
    expect(rows[1]!.slice(3, 7)).toEqual(['6', 'true', 'true', 'true']);
    expect(rows[2]!.slice(3, 7)).toEqual(['1', 'false', 'false', 'false']);
    // Run 13 has no class "anger, cold": an empty cell, not 0.
    expect(rows[2]![13]).toBe('');
  });
});

describe('LaTeX', () => {
  it('escapes every character LaTeX treats specially', () => {
    expect(latexEscape('a&b%c$d#e_f{g}h~i^j\\k')).toBe('a\\&b\\%c\\$d\\#e\\_f\\{g\\}h\\textasciitilde{}i\\textasciicircum{}j\\textbackslash{}k');
  });

  it('writes a run as booktabs tables with escaped class and run names', () => {
    const tex = runLatex(run);
    expect(tex).toContain('\\toprule');
    expect(tex).toContain('\\bottomrule');
    expect(tex).toContain('Run \\emph{row 6: DAO+L\\_div}');
    expect(tex).toContain('fear \\& 50\\%\\_x & 3 &');
    expect(tex).toContain('Pooled & 7 & 71.4 &');
    // No unescaped special character is left in a table row.
    const rows = tex.split('\n').filter((l) => l.endsWith('\\\\'));
    for (const row of rows) expect(row.replace(/\\[&%_$#{}]/g, '').replace(/ & /g, ' ')).not.toMatch(/[&%_$#]/);
  });

  it('writes an ablation matrix in row order with ticks and the difference from the first row', () => {
    const six = makeRun({ id: 3, name: 'six', ablation: ablationRows[6], accuracy: 0.539 });
    const one = makeRun({ id: 4, name: 'one', ablation: ablationRows[1], accuracy: 0.399 });
    const tex = ablationLatex([six, one], 'Ablation on SDU');
    const rows = tex.split('\n').filter((l) => /^\s+\d & /.test(l));
    expect(rows[0]).toMatch(/^\s+1 & one & -- & -- & -- & 39\.9 & .* & 0\.0 \\\\$/);
    expect(rows[1]).toMatch(/^\s+6 & six & \\checkmark & \\checkmark & \\checkmark & 53\.9 & .* & \+14\.0 \\\\$/);
  });

  it('compares runs with a column per class F1', () => {
    const tex = comparisonLatex([run, makeRun({ id: 2, name: 'base' })]);
    expect(tex).toContain('Run & Acc. (\\%) & UF1 & UAR & F1 fear \\& 50\\%\\_x & F1 anger, "cold" & F1 happiness & F1 surprise \\\\');
    expect(tex).toContain('\\begin{tabular}{lrrrrrrr}');
  });
});

describe('JSON and file names', () => {
  it('holds the run, its predictions with class names, and its curves', () => {
    const parsed = JSON.parse(resultsJson(run, predictions, [], '2025-01-01T00:00:00.000Z')) as { run: { id: number; pooled: { samples: number } }; predictions: { trueLabel: string; predictedLabel: string }[]; version: number };
    expect(parsed.version).toBe(1);
    expect(parsed.run.pooled.samples).toBe(7);
    expect(parsed.predictions[0]).toMatchObject({ eventId: 101, trueLabel: 'fear & 50%_x', predictedLabel: 'anger, "cold"' });
  });

  it('names files after the run, safely', () => {
    expect(runFileName(run, 'metrics', 'csv')).toBe('run-12-row-6-dao-l_div-metrics.csv');
    expect(runFileName({ id: 3, name: '../../etc' }, 'x', 'json')).toBe('run-3-etc-x.json');
  });
});
