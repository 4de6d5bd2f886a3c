import { z } from 'zod';
import { graphEdgeSchema, graphNodeSchema } from '../graph/schema';
import { checkLayerSettings, MAX_SETTING_TEXT } from '../graph/param-bounds';
import { OPTIMIZERS, trainingSettingsSchema } from '../project/training';
import type { DivergenceWarning } from '../training/divergence';
import { normalizationSchema } from '../training/normalization';
// The runs module embeds protocol schemas too: its schemas are used here only inside z.lazy (see runs/manifest.ts).
import {
  resumedFromSchema,
  runManifestSchema,
  runNameSchema,
  runRecordRequestSchema,
  runRefSchema,
  runsLocationSchema,
  storedRunSchema,
} from '../runs/manifest';
import { trainedDatasetSchema } from '../training/trained-dataset';
import { MODEL_DESCRIPTIONS, openModelProblemSchema } from '../training/open-model-problem';

/**
 * The typed protocol between a host (CLI, Electron main, browser-mode server) and the engine
 * process. Every message is validated on both sides with these schemas.
 */

export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu'] as const;
export const backendNameSchema = z.enum(BACKEND_NAMES);
export type BackendName = z.infer<typeof backendNameSchema>;

const runId = z.string().min(1).max(100);

/** The largest picture file an inspection may send (a photo from a phone is a few MB). */
export const MAX_IMAGE_FILE_BYTES = 64 * 1024 * 1024;

/** 28×28 grayscale pixels 0–255, row-major, e.g. drawn by the user. */
const pixelsSchema = z.instanceof(Uint8Array).refine((a) => a.length === 28 * 28, { error: 'an image must have 28×28 = 784 pixels' });

/** Far more layers and connections than any network Convas trains; a page cannot send a million. */
export const MAX_WIRE_NODES = 10_000;
const wireText = z.string().min(1).max(MAX_SETTING_TEXT);

/**
 * A graph that crosses a process boundary: bounded counts and texts, and every layer's settings
 * within bounds (depth, length, finite numbers) before anything recursive touches them (the engine's
 * analysis, `child.send`'s serialisation). A refusal names the node and setting in its path.
 */
export const wireGraphSchema = z
  .object({
    nodes: z.array(graphNodeSchema.extend({ id: wireText, name: wireText })).max(MAX_WIRE_NODES),
    edges: z.array(graphEdgeSchema.extend({ id: wireText, source: wireText, target: wireText })).max(MAX_WIRE_NODES * 2),
  })
  .superRefine((graph, ctx) => {
    for (const [i, node] of graph.nodes.entries()) {
      const found = checkLayerSettings(node.params, { finiteNumbers: true });
      if (found) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'params', found.param], message: found.code });
    }
  });

/** At most this many training images, and augmented versions of each, in one preview. */
export const MAX_PREVIEW_SAMPLES = 16;
export const MAX_PREVIEW_VERSIONS = 16;
/** A dataset view's samples per class, and the most images it asks for in all (the first classes when there are many). */
export const MAX_PREVIEW_PER_CLASS = 4;
export const MAX_PREVIEW_CLASS_SAMPLES = 64;

/** What an inspection (or an attribution) looks at: a test sample, a drawing, or a picture file. */
export const inspectInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('test-sample'), index: z.number().int().min(0) }),
  z.object({ kind: z.literal('pixels'), pixels: pixelsSchema }),
  /** A picture file's bytes (PNG, JPEG, WebP, GIF, BMP), decoded and resized exactly as the training images were. */
  z.object({
    kind: z.literal('image'),
    data: z.instanceof(Uint8Array).refine((a) => a.length > 0 && a.length <= MAX_IMAGE_FILE_BYTES, {
      error: 'an image file must hold 1 byte to 64 MB',
    }),
  }),
]);
export type InspectInput = z.infer<typeof inspectInputSchema>;
/** A model.json far larger than any real topology (its weights live in the weights file). */
export const MAX_MODEL_JSON_CHARS = 16 * 1024 * 1024;
/** The most weight bytes an opened model may have. */
export const MAX_MODEL_WEIGHTS_BYTES = 1024 * 1024 * 1024;

