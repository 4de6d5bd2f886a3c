import { z } from 'zod';

/**
 * Why a TensorFlow.js model.json with its weights cannot be opened as a trained model, as a code:
 * the engine refuses it with one of these, the UI words it (engine dictionary, `error.open-model.<problem>`).
 */
export const OPEN_MODEL_PROBLEMS = [
  /** model.json is not JSON at all. */
  'not-json',
  /** A JSON document but not a TensorFlow.js layers model (a graph model, a Keras file without weights, anything else). */
  'not-layers-model',
  /** A layers model whose network Convas cannot read (a layer kind it lacks, several inputs …); `detail` says which. */
  'not-importable',
  /** The network reads, but is not valid (shapes that do not fit); `count` problems. */
  'invalid-network',
  /** TensorFlow.js cannot build the network with these settings. */
  'not-buildable',
  /** No weights file was given, or it is empty, while the network has weights. */
  'no-weights',
  /** The network has a weight (`weight`) that model.json's weightsManifest does not list. */
  'weight-missing',
  /** The weightsManifest lists a weight (`weight`) the network does not have. */
  'weight-unexpected',
  /** A weight's shape in the manifest (`given`) is not the one the network needs (`expected`). */
  'weight-shape',
  /** A weight is stored in a type Convas cannot read (`given`: its dtype). */
  'weight-dtype',
  /** The weights file holds `given` bytes but the manifest describes `expected`. */
  'weights-size',
  /** The model's input is no picture Convas can feed (`given`: its shape): height × width × 1 or 3, or 784 values. */
  'input-not-image',
  /** The model's output is not one value per class (`given`: its shape). */
  'output-not-vector',
  /** convas-dataset.json names `expected` classes but the model gives `given` values. */
  'dataset-mismatch',
  /** convas-dataset.json feeds an input of shape `expected` but the model takes `given`. */
  'dataset-input',
] as const;
export type OpenModelProblemCode = (typeof OPEN_MODEL_PROBLEMS)[number];

/** One refusal with its values (each only where its code uses it). */
export const openModelProblemSchema = z.object({
  problem: z.enum(OPEN_MODEL_PROBLEMS),
  weight: z.string().max(1000).optional(),
  expected: z.string().max(1000).optional(),
  given: z.string().max(1000).optional(),
  count: z.number().int().min(0).optional(),
});
export type OpenModelProblem = z.infer<typeof openModelProblemSchema>;

/**
 * How the engine came to know what a model's classes and pictures are: from convas-dataset.json,
 * assumed (10 classes from a 28×28×1 input: Fashion-MNIST's, said so on screen), or unknown
 * (classes shown by their numbers, pictures fed to the input as they are, scaled to 0–1).
 */
export const MODEL_DESCRIPTIONS = ['given', 'assumed-fashion-mnist', 'unknown'] as const;
export type ModelDescription = (typeof MODEL_DESCRIPTIONS)[number];
