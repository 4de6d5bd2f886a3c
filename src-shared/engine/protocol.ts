import { z } from 'zod';
import { graphSchema } from '../graph/schema';
import { trainingSettingsSchema } from '../project/training';

/**
 * The typed protocol between a host (CLI, Electron main, browser-mode server) and the engine
 * process. Every message is validated on both sides with these schemas.
 */

export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu'] as const;
export const backendNameSchema = z.enum(BACKEND_NAMES);
export type BackendName = z.infer<typeof backendNameSchema>;

const runId = z.string().min(1).max(100);

/** 28×28 grayscale pixels 0–255, row-major, e.g. drawn by the user. */
const pixelsSchema = z.instanceof(Uint8Array).refine((a) => a.length === 28 * 28, { error: 'an image must have 28×28 = 784 pixels' });

export const engineCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello') }),
  z.object({
    type: z.literal('train'),
    runId,
    graph: graphSchema,
    settings: trainingSettingsSchema,
    /** Where downloads are cached; the engine's default when absent. */
    cacheDir: z.string().optional(),
  }),
  z.object({ type: z.literal('stop'), runId }),
  z.object({
    type: z.literal('inspect'),
    runId,
    requestId: z.string().min(1).max(100),
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('test-sample'), index: z.number().int().min(0) }),
      z.object({ kind: z.literal('pixels'), pixels: pixelsSchema }),
    ]),
  }),
  z.object({
    type: z.literal('export'),
    runId,
    dir: z.string().min(1),
    /** Send the files' bytes back too (browser mode, where the page downloads them). */
    returnContents: z.boolean().optional(),
  }),
  z.object({ type: z.literal('shutdown') }),
]);
export type EngineCommand = z.infer<typeof engineCommandSchema>;

const finite = z.number();

/** A tensor as compact binary with its value range (never a JSON list of numbers). */
export const tensorViewSchema = z.object({
  shape: z.array(z.number().int().min(0)),
  data: z.instanceof(Float32Array),
  min: finite,
  max: finite,
});
export type TensorView = z.infer<typeof tensorViewSchema>;

export const engineEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    backend: backendNameSchema,
    /** Why this backend, and why faster ones were skipped. */
    backendReason: z.string(),
  }),
  z.object({
    type: z.literal('dataset'),
    runId,
    name: z.string(),
    source: z.string(),
    trainCount: z.number().int(),
    validationCount: z.number().int(),
    testCount: z.number().int(),
    classNames: z.array(z.string()),
  }),
  z.object({
    type: z.literal('batch'),
    runId,
    epoch: z.number().int(),
    batch: z.number().int(),
    batchesPerEpoch: z.number().int(),
    loss: finite,
    accuracy: finite,
    samplesPerSec: finite,
    /** Seconds left for the whole run at the current pace. */
    secondsLeft: finite,
  }),
  z.object({
    type: z.literal('epoch'),
    runId,
    epoch: z.number().int(),
    epochs: z.number().int(),
    loss: finite,
    accuracy: finite,
    valLoss: finite.nullable(),
    valAccuracy: finite.nullable(),
    seconds: finite,
  }),
  z.object({
    type: z.literal('finished'),
    runId,
    /** True when the user stopped the run early; the model is usable either way. */
    stopped: z.boolean(),
    epochsCompleted: z.number().int(),
    testLoss: finite,
    testAccuracy: finite,
    testCount: z.number().int(),
    /** confusionMatrix[true][predicted] counts. */
    confusionMatrix: z.array(z.array(z.number().int())),
    perClassAccuracy: z.array(finite),
    classNames: z.array(z.string()),
    /** Indices into the test split of misclassified images (at most a few hundred). */
    misclassified: z.array(z.object({ index: z.number().int(), label: z.number().int(), predicted: z.number().int() })),
    seconds: finite,
  }),
  z.object({
    type: z.literal('inspection'),
    runId,
    requestId: z.string(),
    input: tensorViewSchema,
    prediction: z.array(finite),
    featureMaps: z.array(z.object({ layer: z.string(), kind: z.string(), map: tensorViewSchema })),
    /** Conv2D weights [kh, kw, in, filters] and, when the layer has one, its bias [filters]. */
    kernels: z.array(z.object({ layer: z.string(), kernel: tensorViewSchema, bias: tensorViewSchema.optional() })),
  }),
  z.object({
    type: z.literal('exported'),
    runId,
    files: z.array(z.string()),
    contents: z.array(z.object({ name: z.string(), data: z.instanceof(Uint8Array) })).optional(),
  }),
  z.object({
    type: z.literal('error'),
    runId: runId.optional(),
    code: z.enum([
      'invalid-graph',
      'not-trainable',
      'dataset',
      'non-finite-loss',
      'backend',
      'engine-crashed',
      'bad-message',
      'no-model',
      'internal',
    ]),
    message: z.string(),
  }),
]);
export type EngineEvent = z.infer<typeof engineEventSchema>;
export type EngineEventOf<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
