/**
 * The compare view's metrics table as words: every compared metric of the selected runs
 * (src-shared/runs/run-compare.ts), formatted for the language, each later run with its delta
 * against the first and whether that is an improvement.
 */
import { formatCountApprox, formatPercent } from '../../src-shared/i18n/format';
import type { Language } from '../../src-shared/i18n/language';
import type { RunManifest } from '../../src-shared/runs/manifest';
import { compareRuns, type ComparedMetric } from '../../src-shared/runs/run-compare';
import { formatDuration, formatLoss } from '../training/format';
import type { TrainingT } from '../training/strings';
import {
  deltaOf,
  formatSigned,
  formatSignedCount,
  formatSignedPoints,
  type Better,
  type DeltaTone,
} from '../../src-shared/i18n/run-deltas';
import type { ExperimentsT } from './strings';

/** One figure of one run, formatted, with its delta against the first run (none for the first). */
export interface MetricCell {
  readonly text: string;
  readonly delta?: { readonly text: string; readonly tone: DeltaTone } | undefined;
}

/** One line of the table: a metric and its cell per run (in selection order). */
export interface MetricLine {
  readonly id: string;
  readonly label: string;
  readonly cells: readonly MetricCell[];
}

type Kind = 'accuracy' | 'loss' | 'count' | 'seconds';

/** How each metric is shown and which way it improves. */
const METRICS: Readonly<Record<ComparedMetric, { readonly kind: Kind; readonly better: Better }>> = {
  bestValAccuracy: { kind: 'accuracy', better: 'higher' },
  testAccuracy: { kind: 'accuracy', better: 'higher' },
  testLoss: { kind: 'loss', better: 'lower' },
  trainLoss: { kind: 'loss', better: 'lower' },
  trainAccuracy: { kind: 'accuracy', better: 'higher' },
  epochsCompleted: { kind: 'count', better: 'neither' },
  // A longer run is not worse in itself: time is shown, not judged.
  durationSeconds: { kind: 'seconds', better: 'neither' },
  totalParams: { kind: 'count', better: 'neither' },
  macs: { kind: 'count', better: 'neither' },
};

/** Below these a difference is shown as "±0" and judged neither way. */
const SAME: Readonly<Record<Kind, number>> = { accuracy: 0.0005, loss: 0.00005, count: 0, seconds: 0.5 };

interface Words {
  readonly language: Language;
  readonly t: ExperimentsT;
  /** The training panel's words (durations). */
  readonly tt: TrainingT;
}

function valueText(w: Words, kind: Kind, v: number | null): string {
  if (v === null) return w.t('row.none');
  switch (kind) {
    case 'accuracy':
      return formatPercent(w.language, v);
    case 'loss':
      return formatLoss(v);
    case 'count':
      return formatCountApprox(w.language, v);
    case 'seconds':
      return formatDuration(w.tt, v);
  }
}

function deltaText(w: Words, kind: Kind, d: number): string {
  switch (kind) {
    case 'accuracy':
      return w.t('compare.points', { value: formatSignedPoints(w.language, d) });
    case 'loss':
      return formatSigned(w.language, d, 4);
    case 'count':
      return formatSignedCount(w.language, d);
    case 'seconds': {
      const sign = Math.round(d) === 0 ? '±' : d > 0 ? '+' : '\u2212';
      return `${sign}${formatDuration(w.tt, Math.abs(d))}`;
    }
  }
}

/** The table's lines for `runs` (the first is the baseline). */
export function metricLines(runs: readonly RunManifest[], words: Words): MetricLine[] {
  return compareRuns(runs).map((row) => {
    const { kind, better } = METRICS[row.metric];
    // Times are shown in whole seconds: their deltas are of the times as shown (4 s and 4 s differ by ±0).
    const values = kind === 'seconds' ? row.values.map((v) => (v === null ? null : Math.round(v))) : row.values;
    const base = values[0] ?? null;
    return {
      id: row.metric,
      label: words.t(`metric.${row.metric}`),
      cells: values.map((v, i) => {
        const delta = i === 0 ? null : deltaOf(base, v, better, SAME[kind]);
        return {
          text: valueText(words, kind, v),
          ...(delta ? { delta: { text: deltaText(words, kind, delta.value), tone: delta.tone } } : {}),
        };
      }),
    };
  });
}
