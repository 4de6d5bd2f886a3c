import type {
  BackendChoiceWords,
  BackendName,
  DataOrigin,
  DatasetProblem,
  DatasetWarning,
  EngineCommand,
  EngineErrorReason,
  EngineEvent,
  InspectInput,
  EngineEventOf,
  LoadingPhase,
} from '../../src-shared/engine/protocol';
import { engineError } from '../../src-shared/engine/errors';
import { DatasetError } from './data/errors';
import { toNetwork } from '../../src-shared/graph/network';
import { IDX_SPEC, planTraining, type DatasetSpec } from '../../src-shared/training/compatibility';
import { issueText, planText } from '../../src-shared/i18n/issue-text';
import { PICTURE_DATASETS, type TrainingSettings } from '../../src-shared/project/training';
import { TrainingSession, type PreparedData } from './training/session';
import type { TrainedModel } from './model/trained-model';
import { openModel, type ModelOpening } from './model/open-command';
import { EngineRuns, type RunHooks } from './runs/engine-runs';
import { runDatasetOf } from './runs/recorder';
import { exampleValues, examplesOf, inputBytes, inputShape, toExamples } from './training/examples';
import { inspectModel } from './inspect/feature-maps';
import { attribute, AttributionRequestError } from './inspect/attribution';
import type { Normalization } from '../../src-shared/training/normalization';
import { writeTrainedModel } from './export/trained-model';
import { exportDesign } from './export/design-export';
import { previewAugmentation } from './training/preview';
import { basename } from 'node:path';
import { exportRefusal, type Confinement } from './process/confinement';
import { readFile } from 'node:fs/promises';
import { catalogueDirs, mayReadDataDir } from './data/sources';
import { machineMemoryBudget, memoryRefusal } from './training/memory-check';
import { memoryBudgetText } from '../../src-shared/i18n/memory-text';
import { decodePicture, resizePixels, UnusablePictureError, type PictureSize } from './data/image-decode';
import type { TrainedDataset } from '../../src-shared/training/trained-dataset';
import { usableThreads } from './parallel/threads';

/** Images with labels, as the data layer hands them over: 28×28 grayscale for IDX data, the Input's size for pictures. */
export interface RawSplit {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

/** A loaded dataset and where it came from. */
export interface LoadedDataset {
  readonly name: string;
  /** Where it came from, in English (for logs and the CLI). */
  readonly source: string;
  /** The same as codes, for the UI. */
  readonly origin?: DataOrigin;
  readonly train: RawSplit;
  readonly test: RawSplit;
  readonly classNames: readonly string[];
  /** True for a known dataset's class names (worded by the UI); false for a folder's or CIFAR-10's, shown as they are. Default true. */
  readonly classNamesWorded?: boolean;
  /** The size every image has in `images`; default 28×28×1. */
  readonly image?: PictureSize;
  /** Files of a folder that were left out. */
  readonly warning?: DatasetWarning;
}

/** What loading a dataset may need beyond the settings: the size pictures are brought to, and where to report progress. */
export interface DatasetRequest {
  /** The model's input size, for datasets of pictures (resized to it). */
  readonly size?: PictureSize;
  readonly onProgress?: (progress: { phase: LoadingPhase; done: number; total: number | null; file?: string }) => void;
}

/** What the host needs from the outside world; the real implementations live in backend/ and data/. */
export interface EngineDeps {
  initBackend(preferred: TrainingSettings['backend']): Promise<BackendInUse>;
  loadDataset(settings: TrainingSettings, cacheDir: string | undefined, request?: DatasetRequest): Promise<LoadedDataset>;
  /** Seeded, stratified split of training indices into train and validation. */
  split(labels: Uint8Array, validationFraction: number, seed: number): { train: Uint32Array; validation: Uint32Array };
  /** Threads a run uses when its settings name none (1 when absent). */
  readonly defaultThreads?: number;
}

/** The backend in use, why in English, and why as codes. */
export interface BackendInUse {
  readonly name: BackendName;
  readonly reason: string;
  readonly choice?: BackendChoiceWords;
}

/** The current model: one a training run makes (with its session), or one opened from files (without). */
interface Run extends TrainedModel {
  readonly id: string;
  /** The training run that makes the model; absent for a model opened from files. */
  readonly session?: TrainingSession;
  /** The settings it trains with (the Keras script beside an export trains and feeds as they say); absent for a model opened from files. */
  readonly settings?: TrainingSettings;
  done: Promise<void>;
}

const IDX_IMAGE: PictureSize = { height: 28, width: 28, channels: 1 };

/** Examples per class (by label). */
function classCounts(labels: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const l of labels) if (l < classes) counts[l]! += 1;
  return counts;
}

