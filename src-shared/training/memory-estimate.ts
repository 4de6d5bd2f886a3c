import type { Summary } from '../summary/summary';
import type { TrainingSettings } from '../project/training';
import { product } from '../layers/format';

/** Bytes of one float32 value: weights, gradients, optimizer state and activations are all float32. */
const FLOAT32 = 4;

/**
 * Optimizer state per trainable weight, as TensorFlow.js 4 allocates it (one variable per slot):
 * SGD keeps none; momentum its accumulation; Adam the first and second moments; RMSProp always
 * both its mean square and its moment (tfjs creates the moment even with momentum 0, and would
 * add the mean gradient only when centered, which Convas never asks for); Adagrad its
 * accumulated squares.
 */
export const OPTIMIZER_SLOTS: Readonly<Record<TrainingSettings['optimizer'], number>> = {
  sgd: 0,
  momentum: 1,
  adam: 2,
  rmsprop: 2,
  adagrad: 1,
};

/**
 * Activations of one batch are counted twice: the forward output every layer keeps for
 * backpropagation, and the gradient of the same size that backpropagation computes for it
 * (tfjs holds every intermediate gradient until the step's tidy scope ends, so both are alive at
 * the peak). tfjs-layers fuses Dense and Conv2D with their bias and activation, so one tensor
 * per layer is the right count; reshape-like layers (Flatten) share their input's data and are
 * counted anyway, which errs on the high side by a little.
 */
export const ACTIVATION_FACTOR = 2;

/** What one layer needs for one training step, in bytes. */
export interface LayerMemory {
  readonly id: string;
  readonly name: string;
  /** The layer's kind (Keras class name). */
  readonly type: string;
  /** Trainable plus non-trainable parameters. */
  readonly params: number;
  readonly weightBytes: number;
  readonly gradientBytes: number;
  readonly optimizerBytes: number;
  /** Forward outputs of one batch and their gradients. */
  readonly activationBytes: number;
  readonly totalBytes: number;
}

/** What a training run needs before it starts: per layer and in total, in bytes. */
export interface MemoryEstimate {
  readonly layers: readonly LayerMemory[];
  /** The input batch (and its one-hot labels are negligible next to it, so not counted). */
  readonly inputBytes: number;
  /** The dataset as the engine holds it, one byte per value in the input's layout (0 when the image count is not known yet). */
  readonly exampleBytes: number;
  /** How many images that is. */
  readonly examples: number;
  readonly weightBytes: number;
  readonly gradientBytes: number;
  readonly optimizerBytes: number;
  readonly activationBytes: number;
  readonly totalBytes: number;
  readonly totalParams: number;
  readonly optimizer: TrainingSettings['optimizer'];
  readonly batchSize: number;
  /** The layer that needs the most; undefined for a network of only an Input. */
  readonly largest: LayerMemory | undefined;
  /**
   * False when some count went past Number.MAX_SAFE_INTEGER: the figures are then floating-point
   * approximations and must be printed as such (formatCountApprox), never digit by digit.
   */
  readonly exact: boolean;
}

/** The settings the estimate depends on. */
export type MemorySettings = Pick<TrainingSettings, 'optimizer' | 'batchSize'>;

/**
 * Estimates the memory one training run of a summarised network needs; pure arithmetic in float64.
 * `examples` is the number of images the engine will hold (training, validation and test), once known.
 */
export function estimateTrainingMemory(summary: Summary, settings: MemorySettings, examples = 0): MemoryEstimate {
  const slots = OPTIMIZER_SLOTS[settings.optimizer];
  const batch = settings.batchSize;
  let exact = true;
  const safe = (n: number) => {
    if (!Number.isSafeInteger(n)) exact = false;
    return n;
  };
  const layers = summary.layers.map((row): LayerMemory => {
    const weightBytes = safe(row.params * FLOAT32);
    const gradientBytes = safe(row.trainableParams * FLOAT32);
    const optimizerBytes = safe(row.trainableParams * FLOAT32 * slots);
    // row.memoryBytes is one sample's float32 output.
    const activationBytes = safe(row.memoryBytes * batch * ACTIVATION_FACTOR);
    const totalBytes = safe(weightBytes + gradientBytes + optimizerBytes + activationBytes);
    safe(row.params);
    return {
      id: row.id,
      name: row.name,
      type: row.type,
      params: row.params,
      weightBytes,
      gradientBytes,
      optimizerBytes,
      activationBytes,
      totalBytes,
    };
  });
  const sum = (f: (l: LayerMemory) => number) => safe(layers.reduce((a, l) => a + f(l), 0));
  const inputBytes = safe(product(summary.inputShape) * FLOAT32 * batch);
  // The engine holds images as bytes and converts them to float32 a batch at a time.
  const exampleBytes = safe(product(summary.inputShape) * examples);
  const activationBytes = sum((l) => l.activationBytes);
  const weightBytes = sum((l) => l.weightBytes);
  const gradientBytes = sum((l) => l.gradientBytes);
  const optimizerBytes = sum((l) => l.optimizerBytes);
  const totalBytes = safe(inputBytes + exampleBytes + weightBytes + gradientBytes + optimizerBytes + activationBytes);
  const largest = layers.reduce<LayerMemory | undefined>((a, l) => (a === undefined || l.totalBytes > a.totalBytes ? l : a), undefined);
  return {
    layers,
    inputBytes,
    exampleBytes,
    examples,
    weightBytes,
    gradientBytes,
    optimizerBytes,
    activationBytes,
    totalBytes,
    totalParams: sum((l) => l.params),
    optimizer: settings.optimizer,
    batchSize: batch,
    largest,
    exact,
  };
}
