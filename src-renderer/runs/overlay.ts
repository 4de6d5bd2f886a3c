/**
 * The compare view's chart data: several runs' curves merged into one row list for Recharts,
 * one column per run and series. Runs are keyed by their position in the selection, so the
 * columns ("loss0", "valAccuracy1"…) never depend on run ids.
 */

/** One epoch of a run's curves, as recorded. */
export interface EpochCurvePoint {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss: number | null;
  readonly valAccuracy: number | null;
}

/** One batch of a run's curves, as recorded (`batch` counts from 1 within its epoch). */
export interface BatchCurvePoint {
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly loss: number;
  readonly accuracy: number;
}

export type EpochSeries = 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy';
export type BatchSeries = 'loss' | 'accuracy';

/** A row of the per-epoch overlay: the epoch and, per run i, `${series}${i}` (absent when that run has no such point). */
export type OverlayRow = { readonly x: number } & Readonly<Record<string, number>>;

/** The column of run `index`'s `series` in overlay rows. */
export function seriesKey(series: EpochSeries | BatchSeries, index: number): string {
  return `${series}${index}`;
}

/** Merges runs' per-epoch curves into rows by epoch (1, 2, …), ascending; a run that ran fewer epochs leaves its later cells empty. */
export function epochOverlay(runs: readonly (readonly EpochCurvePoint[])[]): OverlayRow[] {
  const rows = new Map<number, Record<string, number>>();
  runs.forEach((points, i) => {
    for (const p of points) {
      const row = rows.get(p.epoch) ?? { x: p.epoch };
      row[seriesKey('loss', i)] = p.loss;
      row[seriesKey('accuracy', i)] = p.accuracy;
      if (p.valLoss !== null) row[seriesKey('valLoss', i)] = p.valLoss;
      if (p.valAccuracy !== null) row[seriesKey('valAccuracy', i)] = p.valAccuracy;
      rows.set(p.epoch, row);
    }
  });
  return [...rows.values()].sort((a, b) => a['x']! - b['x']!) as OverlayRow[];
}

/**
 * Where a batch lies on a shared axis in epochs: 0.5 is half way through the first epoch. Runs
 * with different batch sizes have different batches per epoch; in epochs they line up.
 */
export function batchPosition(p: BatchCurvePoint): number {
  return p.epoch - 1 + p.batch / Math.max(1, p.batchesPerEpoch);
}

/** Picks at most `max` points spread evenly over `points`, keeping the first and the last (only the last when `max` is 1). */
export function thinEvenly<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  if (max < 2) return max === 1 ? [points[points.length - 1]!] : [];
  const out: T[] = [];
  const stride = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * stride)]!);
  return out;
}

/**
 * Merges runs' per-batch curves on the epoch axis (batchPosition), each run thinned to at most
 * `maxPerRun` points first, so a long run does not drown the chart. Positions of different runs
 * rarely coincide; each row carries only the runs that have a point there (the chart joins the
 * gaps of a series).
 */
export function batchOverlay(runs: readonly (readonly BatchCurvePoint[])[], maxPerRun: number): OverlayRow[] {
  const rows = new Map<number, Record<string, number>>();
  runs.forEach((points, i) => {
    for (const p of thinEvenly(points, maxPerRun)) {
      // Rounded so that runs with the same batches per epoch share rows.
      const x = Math.round(batchPosition(p) * 1e6) / 1e6;
      const row = rows.get(x) ?? { x };
      row[seriesKey('loss', i)] = p.loss;
      row[seriesKey('accuracy', i)] = p.accuracy;
      rows.set(x, row);
    }
  });
  return [...rows.values()].sort((a, b) => a['x']! - b['x']!) as OverlayRow[];
}

/** Distinct colours for runs, in selection order; they repeat after the eighth run. */
export const RUN_COLOURS = ['#4f46e5', '#dc6803', '#079455', '#d92d20', '#0e9384', '#9e77ed', '#667085', '#c11574'] as const;

/** The colour of the run at `index` in the selection. */
export function runColour(index: number): string {
  return RUN_COLOURS[index % RUN_COLOURS.length]!;
}
