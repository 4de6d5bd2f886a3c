import type { Replica } from '../training/replica';
import { Barrier, PeerFailed, partOf, sumSlots, type SharedViews } from './sync';

/** Where a thread stands in a run: its rank among `parties`, and the run's shared memory. */
export interface RankContext {
  readonly rank: number;
  readonly parties: number;
  readonly views: SharedViews;
  readonly barrier: Barrier;
  readonly exampleSize: number;
  readonly classes: number;
  /** Scratch for the summed gradient (the replica's size). */
  readonly sum: Float32Array;
}

/**
 * One thread's part of a data-parallel step over the `count` examples in the shared batch: the
 * gradient of its shard, then (after every thread has its gradient) the optimizer on its chunk of
 * the summed gradient, then (after every chunk is written) the new weights into its replica.
 * Any failure breaks the barrier, so the other threads throw instead of waiting.
 */
export function rankStep(replica: Replica, ctx: RankContext, count: number): void {
  const { rank, parties, views, barrier, exampleSize, classes } = ctx;
  const size = replica.size;
  try {
    const [from, to] = partOf(count, parties, rank);
    const slot = views.gradients.subarray(rank * size, (rank + 1) * size);
    const x = views.inputs.subarray(from * exampleSize, to * exampleSize);
    const y = views.labels.subarray(from * classes, to * classes);
    const { loss, hits } = replica.gradients(x, y, to - from, (to - from) / count, slot);
    views.stats[2 * rank] = loss;
    views.stats[2 * rank + 1] = hits;
    barrier.wait();
    const [lo, hi] = partOf(size, parties, rank);
    sumSlots(views.gradients, parties, size, lo, hi, ctx.sum);
    replica.update(ctx.sum, views.weights, lo, hi);
    barrier.wait();
    replica.assign(views.weights);
    replica.endStep();
  } catch (e) {
    if (!(e instanceof PeerFailed)) barrier.fail();
    throw e;
  }
}
