import { z } from 'zod';

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;
export const DATASETS = ['sample', 'fashion-mnist', 'mnist', 'directory', 'images', 'cifar10'] as const;
export type DatasetName = (typeof DATASETS)[number];

/** Datasets of pictures resized to the model's Input (any height × width, 1 or 3 channels, any number of classes). */
export const PICTURE_DATASETS: readonly DatasetName[] = Object.freeze(['images', 'cifar10']);

/** Whether a dataset needs a folder named (a folder of images, one of IDX files); CIFAR-10 takes one optionally. */
export function datasetNeedsDir(dataset: DatasetName): boolean {
  return dataset === 'directory' || dataset === 'images';
}
export const BACKENDS = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
/** How pixels become the network's input: 0–1 (pixels / 255), or standardised per channel with the training split's mean and std. */
export const NORMALIZATIONS = ['unit', 'standardize'] as const;

/** The largest shift (pixels of padding before the random crop) and rotation (degrees either way) a setting may ask for. */
export const MAX_SHIFT = 16;
export const MAX_ROTATION = 45;

/**
 * Random changes to each training batch (never validation or test), seeded by the run's seed; all
 * off by default. Brightness adds δ ∈ [−brightness, brightness] to every pixel of an image;
 * contrast scales each channel about its mean by f ∈ [1 − contrast, 1 + contrast].
 */
export const augmentationSchema = z.object({
  flip: z.boolean().default(false),
  shift: z.number().int().min(0).max(MAX_SHIFT).default(0),
  rotation: z.number().min(0).max(MAX_ROTATION).default(0),
  brightness: z.number().min(0).max(1).default(0),
  contrast: z.number().min(0).max(1).default(0),
});

export type Augmentation = z.output<typeof augmentationSchema>;

/** The most threads one run may ask for. */
export const MAX_THREADS = 64;

/** Training settings saved with a project; defaults follow the lecture (Adam, batch 32, 20% validation). */
export const trainingSettingsSchema = z.object({
  dataset: z.enum(DATASETS).default('sample'),
  dataDir: z.string().nullable().default(null),
  optimizer: z.enum(OPTIMIZERS).default('adam'),
  learningRate: z.number().positive().max(10).default(0.001),
  batchSize: z.number().int().min(1).max(4096).default(32),
  epochs: z.number().int().min(1).max(1000).default(5),
  validationSplit: z.number().min(0).lt(1).default(0.2),
  seed: z.number().int().min(0).default(42),
  backend: z.enum(BACKENDS).default('auto'),
  augmentation: augmentationSchema.default(() => augmentationSchema.parse({})),
  normalization: z.enum(NORMALIZATIONS).default('unit'),
  /**
   * Threads to train on; absent (or null): the host's default, every core from the command line and
   * all but one in the app. Absent rather than defaulted, so files written before it stay byte-identical.
   */
  threads: z.number().int().min(1).max(MAX_THREADS).nullable().optional(),
});

export type TrainingSettings = z.output<typeof trainingSettingsSchema>;
export type NormalizationKind = TrainingSettings['normalization'];

/** True when the settings change any training batch. */
export function augments(a: Augmentation): boolean {
  return a.flip || a.shift > 0 || a.rotation > 0 || a.brightness > 0 || a.contrast > 0;
}

/** The default settings, as a fresh project gets them. */
export function defaultTrainingSettings(): TrainingSettings {
  return trainingSettingsSchema.parse({});
}
