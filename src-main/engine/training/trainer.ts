import type * as tf from '@tensorflow/tfjs';
import type { Network } from '../../../src-shared/graph/network';
import type { BackendName } from '../../../src-shared/engine/protocol';
import { Replica, sizeOf, type ReplicaConfig } from './replica';
import { startParallelTrainer } from '../parallel/pool';

/** The batch's share of the loss and its correct predictions. */
export interface StepResult {
  /** Mean loss over the batch. */
  readonly loss: number;
  readonly hits: number;
}

/** Runs optimizer steps on batches written into its buffers; one thread or several. */
export interface Trainer {
  readonly threads: number;
  /** Where the next batch's inputs go (examples one after another, the model's input layout). */
  readonly inputs: Float32Array;
  /** Where the next batch's one-hot labels go. */
  readonly labels: Float32Array;
  /** One optimizer step on the first `count` examples of the buffers. */
  step(count: number): Promise<StepResult>;
  /** Releases the threads (the model stays, with the trained weights). */
  dispose(): Promise<void>;
}

/** Training on the calling thread alone. */
class SingleTrainer implements Trainer {
  readonly threads = 1;
  readonly inputs: Float32Array;
  readonly labels: Float32Array;
  private readonly gradient: Float32Array;
  private readonly next: Float32Array;

  constructor(
    private readonly replica: Replica,
    config: ReplicaConfig,
    maxBatch: number,
  ) {
    this.inputs = new Float32Array(maxBatch * sizeOf(config.exampleShape));
    this.labels = new Float32Array(maxBatch * config.classes);
    this.gradient = new Float32Array(replica.size);
    this.next = new Float32Array(replica.size);
  }

  step(count: number): Promise<StepResult> {
    const result = this.replica.gradients(this.inputs, this.labels, count, 1, this.gradient);
    this.replica.update(this.gradient, this.next);
    this.replica.assign(this.next);
    this.replica.endStep();
    return Promise.resolve(result);
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

export interface TrainerOptions {
  /** The model to train, on the calling thread's backend (other threads build their own copies). */
  readonly model: tf.LayersModel;
  /** What `model` was compiled from, and its seed, so other threads compile the same. */
  readonly network: Network;
  readonly seed: number;
  readonly config: ReplicaConfig;
  readonly backend: BackendName;
  readonly threads: number;
  /** Largest batch `step` will be given. */
  readonly maxBatch: number;
}

/**
 * A trainer for `model` on `threads` threads (already checked with usableThreads); one thread
 * needs no workers. Where workers cannot start, it trains on one thread and says so on stderr.
 */
export async function createTrainer(options: TrainerOptions): Promise<Trainer> {
  const replica = new Replica(options.model, options.config);
  if (options.threads <= 1) return new SingleTrainer(replica, options.config, options.maxBatch);
  try {
    return await startParallelTrainer({ ...options, replica });
  } catch (e) {
    process.stderr.write(`convas: training on one thread: ${e instanceof Error ? e.message : String(e)}\n`);
    return new SingleTrainer(replica, options.config, options.maxBatch);
  }
}
