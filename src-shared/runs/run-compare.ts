import type { RunManifest } from './manifest';

/**
 * The numbers of two or more runs side by side, each with its difference from the first run
 * (the baseline), for the compare view's table and `runs --compare`.
 */

export const COMPARED_METRICS = [
  'bestValAccuracy',
  'testAccuracy',
  'testLoss',
  'trainLoss',
  'trainAccuracy',
  'epochsCompleted',
  'durationSeconds',
  'totalParams',
  'macs',
] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

/** One metric of every run (null where a run has none) and each run's difference from the first (null for the first, or where either is null). */
export interface MetricRow {
  readonly metric: ComparedMetric;
  readonly values: readonly (number | null)[];
  readonly deltas: readonly (number | null)[];
}

/** A metric's value in a run. */
export function metricOf(run: RunManifest, metric: ComparedMetric): number | null {
  switch (metric) {
    case 'durationSeconds':
      return run.durationSeconds;
    case 'totalParams':
      return run.network.totalParams;
    case 'macs':
      return run.network.macs;
    default:
      return run.metrics[metric];
  }
}

/** Every compared metric of `runs` (the first is the baseline), with the deltas from it. */
export function compareRuns(runs: readonly RunManifest[]): MetricRow[] {
  return COMPARED_METRICS.map((metric) => {
    const values = runs.map((r) => metricOf(r, metric));
    const base = values[0] ?? null;
    const deltas = values.map((v, i) => (i === 0 || v === null || base === null ? null : v - base));
    return { metric, values, deltas };
  });
}
