/** Formatting of figures in the training panel. */

// Percentages: usePercent() (i18n-context.ts), the one formatPercent of src-shared/i18n/format.ts.

/** A loss value: four significant digits. */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return v >= 100 ? v.toFixed(0) : v.toPrecision(4);
}

/** A duration as "45 s", "3 min 05 s" or "1 h 02 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Samples per second, rounded sensibly. */
export function formatRate(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1);
}
