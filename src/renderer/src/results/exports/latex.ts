const replacements: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Text as LaTeX typesets it literally (class and run names may hold &, %, _ …). */
export function latexEscape(text: string): string {
  return text.replace(/[\\&%$#_{}~^<>]/g, (c) => replacements[c]!);
}

export interface BooktabsTable {
  caption: string;
  label: string;
  /** e.g. 'lrrr' */
  columns: string;
  header: readonly string[];
  /** Groups of rows, separated by \midrule. Cells are LaTeX already (escape text first). */
  bodies: readonly (readonly (readonly string[])[])[];
}

/** A booktabs table environment (\toprule, \midrule, \bottomrule). */
export function booktabs(t: BooktabsTable): string {
  const line = (cells: readonly string[]) => `    ${cells.join(' & ')} \\\\`;
  return [
    '\\begin{table}[ht]',
    '  \\centering',
    `  \\caption{${t.caption}}`,
    `  \\label{${t.label}}`,
    `  \\begin{tabular}{${t.columns}}`,
    '    \\toprule',
    line(t.header),
    ...t.bodies.flatMap((rows) => ['    \\midrule', ...rows.map(line)]),
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
  ].join('\n');
}
