import * as tf from '@tensorflow/tfjs';
import { availableParallelism } from 'node:os';
import type { BackendName } from '../../src-shared/engine/protocol';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../src-shared/graph/network';
import { availableBackends, initBackend } from './backend/select';
import { compileModel } from './model/compile';
import { createTrainer } from './training/trainer';
import { fillBatch, type Examples } from './training/examples';
import { seededRandom, shuffledIndices } from '../../src-shared/util/random';

/** The networks `bench` trains (the same ones scripts/bench-torch.py builds in PyTorch). */
export const BENCH_MODELS = ['lecture', 'cifar'] as const;
export type BenchModel = (typeof BENCH_MODELS)[number];

/** Batch sizes measured per network unless asked otherwise. */
export const BENCH_BATCHES: Record<BenchModel, readonly number[]> = { lecture: [32, 128], cifar: [64] };

export interface BenchOptions {
  /** Backends to measure; by default every backend that starts here, fastest first (the cpu backend on the lecture CNN only). */
  readonly backends?: readonly BackendName[];
  /** Networks to measure (default both). */
  readonly models?: readonly BenchModel[];
  /** Batch sizes to measure, for every network (default BENCH_BATCHES). */
  readonly batchSizes?: readonly number[];
  /** Thread counts to measure (default 1 and every core); the cpu backend and libtensorflow run on one. */
  readonly threads?: readonly number[];
  /** Measuring time per line in seconds (default 3; the cpu backend gets a third of it). */
  readonly seconds?: number;
  /** Fewest measured steps, however long they take (default 2). */
  readonly minSteps?: number;
  readonly seed?: number;
}

/** Training throughput of one network on one backend, batch size and thread count. */
export interface BenchResult {
  readonly backend: BackendName;
  readonly batchSize: number;
  readonly threads: number;
  readonly model: BenchModel;
  readonly samplesPerSec: number;
  readonly steps: number;
  readonly seconds: number;
}

const CLASSES = 10;
const DATASET_SIZE = 2048;
const WARMUP_STEPS = 3;

const conv = (filters: number): RawLayer => ({
  kind: 'Conv2D',
  params: { filters, kernel_size: [3, 3], padding: 'same', activation: 'relu' },
});
const pool: RawLayer = { kind: 'MaxPooling2D', params: { pool_size: [2, 2] } };
const dense = (units: number, activation: string): RawLayer => ({ kind: 'Dense', params: { units, activation } });

/** The layers of each bench network, Input first. */
const LAYERS: Record<BenchModel, readonly RawLayer[]> = {
  /** The lecture's CNN: Conv2D(10, 3×3, same, relu) → MaxPooling2D(2) → Flatten → Dense(100, relu) → Dense(10, softmax). */
  lecture: [
    { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
    conv(10),
    pool,
    { kind: 'Flatten', params: {} },
    dense(100, 'relu'),
    dense(CLASSES, 'softmax'),
  ],
  /** A CIFAR-sized CNN: 32×32×3 → Conv 32 → Pool → Conv 64 → Pool → Dense 128 → Dense 10. */
  cifar: [
    { kind: 'InputLayer', params: { shape: [32, 32, 3] } },
    conv(32),
    pool,
    conv(64),
    pool,
    { kind: 'Flatten', params: {} },
    dense(128, 'relu'),
    dense(CLASSES, 'softmax'),
  ],
};

/** A bench network as the app would train it. */
export function benchNetwork(model: BenchModel): Network {
  const result = toNetwork(graphFromLayers(LAYERS[model]), model);
  if (!result.ok) throw new Error(`the ${model} bench network is invalid`);
  return result.model;
}

/** Handwriting-like images: a few thick anti-aliased strokes on a black background, values in [0, 1], random labels. */
function strokeImages(count: number, side: number, seed: number): Examples {
  const rand = seededRandom(seed);
  const x = new Float32Array(count * side * side);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    labels[n] = Math.floor(rand() * CLASSES);
    const strokes = 2 + Math.floor(rand() * 3);
    for (let s = 0; s < strokes; s++) {
      const at = () => 4 + rand() * (side - 8);
      const [x0, y0, x1, y1] = [at(), at(), at(), at()];
      const dx = x1 - x0;
      const dy = y1 - y0;
      const len2 = Math.max(dx * dx + dy * dy, 1e-6);
      for (let r = 0; r < side; r++) {
        for (let c = 0; c < side; c++) {
          const t = Math.min(1, Math.max(0, ((c - x0) * dx + (r - y0) * dy) / len2));
          const dist = Math.hypot(c - (x0 + t * dx), r - (y0 + t * dy));
          const i = n * side * side + r * side + c;
          x[i] = Math.max(x[i]!, Math.min(1, Math.max(0, 1.6 - dist)));
        }
      }
    }
  }
  return asBytes(x, labels, count, [side, side, 1]);
}

