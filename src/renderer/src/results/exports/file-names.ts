/** File names for downloads: the run's id and a safe form of its name ("run-12-lite-kfold-metrics.csv"). */

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'run'
  );
}

/** Without the extension: "run-12-lite-kfold-loss". */
export function runFileStem(run: { id: number; name: string }, what: string): string {
  return `run-${run.id}-${slug(run.name)}-${slug(what)}`;
}

export function runFileName(run: { id: number; name: string }, what: string, extension: string): string {
  return `${runFileStem(run, what)}.${extension}`;
}

export function runsFileName(prefix: string, ids: readonly number[], extension: string): string {
  return `${slug(prefix)}-runs-${ids.join('-')}.${extension}`;
}