export const engineCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello') }),
  z.object({
    type: z.literal('train'),
    runId,
    graph: wireGraphSchema,
    settings: trainingSettingsSchema,
    /** Where downloads are cached; the engine's default when absent. */
    cacheDir: z.string().optional(),
    /** Record this run (manifest, curves, weights) among the project's runs; answered by 'recorded' events. */
    record: z.lazy(() => runRecordRequestSchema).optional(),
    /** Start from a stored run's trained weights (the graph must build the same network); 'started' says what was restored. */
    resume: z.lazy(() => runRefSchema).optional(),
  }),
  z.object({ type: z.literal('stop'), runId }),
  z.object({
    type: z.literal('inspect'),
    runId,
    requestId: z.string().min(1).max(100),
    input: inspectInputSchema,
  }),
  z.object({
    type: z.literal('export'),
    runId,
    dir: z.string().min(1),
    /** Send the files' bytes back too (browser mode, where the page downloads them). */
    returnContents: z.boolean().optional(),
  }),
  /**
   * Augmented versions of a few training images, as training would make them with these settings
   * (its dataset, augmentation and seed), for the settings form to show; no model is needed.
   */
  z.object({
    type: z.literal('augment-preview'),
    requestId: z.string().min(1).max(100),
    graph: wireGraphSchema,
    settings: trainingSettingsSchema,
    samples: z.number().int().min(1).max(MAX_PREVIEW_SAMPLES),
    versions: z.number().int().min(1).max(MAX_PREVIEW_VERSIONS),
    /** Another draw of the same images (the settings' seed when absent). */
    seed: z.number().int().min(0).optional(),
    /** Pick this many images of each class instead of `samples` at random (the dataset view's grid), in class order. */
    perClass: z.number().int().min(1).max(MAX_PREVIEW_PER_CLASS).optional(),
    cacheDir: z.string().optional(),
  }),
  /** A project's stored runs; answered by 'runs'. */
  z.object({ type: z.literal('runs-list'), requestId: z.string().min(1).max(100), location: z.lazy(() => runsLocationSchema) }),
  /** One stored run with its graph and curves; answered by 'run'. */
  z.object({ type: z.literal('run-read'), requestId: z.string().min(1).max(100), run: z.lazy(() => runRefSchema) }),
  /** Renames a stored run; answered by 'runs' (the list as it now is). */
  z.object({
    type: z.literal('run-rename'),
    requestId: z.string().min(1).max(100),
    run: z.lazy(() => runRefSchema),
    name: z.lazy(() => runNameSchema),
  }),
  /** Deletes a stored run and its files; answered by 'runs'. */
  z.object({ type: z.literal('run-delete'), requestId: z.string().min(1).max(100), run: z.lazy(() => runRefSchema) }),
  /** Makes a stored run's trained model current under `runId` (inspect, export as after training); answered by 'run-opened'. */
  z.object({ type: z.literal('run-open'), requestId: z.string().min(1).max(100), runId, run: z.lazy(() => runRefSchema) }),
  /**
   * Opens a trained TensorFlow.js layers model (model.json and its weight files, concatenated in
   * its weightsManifest's order) as the current model under `runId`, without training; answered by
   * `model-opened` or an error with reason `open-model`.
   */
  z.object({
    type: z.literal('open-model'),
    runId,
    modelJson: z.string().min(1).max(MAX_MODEL_JSON_CHARS),
    weights: z.instanceof(Uint8Array).refine((a) => a.length <= MAX_MODEL_WEIGHTS_BYTES, { error: 'the weights may hold at most 1 GiB' }),
    /** convas-dataset.json, when the user gives it: class names, picture size, normalisation, and the dataset for test samples. */
    dataset: trainedDatasetSchema.optional(),
    cacheDir: z.string().optional(),
  }),
  z.object({ type: z.literal('shutdown') }),
  /**
   * Why the model decided for one input: Grad-CAM at a convolution (`layer`; the last one when
   * absent) and a gradient saliency map, for a class (`classIndex`; the predicted one when absent).
   */
  z.object({
    type: z.literal('attribution'),
    runId,
    requestId: z.string().min(1).max(100),
    input: inspectInputSchema,
    layer: z.string().min(1).max(MAX_SETTING_TEXT).optional(),
    classIndex: z.number().int().min(0).optional(),
  }),
  /**
   * A design with its initial weights (those training would start from with `seed`) as an ONNX
   * model; no run is needed. Written into `dir` when given (inside the export root when confined);
   * its bytes come back with `returnContents`, or always when there is no `dir`.
   */
  z.object({
    type: z.literal('export-design'),
    requestId: z.string().min(1).max(100),
    graph: wireGraphSchema,
    seed: z.number().int().min(0),
    format: z.literal('onnx'),
    dir: z.string().min(1).optional(),
    returnContents: z.boolean().optional(),
  }),
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

