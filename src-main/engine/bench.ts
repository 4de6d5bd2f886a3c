import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../src-shared/engine/protocol';
import { availableBackends, initBackend } from './backend/select';
import { makeTrainStep } from './backend/train-step';
import { seededRandom, shuffledIndices } from '../../src-shared/util/random';

export interface BenchOptions {
  /** Backends to measure; by default every backend that starts here, fastest first. */
  readonly backends?: readonly BackendName[];
  /** Batch sizes to measure (default 32 and 128). */
  readonly batchSizes?: readonly number[];
  /** Measuring time per backend and batch size in seconds (default 3; the cpu backend gets a third of it). */
  readonly seconds?: number;
  /** Fewest measured steps, however long they take (default 2). */
  readonly minSteps?: number;
  readonly seed?: number;
  /** The networks to measure (default both: the lecture's CNN on 28×28×1, the CIFAR-10 tutorial's on 32×32×3). */
  readonly models?: readonly BenchModel[];
}

/** The networks `bench` trains: the lecture's CNN on 28×28 grayscale, TensorFlow's CIFAR-10 tutorial CNN on 32×32 colour. */
export const BENCH_MODELS = ['lecture-cnn', 'cifar-cnn'] as const;
export type BenchModel = (typeof BENCH_MODELS)[number];

/** Training throughput of one network on one backend at one batch size. */
export interface BenchResult {
  readonly model: BenchModel;
  readonly backend: BackendName;
  readonly batchSize: number;
  readonly samplesPerSec: number;
  readonly steps: number;
  readonly seconds: number;
}

const CLASSES = 10;
const DATASET_SIZE = 2048;
const WARMUP_STEPS = 2;

/** The lecture's CNN: Conv2D(10, 3×3, same, relu) → MaxPooling2D(2) → Flatten → Dense(100, relu) → Dense(10, softmax). */
export function lectureCnn(seed: number): tf.Sequential {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed + s });
  const model = tf.sequential({ name: 'lecture_cnn' });
  model.add(
    tf.layers.conv2d({
      inputShape: [28, 28, 1],
      filters: 10,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: init(1),
    }),
  );
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 100, activation: 'relu', kernelInitializer: init(2) }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: init(3) }));
  return model;
}

/** The CNN of TensorFlow's CIFAR-10 tutorial: Conv2D(32) → MaxPool → Conv2D(64) → MaxPool → Conv2D(64) → Flatten → Dense(64) → Dense(10), 3×3 valid relu convolutions; 122,570 parameters. */
export function cifarCnn(seed: number): tf.Sequential {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed + s });
  const model = tf.sequential({ name: 'cifar_cnn' });
  model.add(tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init(1) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init(2) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init(3) }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init(4) }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: init(5) }));
  return model;
}

/** Each network with the shape of the images it takes. */
const NETWORKS: Readonly<Record<BenchModel, { readonly side: number; readonly channels: number; build(seed: number): tf.Sequential }>> = {
  'lecture-cnn': { side: 28, channels: 1, build: lectureCnn },
  'cifar-cnn': { side: 32, channels: 3, build: cifarCnn },
};

interface BenchData {
  readonly images: Float32Array;
  readonly labels: Uint8Array;
  readonly side: number;
  readonly channels: number;
}

