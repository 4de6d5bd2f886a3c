/** Formatting of figures in the training panel. */
import { formatNumber } from '../../src-shared/i18n/format';
import type { Language } from '../../src-shared/i18n/language';
import type { TrainingT } from './strings';

// Percentages: usePercent() (i18n-context.ts), the one formatPercent of src-shared/i18n/format.ts.

/** A loss value: four significant digits. */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return v >= 100 ? v.toFixed(0) : v.toPrecision(4);
}

/** A duration in the panel's language: "45 s", "3 min 05 s", "1 h 02 min" (45초, 3분 05초, 1시간 02분). */
export function formatDuration(t: TrainingT, seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return t('time.seconds', { s: String(s) });
  const m = Math.floor(s / 60);
  if (m < 60) return t('time.minutes', { m: String(m), s: two(s % 60) });
  return t('time.hours', { h: String(Math.floor(m / 60)), m: two(m % 60) });
}

/** Samples per second, rounded sensibly, with the language's separators. */
export function formatRate(language: Language, v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v >= 100 ? formatNumber(language, Math.round(v), 0) : formatNumber(language, v, 1);
}
