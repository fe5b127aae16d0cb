import type { JobRunner } from '../context';

/** PRAGMA integrity_check and foreign_key_check, then a row count per table. */
export const integrityCheck: JobRunner = async (_params, ctx) => {
  await ctx.progress(0, 'Checking page integrity');
  const integrity = (ctx.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const problems = integrity.filter((r) => r !== 'ok');
  await ctx.progress(0.3, 'Checking foreign keys');
  const fk = ctx.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  problems.push(...fk.map((v) => `${v.table} row ${v.rowid} refers to a missing ${v.parent} row`));
  const names = ctx.db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all()
    .map((r) => r.name);
  const tables: Record<string, number> = {};
  for (const [i, name] of names.entries()) {
    await ctx.progress(0.4 + (0.6 * i) / names.length, `Counting rows of ${name}`);
    tables[name] = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
  }
  const ok = problems.length === 0;
  return {
    result: { ok, problems, tables },
    message: ok ? `Database is healthy (${names.length} tables)` : `${problems.length} problem(s) found`,
  };
};
