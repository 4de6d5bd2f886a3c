/*
 * The shared memory of data-parallel training and the arithmetic on it. Every thread (the engine's
 * own, rank 0, and one worker per further rank) holds a replica of the model; per step each
 * computes the gradient of its shard of the batch into its slot, then each sums one chunk of the
 * slots (always in rank order, so the sum does not depend on timing), runs the optimizer on that
 * chunk and writes the new weights, which every replica then loads. The result is one batch's
 * update, with each slot holding (shard size / batch size) × the shard's mean-loss gradient.
 */

/** Sizes of a run's shared buffers. */
export interface SharedLayout {
  readonly parties: number;
  /** Trainable values of the model. */
  readonly size: number;
  readonly maxBatch: number;
  readonly exampleSize: number;
  readonly classes: number;
}

/** The buffers every thread of a run sees. */
export interface SharedBuffers {
  /** Barrier state: [arrived, generation, failed]. */
  readonly control: SharedArrayBuffer;
  /** The engine's commands to the workers: [sent, command, count] (see Signal). */
  readonly signal: SharedArrayBuffer;
  /** The batch's inputs, maxBatch × exampleSize floats. */
  readonly inputs: SharedArrayBuffer;
  /** The batch's one-hot labels, maxBatch × classes floats. */
  readonly labels: SharedArrayBuffer;
  /** One gradient slot per rank, parties × size floats. */
  readonly gradients: SharedArrayBuffer;
  /** The weights after the step, size floats. */
  readonly weights: SharedArrayBuffer;
  /** Per rank: scaled loss and correct predictions (float64 pairs). */
  readonly stats: SharedArrayBuffer;
}

const F32 = Float32Array.BYTES_PER_ELEMENT;

/** Allocates the shared buffers of a layout. */
export function allocateShared(layout: SharedLayout): SharedBuffers {
  const { parties, size, maxBatch, exampleSize, classes } = layout;
  return {
    control: new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT),
    signal: new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT),
    inputs: new SharedArrayBuffer(maxBatch * exampleSize * F32),
    labels: new SharedArrayBuffer(maxBatch * classes * F32),
    gradients: new SharedArrayBuffer(parties * size * F32),
    weights: new SharedArrayBuffer(size * F32),
    stats: new SharedArrayBuffer(parties * 2 * Float64Array.BYTES_PER_ELEMENT),
  };
}

/** [from, to) of `rank`'s part when `count` items are cut into `parties` contiguous parts as even as possible. */
export function partOf(count: number, parties: number, rank: number): [number, number] {
  const base = Math.floor(count / parties);
  const extra = count % parties;
  const from = rank * base + Math.min(rank, extra);
  return [from, from + base + (rank < extra ? 1 : 0)];
}

/** Sums the slots (rank order) over [from, to) into `out`: the batch gradient's chunk. */
export function sumSlots(slots: Float32Array, parties: number, size: number, from: number, to: number, out: Float32Array): void {
  out.set(slots.subarray(from, to), from);
  for (let r = 1; r < parties; r++) {
    const at = r * size;
    for (let i = from; i < to; i++) out[i]! += slots[at + i]!;
  }
}

/** Thrown in every thread of a step when another one failed, so none waits for it forever. */
export class PeerFailed extends Error {
  constructor() {
    super('another training thread failed');
  }
}

const ARRIVED = 0;
const GENERATION = 1;
const FAILED = 2;

/** A reusable barrier over the control buffer for `parties` threads, which any thread can break. */
export class Barrier {
  private readonly control: Int32Array;

  constructor(
    control: SharedArrayBuffer,
    private readonly parties: number,
    /** Longest wait before giving up (a thread that died without a word). */
    private readonly timeoutMs = 120_000,
  ) {
    this.control = new Int32Array(control);
  }

  /** Waits until every party has arrived; throws PeerFailed if one broke the barrier. */
  wait(): void {
    const c = this.control;
    if (Atomics.load(c, FAILED)) throw new PeerFailed();
    const generation = Atomics.load(c, GENERATION);
    if (Atomics.add(c, ARRIVED, 1) === this.parties - 1) {
      Atomics.store(c, ARRIVED, 0);
      Atomics.add(c, GENERATION, 1);
      Atomics.notify(c, GENERATION);
      return;
    }
    const deadline = Date.now() + this.timeoutMs;
    while (Atomics.load(c, GENERATION) === generation) {
      if (Atomics.load(c, FAILED)) throw new PeerFailed();
      if (Date.now() > deadline) {
        this.fail();
        throw new Error('a training thread stopped answering');
      }
      Atomics.wait(c, GENERATION, generation, Math.max(1, Math.min(1000, deadline - Date.now())));
    }
    if (Atomics.load(c, FAILED)) throw new PeerFailed();
  }

  /** Marks the run failed and wakes every waiting thread. */
  fail(): void {
    Atomics.store(this.control, FAILED, 1);
    Atomics.add(this.control, GENERATION, 1);
    Atomics.notify(this.control, GENERATION);
  }

  get failed(): boolean {
    return Atomics.load(this.control, FAILED) !== 0;
  }
}

const SENT = 0;
const COMMAND = 1;
const COUNT = 2;

/** What the engine tells the workers of a run between steps. */
export type Command = { readonly type: 'step'; readonly count: number } | { readonly type: 'release' };

/**
 * How the engine starts each step in its workers: a worker blocks on the shared counter and wakes
 * within microseconds of a notify, where a message would wait for the worker's event loop. The
 * engine sends a command only after the previous step's last barrier, so at most one is pending.
 */
export class Signal {
  private readonly s: Int32Array;

  constructor(signal: SharedArrayBuffer) {
    this.s = new Int32Array(signal);
  }

  /** Engine: sends a command to every worker. */
  send(command: Command): void {
    Atomics.store(this.s, COUNT, command.type === 'step' ? command.count : 0);
    Atomics.store(this.s, COMMAND, command.type === 'step' ? 1 : 2);
    Atomics.add(this.s, SENT, 1);
    Atomics.notify(this.s, SENT);
  }

  /** Worker: waits until more than `seen` commands were sent and returns the latest. */
  next(seen: number): Command {
    while (Atomics.load(this.s, SENT) === seen) Atomics.wait(this.s, SENT, seen, 1000);
    return Atomics.load(this.s, COMMAND) === 1 ? { type: 'step', count: Atomics.load(this.s, COUNT) } : { type: 'release' };
  }
}

/** The typed views of a run's shared buffers. */
export interface SharedViews {
  readonly inputs: Float32Array;
  readonly labels: Float32Array;
  readonly gradients: Float32Array;
  readonly weights: Float32Array;
  readonly stats: Float64Array;
}

export function viewsOf(b: SharedBuffers): SharedViews {
  return {
    inputs: new Float32Array(b.inputs),
    labels: new Float32Array(b.labels),
    gradients: new Float32Array(b.gradients),
    weights: new Float32Array(b.weights),
    stats: new Float64Array(b.stats),
  };
}