/** The part a kernel plays in its layer: a plain, depthwise, pointwise (1×1) or transposed convolution. */
export const KERNEL_ROLES = ['conv', 'depthwise', 'pointwise', 'transpose'] as const;
export const kernelRoleSchema = z.enum(KERNEL_ROLES);
export type KernelRole = z.infer<typeof kernelRoleSchema>;

/** Why a backend was skipped: its package is absent, or it failed to start (the cause's own text in `detail`). */
export const backendSkipSchema = z.object({
  backend: backendNameSchema,
  cause: z.enum(['not-installed', 'failed']),
  detail: z.string(),
});

/** Why this backend, as codes: picked as the fastest that starts or as requested, and what was skipped. */
export const backendChoiceSchema = z.object({
  choice: z.enum(['fastest', 'requested']),
  /** wasm only: whether XNNPACK runs with SIMD. */
  simd: z.boolean().optional(),
  skipped: z.array(backendSkipSchema),
});
export type BackendChoiceWords = z.infer<typeof backendChoiceSchema>;

export const DATA_SOURCES = ['directory', 'debian', 'cache', 'download', 'sample'] as const;

/** Where a dataset came from, as a code and a folder (the sample standing in for Fashion-MNIST shows as name ≠ 'sample'). */
export const dataOriginSchema = z.object({
  source: z.enum(DATA_SOURCES),
  location: z.string(),
});
export type DataOrigin = z.infer<typeof dataOriginSchema>;

export const DATASET_PROBLEMS = [
  'not-found',
  'missing-files',
  'bad-gzip',
  'bad-magic',
  'bad-type',
  'bad-rank',
  'bad-dimensions',
  'truncated',
  'trailing-bytes',
  'bad-label',
  'count-mismatch',
  'size-mismatch',
  'checksum-mismatch',
  'download-failed',
  'unavailable',
  'no-images',
  'one-class',
  'empty-class',
  'empty-test-class',
  'unknown-test-class',
  'missing-cifar-files',
  'bad-archive',
  'other',
] as const;
export type DatasetProblem = (typeof DATASET_PROBLEMS)[number];

const none = z.object({});
const count = z.number().int();

/**
 * What an error means, as a code with its values (src-shared never returns a sentence): the UI
 * words it in the user's language. The English `message` beside it stays for logs and the CLI.
 */
