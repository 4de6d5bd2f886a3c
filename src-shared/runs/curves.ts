import { z } from 'zod';

/**
 * A run's loss and accuracy curves as stored. The per-batch curve is bounded whatever the run's
 * length: every batch event is kept until MAX_BATCH_POINTS are held; then every second point is
 * dropped and only every `stride`-th later event is kept, the stride doubling each time the
 * points fill up again. A run of any length keeps between MAX_BATCH_POINTS / 2 and
 * MAX_BATCH_POINTS points spread evenly over it. The per-epoch curve keeps every epoch.
 */

/** The most per-batch points a stored run keeps. */
export const MAX_BATCH_POINTS = 2000;
/** The most per-epoch points (a run has at most 1000 epochs). */
export const MAX_EPOCH_POINTS = 1000;

const finite = z.number();

/** One batch event: the running mean loss and accuracy of its epoch so far, as the engine reports them. */
export const batchPointSchema = z.object({
  /** Batches trained since the run began (1-based), the x axis across epochs. */
  step: z.number().int().min(1),
  epoch: z.number().int().min(1),
  batch: z.number().int().min(1),
  loss: finite,
  accuracy: finite,
});
export type BatchPoint = z.infer<typeof batchPointSchema>;

/** One finished epoch. */
export const epochPointSchema = z.object({
  epoch: z.number().int().min(1),
  loss: finite,
  accuracy: finite,
  valLoss: finite.nullable(),
  valAccuracy: finite.nullable(),
  seconds: finite,
});
export type EpochPoint = z.infer<typeof epochPointSchema>;

export const runCurvesSchema = z.object({
  batches: z.array(batchPointSchema).max(MAX_BATCH_POINTS),
  /** Batch events are kept one in `stride` (1 until the points first fill up). */
  stride: z.number().int().min(1),
  /** Batch events seen so far (kept or not), which decides the next one kept. */
  seen: z.number().int().min(0),
  epochs: z.array(epochPointSchema).max(MAX_EPOCH_POINTS),
});
export type RunCurves = z.infer<typeof runCurvesSchema>;

/** Curves with no points yet. */
export function emptyCurves(): RunCurves {
  return { batches: [], stride: 1, seen: 0, epochs: [] };
}

/** The curves with one more batch event, thinned as described above (returns a new value). */
export function withBatchPoint(curves: RunCurves, point: BatchPoint): RunCurves {
  const seen = curves.seen + 1;
  if ((seen - 1) % curves.stride !== 0) return { ...curves, seen };
  let batches = [...curves.batches, point];
  let stride = curves.stride;
  if (batches.length > MAX_BATCH_POINTS) {
    batches = batches.filter((_, i) => i % 2 === 0);
    stride *= 2;
  }
  return { ...curves, batches, stride, seen };
}

/** The curves with one more finished epoch (the oldest dropped past MAX_EPOCH_POINTS). */
export function withEpochPoint(curves: RunCurves, point: EpochPoint): RunCurves {
  return { ...curves, epochs: [...curves.epochs, point].slice(-MAX_EPOCH_POINTS) };
}
