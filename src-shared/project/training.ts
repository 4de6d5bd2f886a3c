import { z } from 'zod';

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;
export const DATASETS = ['sample', 'fashion-mnist', 'mnist', 'directory'] as const;
export const BACKENDS = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;

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
  /**
   * Threads to train on; absent (or null): the host's default, every core from the command line and
   * all but one in the app. Absent rather than defaulted, so files written before it stay byte-identical.
   */
  threads: z.number().int().min(1).max(MAX_THREADS).nullable().optional(),
});

export type TrainingSettings = z.output<typeof trainingSettingsSchema>;

/** The default settings, as a fresh project gets them. */
export function defaultTrainingSettings(): TrainingSettings {
  return trainingSettingsSchema.parse({});
}