export const engineErrorReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('graph-issues'), values: z.object({ count }) }),
  z.object({ code: z.literal('not-trainable'), values: none }),
  z.object({ code: z.literal('backend-unavailable'), values: z.object({ backend: backendNameSchema }) }),
  z.object({ code: z.literal('no-backend'), values: none }),
  z.object({
    code: z.literal('dataset'),
    /** `name`: the class, folder or file the problem is about, when there is one (a folder's own name, verbatim). */
    values: z.object({ problem: z.enum(DATASET_PROBLEMS), name: z.string().optional() }),
  }),
  z.object({
    code: z.literal('non-finite-loss'),
    values: z.object({ loss: z.string(), epoch: count, batch: count, learningRate: z.number() }),
  }),
  z.object({ code: z.literal('training-failed'), values: none }),
  /** The run would need more memory than this machine allows: refused before anything is allocated. */
  z.object({
    code: z.literal('memory-budget'),
    values: z.object({
      node: z.string(),
      cause: z.enum(['weights', 'activations', 'dataset']),
      params: z.number().min(0),
      bytes: z.number().min(0),
      budget: z.number().min(0),
      optimizer: z.enum(OPTIMIZERS),
      batch: count,
      examples: count.min(0),
    }),
  }),
  z.object({ code: z.literal('no-model'), values: none }),
  z.object({ code: z.literal('test-sample-missing'), values: z.object({ index: count, count }) }),
  /** A picture sent for inspection that is empty, not a picture Convas reads, or damaged. */
  z.object({ code: z.literal('bad-image'), values: z.object({ reason: z.enum(['empty', 'not-image', 'corrupt']) }) }),
  /** An attribution asked for a layer that is not one of the network's convolutions, or a class it does not have. */
  z.object({ code: z.literal('unknown-conv-layer'), values: z.object({ layer: z.string() }) }),
  z.object({ code: z.literal('unknown-class'), values: z.object({ index: count, count }) }),
  z.object({ code: z.literal('export-outside-root'), values: z.object({ dir: z.string() }) }),
  z.object({ code: z.literal('export-failed'), values: z.object({ dir: z.string() }) }),
  /** A layer an ONNX export cannot write exactly (src-shared/onnx/network-graph.ts), refused rather than written wrong. */
  z.object({ code: z.literal('onnx-relu-settings'), values: z.object({ layer: z.string() }) }),
  z.object({ code: z.literal('onnx-convolution-settings'), values: z.object({ layer: z.string() }) }),
  z.object({ code: z.literal('onnx-missing-weight'), values: z.object({ layer: z.string(), weight: z.string() }) }),
  z.object({ code: z.literal('bad-command'), values: none }),
  z.object({ code: z.literal('bad-event'), values: none }),
  z.object({ code: z.literal('engine-stopped'), values: none }),
  z.object({ code: z.literal('engine-unreachable'), values: none }),
  z.object({ code: z.literal('restart-failed'), values: none }),
  z.object({ code: z.literal('queue-full'), values: z.object({ max: count }) }),
  z.object({ code: z.literal('internal'), values: none }),
  /** No stored run has this id where the command looked. */
  z.object({ code: z.literal('run-not-found'), values: z.object({ id: z.string() }) }),
  /** A stored run whose files are damaged or of another format. */
  z.object({ code: z.literal('run-unreadable'), values: z.object({ id: z.string() }) }),
  /** Runs beside a project file are not for a confined engine (browser mode, the app): it keeps runs in its own data folder. */
  z.object({ code: z.literal('runs-outside-root'), values: none }),
  /** Writing or deleting a stored run failed (the cause's own text in `detail`). */
  z.object({ code: z.literal('run-storage-failed'), values: z.object({ id: z.string() }) }),
  /** The stored run's weights do not fit the network to train (another design): it cannot continue from them. */
  z.object({ code: z.literal('run-resume-mismatch'), values: z.object({ id: z.string() }) }),
  /** Files that are not a trained TensorFlow.js model Convas can open, or weights that do not fit it. */
  z.object({ code: z.literal('open-model'), values: openModelProblemSchema }),
]);
export type EngineErrorReason = z.infer<typeof engineErrorReasonSchema>;
export type EngineErrorReasonCode = EngineErrorReason['code'];

