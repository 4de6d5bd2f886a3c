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
});

export type TrainingSettings = z.output<typeof trainingSettingsSchema>;

/** The default settings, as a fresh project gets them. */
export function defaultTrainingSettings(): TrainingSettings {
  return trainingSettingsSchema.parse({});
}