/** Handwriting-like images: a few thick anti-aliased strokes (of a random colour when there are 3 channels) on black, values in [0, 1], random labels. */
function strokeImages(count: number, seed: number, side: number, channels: number): BenchData {
  const rand = seededRandom(seed);
  const size = side * side * channels;
  const images = new Float32Array(count * size);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    labels[n] = Math.floor(rand() * CLASSES);
    const strokes = 2 + Math.floor(rand() * 3);
    for (let s = 0; s < strokes; s++) {
      const span = side - 8;
      const [x0, y0, x1, y1] = [4 + rand() * span, 4 + rand() * span, 4 + rand() * span, 4 + rand() * span];
      const colour = Array.from({ length: channels }, () => (channels === 1 ? 1 : rand()));
      const dx = x1 - x0;
      const dy = y1 - y0;
      const len2 = Math.max(dx * dx + dy * dy, 1e-6);
      for (let r = 0; r < side; r++) {
        for (let c = 0; c < side; c++) {
          const t = Math.min(1, Math.max(0, ((c - x0) * dx + (r - y0) * dy) / len2));
          const ink = Math.min(1, Math.max(0, 1.6 - Math.hypot(c - (x0 + t * dx), r - (y0 + t * dy))));
          for (let k = 0; k < channels; k++) {
            const i = n * size + (r * side + c) * channels + k;
            images[i] = Math.max(images[i]!, ink * colour[k]!);
          }
        }
      }
    }
  }
  return { images, labels, side, channels };
}

/** Copies the examples `idx` into fresh batch tensors, as the training session does every step. */
function batch(data: BenchData, idx: Uint32Array): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const size = data.side * data.side * data.channels;
  const xs = new Float32Array(idx.length * size);
  const ys = new Float32Array(idx.length * CLASSES);
  idx.forEach((i, n) => {
    xs.set(data.images.subarray(i * size, (i + 1) * size), n * size);
    ys[n * CLASSES + data.labels[i]!] = 1;
  });
  return { x: tf.tensor4d(xs, [idx.length, data.side, data.side, data.channels]), y: tf.tensor2d(ys, [idx.length, CLASSES]) };
}

/** Trains with Adam on one backend and batch size: warm-up steps, then steps until the time is up; every step waits for its loss. */
async function measure(
  network: BenchModel,
  backend: BackendName,
  batchSize: number,
  data: BenchData,
  seconds: number,
  minSteps: number,
  seed: number,
): Promise<BenchResult> {
  await initBackend(backend);
  const model = NETWORKS[network].build(seed);
  const optimizer = tf.train.adam(0.001, 0.9, 0.999, 1e-7);
  const step = makeTrainStep(model, optimizer);
  let order = shuffledIndices(DATASET_SIZE, seed);
  let cursor = 0;
  let epoch = 0;
  const runStep = async () => {
    if (cursor + batchSize > DATASET_SIZE) {
      order = shuffledIndices(DATASET_SIZE, seed + ++epoch);
      cursor = 0;
    }
    const { x, y } = batch(data, order.subarray(cursor, cursor + batchSize));
    cursor += batchSize;
    const loss = step(x, y);
    await loss.data();
    tf.dispose([x, y, loss]);
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
    return { model: network, backend, batchSize, samplesPerSec: (steps * batchSize) / elapsed, steps, seconds: elapsed };
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}

/**
 * Measures training samples per second of each network (forward, backward and Adam update on
 * stroke images of its input's shape) for each backend and batch size; yields one result as each
 * is measured, and leaves the previously active backend active. Prints nothing.
 */
export async function* runBench(options: BenchOptions = {}): AsyncGenerator<BenchResult> {
  const seed = options.seed ?? 1;
  const seconds = options.seconds ?? 3;
  const minSteps = options.minSteps ?? 2;
  const previous = tf.engine().backendName as string | undefined;
  const backends = options.backends ?? (await availableBackends());
  try {
    for (const network of options.models ?? BENCH_MODELS) {
      const { side, channels } = NETWORKS[network];
      const data = strokeImages(DATASET_SIZE, seed, side, channels);
      for (const backend of backends) {
        for (const batchSize of options.batchSizes ?? [32, 128]) {
          if (batchSize < 1 || batchSize > DATASET_SIZE) throw new Error(`batch size must be 1…${DATASET_SIZE}, got ${batchSize}`);
          yield await measure(network, backend, batchSize, data, backend === 'cpu' ? seconds / 3 : seconds, minSteps, seed);
        }
      }
    }
  } finally {
    if (previous && tf.engine().registry[previous] && previous !== tf.getBackend()) await tf.setBackend(previous);
  }
}