export const ENGINE_ERROR_CODES = [
  'invalid-graph',
  'not-trainable',
  'dataset',
  'non-finite-loss',
  'backend',
  'engine-crashed',
  'bad-message',
  'no-model',
  'internal',
  'open-model',
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** A run that finished without learning (src-shared/training/divergence.ts), as a code with its values. */
export const divergenceWarningSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('chance-accuracy'),
    values: z.object({ accuracy: finite, chance: finite, classes: count, learningRate: finite }),
  }),
  z.object({ code: z.literal('loss-grew'), values: z.object({ first: finite, last: finite, learningRate: finite }) }),
  z.object({ code: z.literal('loss-above-untrained'), values: z.object({ loss: finite, untrained: finite, learningRate: finite }) }),
]) satisfies z.ZodType<DivergenceWarning>;

/** Why a file of an image folder was left out: empty, not a picture, damaged, unreadable, or not inside a class folder. */
export const SKIP_REASONS = ['empty', 'not-image', 'corrupt', 'unreadable', 'outside-class'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** At most this many skipped files are listed by name in a warning (the count says how many there were). */
export const MAX_LISTED_SKIPS = 1000;

/** Something the user should know that does not stop the run, as a code with its values. */
export const datasetWarningSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('skipped-files'),
    values: z.object({
      /** How many files were skipped in all. */
      count: z.number().int().min(0),
      /** The first of them (at most MAX_LISTED_SKIPS), by path relative to the dataset folder. */
      files: z.array(z.object({ file: z.string(), reason: z.enum(SKIP_REASONS) })).max(MAX_LISTED_SKIPS),
    }),
  }),
]);
export type DatasetWarning = z.infer<typeof datasetWarningSchema>;

/** What the engine is doing before training starts, step by step. */
export const LOADING_PHASES = ['download', 'unpack', 'scan', 'decode', 'read-cache'] as const;
export type LoadingPhase = (typeof LOADING_PHASES)[number];

const imageSizeSchema = z.object({ height: z.number().int().min(1), width: z.number().int().min(1), channels: z.number().int().min(1) });

