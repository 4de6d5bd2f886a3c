import { Worker } from 'node:worker_threads';
import type { Replica } from '../training/replica';
import { sizeOf } from '../training/replica';
import type { StepResult, Trainer, TrainerOptions } from '../training/trainer';
import { rankStep, type RankContext } from './step';
import { allocateShared, Barrier, PeerFailed, Signal, viewsOf, type SharedViews } from './sync';
import { WORKER_BUNDLE, type FromWorker, type ToWorker } from './messages';

/**
 * A new worker running the entry beside this file: the bundle, or the .ts source (tests,
 * development), which a worker can load only after registering tsx's loader itself (a worker's
 * execArgv cannot).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${WORKER_BUNDLE}`, here));
  const source = JSON.stringify(new URL('./worker.ts', here).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); });`, { eval: true });
}

/** A started worker and the error it reported last (read after a failed step). */
interface PoolWorker {
  readonly worker: Worker;
  lastError?: string;
  waiting?: (m: FromWorker) => void;
}

/** Workers outlive runs: starting one loads TensorFlow.js and a wasm instance, which takes a while. */
const idle: PoolWorker[] = [];

function spawn(): PoolWorker {
  const worker = startWorker();
  const w: PoolWorker = { worker };
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'error') w.lastError = m.message;
    const waiting = w.waiting;
    w.waiting = undefined;
    waiting?.(m);
  });
  worker.on('error', (e) => {
    w.lastError = e.message;
    const waiting = w.waiting;
    w.waiting = undefined;
    waiting?.({ type: 'error', message: e.message });
  });
  return w;
}

function send(w: PoolWorker, m: ToWorker): void {
  w.worker.postMessage(m);
}

function answer(w: PoolWorker): Promise<FromWorker> {
  return new Promise((resolve) => (w.waiting = resolve));
}

/** Data-parallel training: the calling thread is rank 0, each worker one more rank. */
class ParallelTrainer implements Trainer {
  readonly inputs: Float32Array;
  readonly labels: Float32Array;
  private disposed = false;

  constructor(
    private readonly replica: Replica,
    private readonly workers: PoolWorker[],
    private readonly views: SharedViews,
    private readonly ctx: RankContext,
    private readonly signal: Signal,
  ) {
    this.inputs = views.inputs;
    this.labels = views.labels;
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  async step(count: number): Promise<StepResult> {
    if (this.disposed) throw new Error('the trainer was disposed');
    this.signal.send({ type: 'step', count });
    try {
      rankStep(this.replica, this.ctx, count);
    } catch (e) {
      if (!(e instanceof PeerFailed)) throw e;
      // A worker failed: its message is on its way.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const reported = this.workers.find((w) => w.lastError)?.lastError;
      throw new Error(reported ?? 'a training worker failed', { cause: e });
    }
    let loss = 0;
    let hits = 0;
    for (let r = 0; r < this.threads; r++) {
      loss += this.views.stats[2 * r]!;
      hits += this.views.stats[2 * r + 1]!;
    }
    return { loss, hits };
  }

  dispose(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.disposed = true;
    this.signal.send({ type: 'release' });
    for (const w of this.workers) {
      // A worker whose run failed may still be blocked; only healthy ones go back to the pool.
      if (this.ctx.barrier.failed) void w.worker.terminate();
      else {
        // An idle worker must not keep the engine process alive.
        w.worker.unref();
        idle.push(w);
      }
    }
    return Promise.resolve();
  }
}

/** Starts (or reuses) threads − 1 workers, hands them the model and its weights, and waits until each is ready. */
export async function startParallelTrainer(options: TrainerOptions & { readonly replica: Replica }): Promise<Trainer> {
  const { replica, config, threads, maxBatch } = options;
  const exampleSize = sizeOf(config.exampleShape);
  const shared = allocateShared({ parties: threads, size: replica.size, maxBatch, exampleSize, classes: config.classes });
  const views = viewsOf(shared);
  views.weights.set(replica.readValues());
  const workers: PoolWorker[] = [];
  while (workers.length < threads - 1) workers.push(idle.pop() ?? spawn());
  for (const w of workers) w.worker.ref();
  const answers = workers.map((w, i) => {
    const ready = answer(w);
    send(w, {
      type: 'init',
      backend: options.backend,
      network: options.network,
      seed: options.seed,
      config,
      shared,
      rank: i + 1,
      parties: threads,
    });
    return ready;
  });
  const failures = (await Promise.all(answers)).filter((a) => a.type === 'error');
  if (failures.length > 0) {
    for (const w of workers) void w.worker.terminate();
    throw new Error(`training workers could not start: ${failures.map((f) => (f.type === 'error' ? f.message : '')).join('; ')}`);
  }
  const ctx: RankContext = {
    rank: 0,
    parties: threads,
    views,
    barrier: new Barrier(shared.control, threads),
    exampleSize,
    classes: config.classes,
    sum: new Float32Array(replica.size),
  };
  return new ParallelTrainer(replica, workers, views, ctx, new Signal(shared.signal));
}