/** The minimum milliseconds between two loading events (the last of each phase is always sent). */
const LOADING_INTERVAL = 100;

function allIndices(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** Which images settings read (pictures at the Input's size): the same key, the same images. */
function datasetKey(settings: TrainingSettings, size: PictureSize | undefined): string {
  return JSON.stringify([settings.dataset, settings.dataDir, size ?? null]);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The innermost cause's own text (a library's error), for an error's untranslated detail. */
function causeOf(e: unknown): string {
  let inner = e;
  while (inner instanceof Error && inner.cause !== undefined) inner = inner.cause;
  return message(inner);
}

/**
 * The one answer a confined engine gives for a dataset folder it may not read, whatever the folder
 * (missing, unreadable, or there but outside the allowed ones): no path, no hint of what is there.
 */
export const DATA_DIR_REFUSED =
  'This dataset folder cannot be used here: browser mode reads only folders named when it starts (serve --data-dir DIR) and the built-in datasets';

const NO_MODEL = 'There is no trained model for this run — train the network first';

/** Carries out engine commands and reports through `emit`; knows nothing of the transport. */
export class EngineHost {
  private backend: BackendInUse | undefined;
  private current: Run | undefined;
  /** Folders the user chose in the desktop app's native dialog since the engine started (granted by main, never by the page). */
  private readonly granted: string[] = [];
  /** The last dataset read, for previews of the same dataset without reading it again (one at a time). */
  private lastDataset: { readonly key: string; readonly raw: LoadedDataset } | undefined;

  constructor(
    private readonly deps: EngineDeps,
    private readonly emit: (event: EngineEvent) => void,
    /** When set, the page driving the engine is untrusted: exports stay inside a root and the cache is the engine's own. */
    private readonly confinement?: Confinement,
  ) {}

  /** Handles one validated command; resolves when the command (not a training run) is handled. */
  async handle(command: EngineCommand): Promise<void> {
    switch (command.type) {
      case 'hello':
        // Every host that says hello learns the backend, even when another host set it up first.
        await this.ensureBackend('auto', true);
        return;
      case 'train':
        return this.train(command);
      case 'stop':
        if (this.current?.id === command.runId) this.current.session?.stop();
        return;
      case 'inspect':
        return this.inspect(command);
      case 'attribution':
        return this.attribution(command);
      case 'export':
        return this.export(command);
      case 'augment-preview':
        return this.augmentPreview(command);
      case 'export-design':
        return exportDesign(command, this.emit, this.confinement);
      case 'open-model':
        return openModel(command, this.modelOpening());
      case 'runs-list':
      case 'run-read':
      case 'run-rename':
      case 'run-delete':
      case 'run-open':
        return new EngineRuns(this.modelOpening()).handle(command);
      case 'shutdown':
        await this.endCurrent(false);
        return;
    }
  }

  /** The promise of the training run in progress, if any (for hosts that wait for it). */
  get running(): Promise<void> | undefined {
    return this.current?.done;
  }

  private async ensureBackend(preferred: TrainingSettings['backend'], announce = false): Promise<void> {
    if (!this.backend || (preferred !== 'auto' && preferred !== this.backend.name)) {
      this.backend = await this.deps.initBackend(preferred);
    } else if (!announce) return;
    const { name, reason, choice } = this.backend;
    this.emit({
      type: 'ready',
      backend: name,
      backendReason: reason,
      ...(choice ? { backendChoice: choice } : {}),
      memoryBudgetBytes: machineMemoryBudget(name),
    });
  }

  private async train(command: Extract<EngineCommand, { type: 'train' }>): Promise<void> {
    const { runId, settings } = command;
    const seq = toNetwork(command.graph);
    if (!seq.ok) {
      const text = seq.issues.map((i) => issueText('en', i)).join('\n');
      this.emit(engineError('invalid-graph', { code: 'graph-issues', values: { count: seq.issues.length } }, text, { runId }));
      return;
    }
    const pictures = PICTURE_DATASETS.includes(settings.dataset);
    // Pictures are resized to the Input; their class count is known once the folder is read.
    const spec: DatasetSpec = pictures ? { kind: 'resized', classes: null } : IDX_SPEC;
    let plan = planTraining(seq.model, spec);
    if (!plan.ok) {
      const text = planText('en', plan.problem);
      this.emit(engineError('not-trainable', { code: 'not-trainable', values: {} }, text, { runId, detail: text }));
      return;
    }
    if (this.confinement && settings.dataDir && !(await this.mayRead(settings.dataDir))) {
      this.emit(engineError('dataset', { code: 'dataset', values: { problem: 'not-found' } }, DATA_DIR_REFUSED, { runId }));
      return;
    }
    // A run to record or continue is checked before anything stops or loads: a refusal costs nothing.
    const runs = new EngineRuns(this.modelOpening());
    const recordStore = command.record ? runs.store(command.record.location, { runId }) : undefined;
    if (command.record && !recordStore) return;
    const resume = command.resume ? await runs.resumeSource(command.resume, seq.model, runId) : undefined;
    if (command.resume && !resume) return;
    await this.endCurrent();
    try {
      await this.ensureBackend(settings.backend);
    } catch (e) {
      const reason: EngineErrorReason =
        settings.backend === 'auto'
          ? { code: 'no-backend', values: {} }
          : { code: 'backend-unavailable', values: { backend: settings.backend } };
      this.emit(engineError('backend', reason, message(e), { runId, detail: causeOf(e) }));
      return;
    }
    // Before the dataset, the examples and the tf model take any memory: a network this machine
    // cannot hold is refused here, by arithmetic, instead of failing (or swapping) minutes later.
    const backend = this.backend!.name;
    const inputName = seq.model.input.name;
    const tooLarge = memoryRefusal(command.graph, settings, backend, { examples: 0, inputName });
    if (tooLarge) {
      this.emit(engineError('not-trainable', tooLarge, memoryBudgetText('en', tooLarge.values), { runId }));
      return;
    }
    const adapter = plan.adapter;
    const size: PictureSize | undefined =
      adapter.kind === 'resized' ? { height: adapter.height, width: adapter.width, channels: adapter.channels } : undefined;
    let raw: LoadedDataset;
    try {
      this.lastDataset = undefined;
      raw = await this.deps.loadDataset(settings, this.confinement ? undefined : command.cacheDir, {
        ...(size ? { size } : {}),
        onProgress: this.loadingReporter(runId),
      });
      this.lastDataset = { key: datasetKey(settings, size), raw };
    } catch (e) {
      const problem: DatasetProblem = e instanceof DatasetError ? e.code : 'other';
      const name = e instanceof DatasetError ? e.subject : undefined;
      this.emit(
        engineError('dataset', { code: 'dataset', values: { problem, ...(name !== undefined ? { name } : {}) } }, message(e), {
          runId,
          detail: message(e),
        }),
      );
      return;
    }
    if (pictures) {
      plan = planTraining(seq.model, { kind: 'resized', classes: raw.classNames.length });
      if (!plan.ok) {
        const text = planText('en', plan.problem);
        this.emit(engineError('not-trainable', { code: 'not-trainable', values: {} }, text, { runId, detail: text }));
        return;
      }
    }
    // The images are held for the whole run as bytes in the input's layout: a large input (a
    // 1024×1024 Input fed 70,000 images needs 69 GiB) is refused before converting them.
    const examples = raw.train.count + raw.test.count;
    const tooMuchData = memoryRefusal(command.graph, settings, backend, { examples, inputName });
    if (tooMuchData) {
      this.emit(engineError('not-trainable', tooMuchData, memoryBudgetText('en', tooMuchData.values), { runId }));
      return;
    }
    if (raw.warning) this.emit({ type: 'warning', runId, warning: raw.warning });
    const { train: trainIdx, validation: valIdx } =
      settings.validationSplit > 0
        ? this.deps.split(raw.train.labels, settings.validationSplit, settings.seed)
        : { train: allIndices(raw.train.count), validation: new Uint32Array(0) };
    // Training and validation share one copy of the bytes; pictures already are the input's layout, so no copy at all.
    const shape = inputShape(adapter);
    const trainBytes = inputBytes(raw.train.images, 'all', adapter);
    const testBytes = inputBytes(raw.test.images, 'all', adapter);
    const data: PreparedData = {
      train: examplesOf(trainBytes, raw.train.labels, trainIdx, shape),
      validation: valIdx.length > 0 ? examplesOf(trainBytes, raw.train.labels, valIdx, shape) : null,
      test: examplesOf(testBytes, raw.test.labels, allIndices(raw.test.count), shape),
      classNames: raw.classNames,
      classNamesWorded: raw.classNamesWorded ?? true,
    };
    const classes = raw.classNames.length;
    const image = raw.image ?? IDX_IMAGE;
    const classNamesWorded = raw.classNamesWorded ?? true;
    const datasetEvent: EngineEventOf<'dataset'> = {
      type: 'dataset',
      runId,
      name: raw.name,
      source: raw.source,
      ...(raw.origin ? { origin: raw.origin } : {}),
      trainCount: data.train.count,
      validationCount: data.validation?.count ?? 0,
      testCount: data.test.count,
      classNames: [...raw.classNames],
      classNamesWorded,
      image: { ...image },
      classCounts: {
        train: classCounts(data.train.labels, classes),
        validation: classCounts(data.validation?.labels ?? new Uint8Array(0), classes),
        test: classCounts(data.test.labels, classes),
      },
    };
    this.emit(datasetEvent);
    const { threads } = usableThreads(settings.threads ?? this.deps.defaultThreads ?? 1, backend, seq.model, settings.batchSize);
    const session: TrainingSession = new TrainingSession({
      runId,
      model: seq.model,
      settings,
      data,
      outputIsProbability: plan.outputIsProbability,
      emit: (e) => recording!.observe(e),
      threads,
      afterEpoch: () => recording!.saveEpoch(),
    });
    const trained: TrainedDataset = {
      format: 1,
      dataset: settings.dataset,
      classNames: [...raw.classNames],
      classNamesWorded,
      image: { height: image.height, width: image.width, channels: image.channels },
      resize: 'fill',
      adapter: adapter.kind === 'resized' ? { ...adapter, shape: [...adapter.shape] } : { ...adapter },
      normalization: session.normalization,
      outputIsProbability: plan.outputIsProbability,
    };
    const recording: RunHooks | undefined = await runs.prepareRun(
      { runId, emit: this.emit, store: recordStore, request: command.record, resume, graph: command.graph, settings, backend, threads },
      { model: session.model, network: seq.model, trained, dataset: runDatasetOf(settings.dataset, datasetEvent) },
    );
    if (!recording) {
      session.dispose();
      return;
    }
    // The data layer's images are not kept: the examples hold them in the input's layout.
    const run: Run = {
      id: runId,
      session,
      tfModel: session.model,
      test: data.test,
      adapter,
      model: seq.model,
      trained,
      settings,
      done: Promise.resolve(),
    };
    run.done = session
      .run()
      .catch((e: unknown) => {
        recording.observe(
          engineError('internal', { code: 'training-failed', values: {} }, `Training failed: ${message(e)}`, { runId, detail: message(e) }),
        );
      })
      .then(() => recording.finish());
    this.current = run;
  }

  /** Turns the data layer's progress into loading events: at most ten a second, and each phase's last step always. */
  private loadingReporter(runId: string): NonNullable<DatasetRequest['onProgress']> {
    let last = -Infinity;
    return (p) => {
      const now = performance.now();
      const final = p.total !== null && p.done >= p.total;
      if (!final && now - last < LOADING_INTERVAL) return;
      last = now;
      this.emit({
        type: 'loading',
        runId,
        phase: p.phase,
        done: p.done,
        total: p.total,
        ...(p.file !== undefined ? { file: p.file } : {}),
      });
    };
  }

  /** Ends the current model: stops its training run (when `stop`) and waits for it, then frees the model. */
  private async endCurrent(stop = true): Promise<void> {
    const run = this.current;
    if (!run) return;
    if (stop) run.session?.stop();
    await run.done;
    if (this.current === run) this.current = undefined;
    if (run.session) run.session.dispose();
    else run.tfModel.dispose();
  }

  /**
   * Makes a trained model current under `runId`, as a finished training run's would be: inspect
   * and export with that runId then use it. A training run in progress is stopped first; the host
   * owns (and later disposes) the model.
   */
  async adoptModel(runId: string, model: TrainedModel): Promise<void> {
    await this.endCurrent();
    this.current = { ...model, id: runId, done: Promise.resolve() };
  }

  /** What the open-model command needs from this host. */
  private modelOpening(): ModelOpening {
    return {
      emit: this.emit,
      adopt: (runId: string, model: TrainedModel) => this.adoptModel(runId, model),
      backend: () => (this.backend ? Promise.resolve() : this.ensureBackend('auto')),
      loadDataset: this.deps.loadDataset.bind(this.deps),
      confined: this.confinement !== undefined,
    };
  }

  /** Lets a confined engine read datasets from `dir` too: a folder the user chose in main's native dialog. */
  grantDataDir(dir: string): void {
    if (!this.granted.includes(dir)) this.granted.push(dir);
  }

  /** Whether a page-driven engine may read datasets from `dir`: the catalogue locations, the folders named on the command line and those granted by main. */
  private async mayRead(dir: string): Promise<boolean> {
    try {
      return await mayReadDataDir(dir, [...catalogueDirs(), ...(this.confinement?.dataDirs ?? []), ...this.granted]);
    } catch {
      return false;
    }
  }

  private async inspect(command: Extract<EngineCommand, { type: 'inspect' }>): Promise<void> {
    const { runId, requestId } = command;
    const run = this.current;
    if (!run || run.id !== runId) {
      this.emit(engineError('no-model', { code: 'no-model', values: {} }, NO_MODEL, { runId, requestId }));
      return;
    }
    const example = await this.inputValues(run, command);
    if (!example) return;
    const { values, label } = example;
    const shape = inputShape(run.adapter);
    try {
      const result = await inspectModel(run.tfModel, values, shape, run.trained.normalization);
      this.emit({ type: 'inspection', runId, requestId, ...result, ...(label !== undefined ? { label } : {}) });
    } catch (e) {
      this.emit(
        engineError('internal', { code: 'internal', values: {} }, `Inspection failed: ${message(e)}`, {
          runId,
          requestId,
          detail: message(e),
        }),
      );
    }
  }

  /**
   * The input an inspection or attribution asks about as the model's values (with a test sample's
   * label), or undefined after reporting why there is none.
   */
  private async inputValues(
    run: Run,
    command: { readonly runId: string; readonly requestId: string; readonly input: InspectInput },
  ): Promise<{ values: Float32Array; label?: number } | undefined> {
    const { runId, requestId, input } = command;
    if (input.kind === 'test-sample') {
      const { index } = input;
      const count = run.test?.count ?? 0;
      if (index >= count) {
        this.emit(
          engineError(
            'bad-message',
            { code: 'test-sample-missing', values: { index, count } },
            `Test sample ${index} does not exist; the test split has ${count} images`,
            { runId, requestId },
          ),
        );
        return undefined;
      }
      return { values: exampleValues(run.test!, index), label: run.test!.labels[index]! };
    }
    try {
      return { values: await this.pictureValues(run, input.kind === 'pixels' ? { pixels: input.pixels } : { file: input.data }) };
    } catch (e) {
      if (!(e instanceof UnusablePictureError)) throw e;
      this.emit(
        engineError('bad-message', { code: 'bad-image', values: { reason: e.reason } }, `The picture cannot be used: ${e.message}`, {
          runId,
          requestId,
          detail: e.message,
        }),
      );
      return undefined;
    }
  }

  /** What an explanation reads of the current run: its model, how inputs are normalised, and their shape. */
  private explainable(
    runId: string,
  ): { run: Run; model: TrainingSession['model']; normalization: Normalization; shape: readonly number[] } | undefined {
    const run = this.current;
    if (!run || run.id !== runId) return undefined;
    return { run, model: run.tfModel, normalization: run.trained.normalization, shape: inputShape(run.adapter) };
  }

  private async attribution(command: Extract<EngineCommand, { type: 'attribution' }>): Promise<void> {
    const { runId, requestId } = command;
    const current = this.explainable(runId);
    if (!current) {
      this.emit(engineError('no-model', { code: 'no-model', values: {} }, NO_MODEL, { runId, requestId }));
      return;
    }
    const example = await this.inputValues(current.run, command);
    if (!example) return;
    const { values, label } = example;
    const request = {
      ...(command.layer !== undefined ? { layer: command.layer } : {}),
      ...(command.classIndex !== undefined ? { classIndex: command.classIndex } : {}),
    };
    try {
      const { score, ...result } = await attribute(current.model, values, current.shape, current.normalization, request);
      this.emit({ type: 'attribution', runId, requestId, ...result, score, ...(label !== undefined ? { label } : {}) });
    } catch (e) {
      if (e instanceof AttributionRequestError) {
        this.emit(engineError('bad-message', e.reason, e.message, { runId, requestId }));
        return;
      }
      this.emit(
        engineError('internal', { code: 'internal', values: {} }, `Attribution failed: ${message(e)}`, {
          runId,
          requestId,
          detail: message(e),
        }),
      );
    }
  }

  /** A drawing (28×28 grayscale) or a picture file as the model's input values, brought to it exactly as the training images were. */
  private async pictureValues(run: Run, from: { pixels: Uint8Array } | { file: Uint8Array }): Promise<Float32Array> {
    const { image } = run.trained;
    const size: PictureSize = { height: image.height, width: image.width, channels: image.channels };
    const pixels = 'file' in from ? await decodePicture(from.file, size) : await resizePixels(from.pixels, IDX_IMAGE, size);
    const example = toExamples(pixels, new Uint8Array(1), [0], run.adapter);
    return exampleValues(example, 0);
  }

  private async augmentPreview(command: Extract<EngineCommand, { type: 'augment-preview' }>): Promise<void> {
    const { requestId, settings } = command;
    const seq = toNetwork(command.graph);
    if (!seq.ok) {
      const text = seq.issues.map((i) => issueText('en', i)).join('\n');
      this.emit(engineError('invalid-graph', { code: 'graph-issues', values: { count: seq.issues.length } }, text, { requestId }));
      return;
    }
    // Pictures are resized to the Input; the class count does not matter for a preview.
    const spec: DatasetSpec = PICTURE_DATASETS.includes(settings.dataset) ? { kind: 'resized', classes: null } : IDX_SPEC;
    const plan = planTraining(seq.model, spec);
    if (!plan.ok) {
      const text = planText('en', plan.problem);
      this.emit(engineError('not-trainable', { code: 'not-trainable', values: {} }, text, { requestId, detail: text }));
      return;
    }
    if (this.confinement && settings.dataDir && !(await this.mayRead(settings.dataDir))) {
      this.emit(engineError('dataset', { code: 'dataset', values: { problem: 'not-found' } }, DATA_DIR_REFUSED, { requestId }));
      return;
    }
    try {
      // Any backend does for a preview; a training run may already have chosen one.
      if (!this.backend) await this.ensureBackend(settings.backend);
    } catch (e) {
      this.emit(engineError('backend', { code: 'no-backend', values: {} }, message(e), { requestId, detail: causeOf(e) }));
      return;
    }
    const adapter = plan.adapter;
    const size: PictureSize | undefined =
      adapter.kind === 'resized' ? { height: adapter.height, width: adapter.width, channels: adapter.channels } : undefined;
    const key = datasetKey(settings, size);
    let raw = this.lastDataset?.key === key ? this.lastDataset.raw : undefined;
    if (!raw) {
      try {
        raw = await this.deps.loadDataset(settings, this.confinement ? undefined : command.cacheDir, size ? { size } : {});
      } catch (e) {
        const problem: DatasetProblem = e instanceof DatasetError ? e.code : 'other';
        const name = e instanceof DatasetError ? e.subject : undefined;
        this.emit(
          engineError('dataset', { code: 'dataset', values: { problem, ...(name !== undefined ? { name } : {}) } }, message(e), {
            requestId,
            detail: message(e),
          }),
        );
        return;
      }
      // At most two datasets are held: the run's examples (for its test samples) and this one.
      this.lastDataset = { key, raw };
    }
    const train =
      settings.validationSplit > 0
        ? this.deps.split(raw.train.labels, settings.validationSplit, settings.seed).train
        : allIndices(raw.train.count);
    const samples = previewAugmentation(
      { images: raw.train.images, labels: raw.train.labels, train },
      {
        adapter,
        settings,
        samples: command.samples,
        versions: command.versions,
        seed: command.seed ?? settings.seed,
        ...(command.perClass !== undefined ? { perClass: command.perClass } : {}),
      },
    );
    this.emit({ type: 'augment-preview', requestId, classNames: [...raw.classNames], samples });
  }

  private async export(command: Extract<EngineCommand, { type: 'export' }>): Promise<void> {
    const { runId, dir } = command;
    const refused = exportRefusal(this.confinement, dir, { runId });
    if (refused) {
      this.emit(refused);
      return;
    }
    const run = this.current;
    if (!run || run.id !== runId) {
      this.emit(engineError('no-model', { code: 'no-model', values: {} }, NO_MODEL, { runId }));
      return;
    }
    try {
      const all = await writeTrainedModel(run.tfModel, run.model, run.trained, dir, run.settings);
      const contents = command.returnContents
        ? await Promise.all(all.map(async (f) => ({ name: basename(f), data: new Uint8Array(await readFile(f)) })))
        : undefined;
      this.emit({ type: 'exported', runId, files: all, ...(contents ? { contents } : {}) });
    } catch (e) {
      this.emit(
        engineError('internal', { code: 'export-failed', values: { dir } }, `Export to ${dir} failed: ${message(e)}`, {
          runId,
          detail: message(e),
        }),
      );
    }
  }
}