/** Values in 0–1 as the examples training reads: bytes, converted per batch as every dataset is. */
function asBytes(x: Float32Array, labels: Uint8Array, count: number, shape: readonly number[]): Examples {
  const pixels = Uint8Array.from(x, (v) => Math.round(v * 255));
  return { pixels, index: Uint32Array.from({ length: count }, (_, i) => i), labels, count, shape };
}

/** Uniform random colour images with random labels. */
function randomImages(count: number, shape: readonly number[], seed: number): Examples {
  const rand = seededRandom(seed);
  const size = shape.reduce((p, d) => p * d, 1);
  const x = new Float32Array(count * size);
  for (let i = 0; i < x.length; i++) x[i] = rand();
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) labels[n] = Math.floor(rand() * CLASSES);
  return asBytes(x, labels, count, shape);
}

/** The data a bench network trains on. */
function benchData(model: BenchModel, seed: number): Examples {
  return model === 'lecture' ? strokeImages(DATASET_SIZE, 28, seed) : randomImages(DATASET_SIZE, [32, 32, 3], seed);
}

/**
 * Trains with Adam on one backend, batch size and thread count, through the trainer a training run
 * uses (shuffled batches copied from the data every step, loss and accuracy read back every step):
 * warm-up steps, then steps until the time is up.
 */
async function measure(
  backend: BackendName,
  model: BenchModel,
  batchSize: number,
  threads: number,
  data: Examples,
  seconds: number,
  minSteps: number,
  seed: number,
): Promise<BenchResult> {
  await initBackend(backend);
  const network = benchNetwork(model);
  const tfModel = compileModel(network, seed);
  const trainer = await createTrainer({
    model: tfModel,
    network,
    seed,
    config: { optimizer: 'adam', learningRate: 0.001, outputIsProbability: true, classes: CLASSES, exampleShape: data.shape },
    backend,
    threads,
    maxBatch: batchSize,
  });
  let order = shuffledIndices(DATASET_SIZE, seed);
  let cursor = 0;
  let epoch = 0;
  const runStep = async () => {
    if (cursor + batchSize > DATASET_SIZE) {
      order = shuffledIndices(DATASET_SIZE, seed + ++epoch);
      cursor = 0;
    }
    fillBatch(data, order.subarray(cursor, cursor + batchSize), CLASSES, trainer.inputs, trainer.labels);
    cursor += batchSize;
    await trainer.step(batchSize);
  };
  try {
    for (let i = 0; i < WARMUP_STEPS; i++) await runStep();
    const start = performance.now();
    let steps = 0;
    while (steps < minSteps || performance.now() - start < seconds * 1000) {
      await runStep();
      steps++;
    }
    const elapsed = (performance.now() - start) / 1000;
    return { backend, batchSize, threads: trainer.threads, model, samplesPerSec: (steps * batchSize) / elapsed, steps, seconds: elapsed };
  } finally {
    await trainer.dispose();
    tfModel.dispose();
  }
}

/** The thread counts measured by default: 1 and every core. */
export function defaultBenchThreads(cores = availableParallelism()): number[] {
  return cores > 1 ? [1, cores] : [1];
}

/**
 * Measures training samples per second (forward, backward and Adam update) of the bench networks
 * for each backend, batch size and thread count; yields one result per line as it is measured,
 * and leaves the previously active backend active. Prints nothing.
 */
export async function* runBench(options: BenchOptions = {}): AsyncGenerator<BenchResult> {
  const seed = options.seed ?? 1;
  const seconds = options.seconds ?? 3;
  const minSteps = options.minSteps ?? 2;
  const previous = tf.engine().backendName as string | undefined;
  const backends = options.backends ?? (await availableBackends());
  const threads = options.threads ?? defaultBenchThreads();
  try {
    for (const model of options.models ?? BENCH_MODELS) {
      const data = benchData(model, seed);
      for (const batchSize of options.batchSizes ?? BENCH_BATCHES[model]) {
        if (batchSize < 1 || batchSize > DATASET_SIZE) throw new Error(`batch size must be 1…${DATASET_SIZE}, got ${batchSize}`);
        for (const backend of backends) {
          // The cpu backend trains the 32×32×3 CNN at a few samples a second: only when asked for by name.
          if (backend === 'cpu' && model === 'cifar' && !options.backends) continue;
          // libtensorflow threads itself and the cpu backend is there for reference: one thread each.
          const counts = backend === 'wasm' ? threads : [1];
          for (const t of counts) {
            yield await measure(backend, model, batchSize, t, data, backend === 'cpu' ? seconds / 3 : seconds, minSteps, seed);
          }
        }
      }
    }
  } finally {
    if (previous && tf.engine().registry[previous] && previous !== tf.getBackend()) await tf.setBackend(previous);
  }
}
