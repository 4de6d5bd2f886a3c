import { z } from 'zod';
import { graphSchema } from '../graph/schema';
import { DATASETS, trainingSettingsSchema } from '../project/training';
// protocol.ts embeds these schemas in its run events and this module embeds two of protocol's:
// each side refers to the other only inside z.lazy, so the modules load in either order.
import { backendNameSchema, divergenceWarningSchema, engineErrorReasonSchema } from '../engine/protocol';
import { runCurvesSchema } from './curves';

/**
 * A recorded training run as it is stored: one folder per run holding manifest.json (this
 * schema: everything the run list shows), design.convas (the graph and settings as a project
 * file), curves.json and the trained model (model/: model.json, weights.bin, convas-dataset.json).
 */

/** At most this many misclassified test images are kept with a run (the engine lists a few hundred). */
export const MAX_STORED_MISCLASSIFIED = 1000;

/** The manifest format this build writes; others are refused with a clear problem rather than misread. */
export const RUN_FORMAT = 1;

/**
 * A stored run's id: a folder name made only of ASCII letters, digits, '-' and '_' (never '.', '/'
 * or '\\'), so no id names a folder outside the runs folder.
 */
export const STORED_RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const storedRunIdSchema = z.string().regex(STORED_RUN_ID);

/** True when `id` is a valid stored run id (see STORED_RUN_ID). */
export function isStoredRunId(id: string): boolean {
  return STORED_RUN_ID.test(id);
}

/** The longest run name, and the longest collection key (a project's title). */
export const MAX_RUN_NAME = 200;
export const runNameSchema = z.string().trim().min(1).max(MAX_RUN_NAME);

/**
 * Where a project's runs live. 'beside': `<project file without extension>.convas-runs/` next to a
 * saved project (refused by a confined engine). 'data': the engine's own data folder, under a
 * collection named by the project's title (any text; the engine turns it into a safe folder name).
 */
export const runsLocationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('beside'), projectFile: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('data'), collection: z.string().min(1).max(MAX_RUN_NAME) }),
]);
export type RunsLocation = z.infer<typeof runsLocationSchema>;

/** One stored run: where its project's runs live and its id there. */
export const runRefSchema = z.object({ location: runsLocationSchema, id: storedRunIdSchema });
export type RunRef = z.infer<typeof runRefSchema>;

/** What a `train` command's `record` asks for: where to keep the run, its name (its start time when absent) and the project's title. */
export const runRecordRequestSchema = z.object({
  location: runsLocationSchema,
  name: runNameSchema.optional(),
  project: z.string().max(MAX_RUN_NAME).optional(),
});
export type RunRecordRequest = z.infer<typeof runRecordRequestSchema>;

export const RUN_STATUSES = ['running', 'finished', 'stopped', 'crashed', 'diverged', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const count = z.number().int().min(0);
const metric = z.number().nullable();

/** The dataset a run trained on: which, its classes, its split sizes and its image size. */
export const runDatasetSchema = z.object({
  id: z.enum(DATASETS),
  /** The dataset's own name as the engine reported it. */
  name: z.string(),
  classNames: z.array(z.string()),
  /** True when the class names are a known dataset's (worded by the 'classes' dictionary); false: shown verbatim. */
  classNamesWorded: z.boolean(),
  split: z.object({ train: count, validation: count, test: count }),
  image: z.object({ height: z.number().int().min(1), width: z.number().int().min(1), channels: z.number().int().min(1) }),
});
export type RunDataset = z.infer<typeof runDatasetSchema>;

/** The network's summary (src-shared/summary) when the run started. */
export const runNetworkSchema = z.object({
  /** Rows of the Keras summary table. */
  layers: count,
  totalParams: count,
  trainableParams: count,
  /** Multiply-accumulates for one sample. */
  macs: count,
});
export type RunNetwork = z.infer<typeof runNetworkSchema>;

/** The run's results so far (null until known). */
export const runMetricsSchema = z.object({
  epochsCompleted: count,
  bestValAccuracy: metric,
  /** The epoch (1-based) of bestValAccuracy. */
  bestValEpoch: z.number().int().min(1).nullable(),
  /** The last finished epoch's training loss and accuracy. */
  trainLoss: metric,
  trainAccuracy: metric,
  testLoss: metric,
  testAccuracy: metric,
  testCount: count.nullable(),
});
export type RunMetrics = z.infer<typeof runMetricsSchema>;

/** Which trained weights the run folder holds: none yet, those of the last finished epoch (a run still going, or cut short), or the final ones. */
export const RUN_WEIGHTS = ['none', 'epoch', 'final'] as const;

/** What a run continued from: the stored run and whether its optimizer state came with the weights. */
export const resumedFromSchema = z.object({
  id: storedRunIdSchema,
  /** 'restored': the optimizer continues exactly; 'fresh': the weights continue, the optimizer starts anew. */
  optimizer: z.enum(['restored', 'fresh']),
});

export const runManifestSchema = z.object({
  format: z.literal(RUN_FORMAT),
  id: storedRunIdSchema,
  /** Editable; a new run is named after its start time. */
  name: runNameSchema,
  /** The project's title when the run started. */
  project: z.string().max(MAX_RUN_NAME),
  /** ISO 8601 times. */
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(RUN_STATUSES),
  /** status 'diverged': why the run did not learn (a code with values). */
  warning: z.lazy(() => divergenceWarningSchema).optional(),
  /** status 'failed': the engine's error reason, and its English text for the CLI. */
  failure: z.object({ reason: z.lazy(() => engineErrorReasonSchema), message: z.string() }).optional(),
  settings: trainingSettingsSchema,
  dataset: runDatasetSchema,
  network: runNetworkSchema,
  metrics: runMetricsSchema,
  /** confusionMatrix[true][predicted] counts on the test split; null until the run is evaluated. */
  confusionMatrix: z.array(z.array(count)).nullable(),
  /** The misclassified test images the finished event listed (its index, true and predicted class), so a reopened run's gallery shows them; absent in older runs. */
  misclassified: z
    .array(z.object({ index: count, label: count, predicted: count }))
    .max(MAX_STORED_MISCLASSIFIED)
    .optional(),
  /** Seconds from the first step to the end (or to the last finished epoch). */
  durationSeconds: z.number().min(0),
  backend: z.lazy(() => backendNameSchema),
  threads: z.number().int().min(1),
  /** Bytes the run's folder takes on disk (recomputed whenever runs are listed). */
  sizeBytes: count,
  weights: z.enum(RUN_WEIGHTS),
  resumedFrom: resumedFromSchema.optional(),
  /** The process that records the run: a 'running' run whose writer is gone is listed as 'crashed'. */
  writer: z.object({ pid: z.number().int().min(0) }),
});
export type RunManifest = z.infer<typeof runManifestSchema>;

/** Everything stored of one run: its manifest, the graph as it was trained, and its curves. */
export const storedRunSchema = z.object({
  manifest: runManifestSchema,
  graph: graphSchema,
  curves: runCurvesSchema,
});
export type StoredRun = z.infer<typeof storedRunSchema>;