export const engineEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    backend: backendNameSchema,
    /** Why this backend, and why faster ones were skipped (English, for logs and the CLI). */
    backendReason: z.string(),
    /** The same as codes, for the UI to word. */
    backendChoice: backendChoiceSchema.optional(),
    /** Bytes one run may plan to use with this backend on this machine (runs estimated above it are refused). */
    memoryBudgetBytes: z.number().positive().optional(),
  }),
  z.object({
    type: z.literal('dataset'),
    runId,
    name: z.string(),
    /** Where the data came from (English, for logs and the CLI). */
    source: z.string(),
    /** The same as codes, for the UI to word. */
    origin: dataOriginSchema.optional(),
    trainCount: z.number().int(),
    validationCount: z.number().int(),
    testCount: z.number().int(),
    classNames: z.array(z.string()),
    /**
     * True when the class names are a known dataset's, worded in the user's language by the 'classes'
     * dictionary; false for names the dataset itself gives (a folder's, CIFAR-10's batches.meta.txt), shown verbatim.
     */
    classNamesWorded: z.boolean(),
    /** Every image as the model gets it: the files' own 28×28×1 for IDX, the Input's size for pictures. */
    image: imageSizeSchema,
    /** Images per class (indexed like classNames) in each split. */
    classCounts: z.object({ train: z.array(z.number().int()), validation: z.array(z.number().int()), test: z.array(z.number().int()) }),
  }),
  /** Training begins: the settings in force and the normalisation resolved from the training split. */
  z.object({
    type: z.literal('started'),
    runId,
    settings: trainingSettingsSchema,
    normalization: normalizationSchema,
    /** Set when the run continues from a stored run's weights: which, and whether its optimizer state came too. */
    resumedFrom: z.lazy(() => resumedFromSchema).optional(),
  }),
  z.object({
    type: z.literal('loading'),
    runId,
    phase: z.enum(LOADING_PHASES),
    /** Bytes (download) or images (the other phases) done so far. */
    done: z.number().min(0),
    /** Null when not known in advance. */
    total: z.number().min(0).nullable(),
    /** The file being downloaded. */
    file: z.string().optional(),
  }),
  z.object({ type: z.literal('warning'), runId, warning: datasetWarningSchema }),
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
    /** Threads the run trains on. */
    threads: z.number().int().positive().optional(),
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
    /** As the dataset event's: false when the class names are the dataset's own, shown verbatim (absent from older runs: true). */
    classNamesWorded: z.boolean().optional(),
    /** Indices into the test split of misclassified images (at most a few hundred). */
    misclassified: z.array(z.object({ index: z.number().int(), label: z.number().int(), predicted: z.number().int() })),
    seconds: finite,
    /** Set when the run finished without learning (chance accuracy, an exploded loss): a code with values to word. */
    warning: divergenceWarningSchema.optional(),
  }),
  z.object({
    type: z.literal('inspection'),
    runId,
    requestId: z.string(),
    /** The image in 0–1, as it is shown. */
    input: tensorViewSchema,
    /** What the first layer receives when the run standardises its inputs (absent when that is `input` itself). */
    normalizedInput: tensorViewSchema.optional(),
    /** The true class of a test sample (absent for a drawing). */
    label: z.number().int().optional(),
    prediction: z.array(finite),
    /** The name of the model's InputLayer (a map's `inbound` may name it: its map is `input`). */
    inputLayer: z.string().optional(),
    featureMaps: z.array(
      z.object({
        layer: z.string(),
        kind: z.string(),
        map: tensorViewSchema,
        /** The layers this one takes its input from, in port order (a merge's several). */
        inbound: z.array(z.string()).optional(),
      }),
    ),
    /**
     * The weights of every convolution, one entry per kernel (a SeparableConv2D has two: depthwise,
     * then pointwise) with the bias after the layer's last kernel. Shapes by `role` (absent: 'conv'):
     * conv [kh, kw, in, filters]; depthwise [kh, kw, in, multiplier]; pointwise [1, 1, in·multiplier,
     * filters]; transpose [kh, kw, filters, in] (TensorFlow's layout).
     */
    kernels: z.array(
      z.object({
        layer: z.string(),
        kernel: tensorViewSchema,
        bias: tensorViewSchema.optional(),
        role: kernelRoleSchema.optional(),
        /** The layer's class, e.g. SeparableConv2D. */
        kind: z.string().optional(),
      }),
    ),
  }),
  /** Answers augment-preview: per training image its 0–1 original and its augmented versions (before normalisation, as shown). */
  z.object({
    type: z.literal('augment-preview'),
    requestId: z.string(),
    classNames: z.array(z.string()),
    samples: z.array(
      z.object({
        index: z.number().int().min(0),
        label: z.number().int().min(0),
        original: tensorViewSchema,
        versions: z.array(tensorViewSchema),
      }),
    ),
  }),
  /** Answers attribution: where the network looked (Grad-CAM) and which pixels moved its score (saliency). */
  z.object({
    type: z.literal('attribution'),
    runId,
    requestId: z.string(),
    /** The convolution Grad-CAM was taken at (absent when the network has none). */
    layer: z.string().optional(),
    /** The class explained. */
    classIndex: z.number().int().min(0),
    predicted: z.number().int().min(0),
    prediction: z.array(finite),
    /** The true class of a test sample (absent for a drawing or a picture). */
    label: z.number().int().optional(),
    /** The image in 0–1, as it is shown. */
    input: tensorViewSchema,
    /** H×W, 0–1: ReLU(Σ_k α_k A_k) with α_k the spatially averaged gradient, bilinearly upsampled to the input (absent without a convolution). */
    gradCam: tensorViewSchema.optional(),
    /** H×W, 0–1: |∂score/∂input|, the largest over channels, over its maximum. */
    saliency: tensorViewSchema,
    /** The convolutions Grad-CAM can be taken at, in the model's layer order. */
    convLayers: z.array(z.string()),
    /** What was differentiated: the class's pre-softmax logit, or the output itself when there is no softmax to undo. */
    score: z.enum(['logit', 'output']),
  }),
  /** A trained model was opened (open-model) and is now current under runId. */
  z.object({
    type: z.literal('model-opened'),
    runId,
    /** The model's own name (model.json's). */
    name: z.string(),
    /** The network for the canvas (node names are the model's layer names); the renderer lays it out as an import. */
    graph: wireGraphSchema,
    classNames: z.array(z.string()),
    classNamesWorded: z.boolean(),
    /** The size and colour model pictures are brought to before they reach the input. */
    image: imageSizeSchema,
    /** Where classes and picture size came from: convas-dataset.json, assumed (Fashion-MNIST), or unknown (classes by number). */
    description: z.enum(MODEL_DESCRIPTIONS),
    normalization: normalizationSchema,
    /**
     * Test samples: 'loaded' (testCount of them, from the dataset convas-dataset.json names), 'no-dataset'
     * (no convas-dataset.json, or a dataset whose test split the engine cannot load by name: a folder of the
     * user's), 'unavailable' (the dataset could not be loaded here).
     */
    testSamples: z.enum(['loaded', 'no-dataset', 'unavailable']),
    testCount: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('exported'),
    runId,
    files: z.array(z.string()),
    contents: z.array(z.object({ name: z.string(), data: z.instanceof(Uint8Array) })).optional(),
  }),
  /** The answer to export-design: the files written (if any) and, when asked or when nothing was written, their bytes. */
  z.object({
    type: z.literal('design-exported'),
    requestId: z.string(),
    files: z.array(z.string()),
    contents: z.array(z.object({ name: z.string(), data: z.instanceof(Uint8Array) })).optional(),
  }),
  /** Answers runs-list, run-rename and run-delete: every stored run of the location, newest first, and their total size. */
  z.object({
    type: z.literal('runs'),
    requestId: z.string(),
    location: z.lazy(() => runsLocationSchema),
    runs: z.array(z.lazy(() => runManifestSchema)),
    totalBytes: z.number().int().min(0),
  }),
  /** Answers run-read. */
  z.object({ type: z.literal('run'), requestId: z.string(), run: z.lazy(() => storedRunSchema) }),
  /** Answers run-open: the stored model is current under `runId` (inspect and export work as after training). */
  z.object({
    type: z.literal('run-opened'),
    requestId: z.string(),
    runId,
    manifest: z.lazy(() => runManifestSchema),
    /** Test images inspect may pick by index (0 when the run's dataset cannot be loaded by name, e.g. a folder of the user's). */
    testCount: z.number().int().min(0),
  }),
  /**
   * A recorded run was written: when it starts (status 'running'), after each epoch, and at its end
   * (its final status). `dir` is the run's folder.
   */
  z.object({
    type: z.literal('recorded'),
    runId,
    run: z.lazy(() => runRefSchema),
    manifest: z.lazy(() => runManifestSchema),
    dir: z.string(),
  }),
  z.object({
    type: z.literal('error'),
    runId: runId.optional(),
    /** The command this error answers, when it answers one request (an inspection). */
    requestId: z.string().optional(),
    code: z.enum(ENGINE_ERROR_CODES),
    /** English, for logs and the CLI. */
    message: z.string(),
    /** What went wrong as a code with values, for the UI to word in the user's language. */
    reason: engineErrorReasonSchema.optional(),
    /** The underlying cause's own text (a library's or the system's), untranslated. */
    detail: z.string().optional(),
  }),
]);
export type EngineEvent = z.infer<typeof engineEventSchema>;
export type EngineEventOf<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
export type EngineErrorEvent = EngineEventOf<'error'>;
