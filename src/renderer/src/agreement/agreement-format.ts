/** Numbers of the agreement report as a research tool shows them. */

export function formatRatio(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

/** Landis & Koch's (1977) words for a kappa. */
export function kappaWords(kappa: number | null): string {
  if (kappa === null) return 'no matched events';
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** "1.5 / 4" frames: mean and maximum absolute difference. */
export function formatSpread(spread: { mean: number; max: number } | null): string {
  return spread === null ? '—' : `${spread.mean.toFixed(1)} / ${spread.max}`;
}

/** A signed frame difference: "+2", "−3", "0", "—". */
export function formatDiff(diff: number | null): string {
  if (diff === null) return '—';
  return diff > 0 ? `+${diff}` : diff < 0 ? `−${-diff}` : '0';
}
