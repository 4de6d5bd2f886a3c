import type {
  BackendChoiceWords,
  BackendName,
  DataOrigin,
  DatasetProblem,
  EngineCommand,
  EngineErrorReason,
  EngineEvent,
} from '../../src-shared/engine/protocol';
import { engineError } from '../../src-shared/engine/errors';
import { DatasetError } from './data/errors';
import { toNetwork, type Network } from '../../src-shared/graph/network';
import { planTraining, type InputAdapter } from '../../src-shared/training/compatibility';
import { issueText, planText } from '../../src-shared/i18n/issue-text';
import type { TrainingSettings } from '../../src-shared/project/training';
import { TrainingSession, type PreparedData } from './training/session';
import { toExamples, type Examples } from './training/examples';
import { inspectModel } from './inspect/feature-maps';
import { saveModel } from './export/artifacts';
import { writeFileAtomic } from '../files/atomic-write';
import { toKeras3Json } from '../../src-shared/keras/export';
import { basename, join } from 'node:path';
import { isInside, type Confinement } from './process/confinement';
import { readFile } from 'node:fs/promises';
import { catalogueDirs, mayReadDataDir } from './data/sources';
import { machineMemoryBudget, memoryRefusal } from './training/memory-check';
import { memoryBudgetText } from '../../src-shared/i18n/memory-text';
import { usableThreads } from './parallel/threads';

/** 28×28 grayscale images with labels, as the data layer hands them over. */
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
}

/** What the host needs from the outside world; the real implementations live in backend/ and data/. */
export interface EngineDeps {
  initBackend(preferred: TrainingSettings['backend']): Promise<BackendInUse>;
  loadDataset(settings: TrainingSettings, cacheDir: string | undefined): Promise<LoadedDataset>;
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

interface Run {
  readonly id: string;
  readonly session: TrainingSession;
  readonly test: Examples;
  readonly raw: LoadedDataset;
  readonly adapter: InputAdapter;
  readonly model: Network;
  done: Promise<void>;
}

function allIndices(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
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
        if (this.current?.id === command.runId) this.current.session.stop();
        return;
      case 'inspect':
        return this.inspect(command);
      case 'export':
        return this.export(command);
      case 'shutdown':
        await this.current?.done;
        this.current?.session.dispose();
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
    const plan = planTraining(seq.model);
    if (!plan.ok) {
      const text = planText('en', plan.problem);
      this.emit(engineError('not-trainable', { code: 'not-trainable', values: {} }, text, { runId, detail: text }));
      return;
    }
    if (this.confinement && settings.dataDir && !(await this.mayRead(settings.dataDir))) {
      this.emit(engineError('dataset', { code: 'dataset', values: { problem: 'not-found' } }, DATA_DIR_REFUSED, { runId }));
      return;
    }
    if (this.current) {
      this.current.session.stop();
      await this.current.done;
      this.current.session.dispose();
      this.current = undefined;
    }
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
    let raw: LoadedDataset;
    try {
      raw = await this.deps.loadDataset(settings, this.confinement ? undefined : command.cacheDir);
    } catch (e) {
      const problem: DatasetProblem = e instanceof DatasetError ? e.code : 'other';
      this.emit(engineError('dataset', { code: 'dataset', values: { problem } }, message(e), { runId, detail: message(e) }));
      return;
    }
    // The images, converted to float32 in the input's layout, are held for the whole run: a large
    // input (a 1024×1024 Input fed 70,000 images needs 274 GiB) is refused before converting them.
    const examples = raw.train.count + raw.test.count;
    const tooMuchData = memoryRefusal(command.graph, settings, backend, { examples, inputName });
    if (tooMuchData) {
      this.emit(engineError('not-trainable', tooMuchData, memoryBudgetText('en', tooMuchData.values), { runId }));
      return;
    }
    const { train: trainIdx, validation: valIdx } =
      settings.validationSplit > 0
        ? this.deps.split(raw.train.labels, settings.validationSplit, settings.seed)
        : { train: allIndices(raw.train.count), validation: new Uint32Array(0) };
    const data: PreparedData = {
      train: toExamples(raw.train.images, raw.train.labels, trainIdx, plan.adapter),
      validation: valIdx.length > 0 ? toExamples(raw.train.images, raw.train.labels, valIdx, plan.adapter) : null,
      test: toExamples(raw.test.images, raw.test.labels, allIndices(raw.test.count), plan.adapter),
      classNames: raw.classNames,
    };
    this.emit({
      type: 'dataset',
      runId,
      name: raw.name,
      source: raw.source,
      ...(raw.origin ? { origin: raw.origin } : {}),
      trainCount: data.train.count,
      validationCount: data.validation?.count ?? 0,
      testCount: data.test.count,
      classNames: [...raw.classNames],
    });
    const { threads } = usableThreads(settings.threads ?? this.deps.defaultThreads ?? 1, backend, seq.model, settings.batchSize);
    const session = new TrainingSession({
      runId,
      model: seq.model,
      settings,
      data,
      outputIsProbability: plan.outputIsProbability,
      emit: this.emit,
      threads,
    });
    const run: Run = { id: runId, session, test: data.test, raw, adapter: plan.adapter, model: seq.model, done: Promise.resolve() };
    run.done = session.run().catch((e: unknown) => {
      this.emit(
        engineError('internal', { code: 'training-failed', values: {} }, `Training failed: ${message(e)}`, { runId, detail: message(e) }),
      );
    });
    this.current = run;
  }

  /** Whether a page-driven engine may read datasets from `dir`: the catalogue locations and the folders named on the command line only. */
  private async mayRead(dir: string): Promise<boolean> {
    try {
      return await mayReadDataDir(dir, [...catalogueDirs(), ...(this.confinement?.dataDirs ?? [])]);
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
    let example: Examples;
    let label: number | undefined;
    if (command.input.kind === 'test-sample') {
      const { index } = command.input;
      const count = run.raw.test.count;
      if (index >= count) {
        this.emit(
          engineError(
            'bad-message',
            { code: 'test-sample-missing', values: { index, count } },
            `Test sample ${index} does not exist; the test split has ${count} images`,
            { runId, requestId },
          ),
        );
        return;
      }
      example = toExamples(run.raw.test.images, run.raw.test.labels, [index], run.adapter);
      label = run.raw.test.labels[index];
    } else {
      example = toExamples(command.input.pixels, new Uint8Array(1), [0], run.adapter);
    }
    try {
      const result = await inspectModel(run.session.model, example.x, example.shape);
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

  private async export(command: Extract<EngineCommand, { type: 'export' }>): Promise<void> {
    const { runId, dir } = command;
    if (this.confinement && !isInside(this.confinement.exportRoot, dir)) {
      this.emit(
        engineError(
          'bad-message',
          { code: 'export-outside-root', values: { dir } },
          `Export refused: ${dir} is outside the folder this engine may write to`,
          { runId },
        ),
      );
      return;
    }
    const run = this.current;
    if (!run || run.id !== runId) {
      this.emit(engineError('no-model', { code: 'no-model', values: {} }, NO_MODEL, { runId }));
      return;
    }
    try {
      const files = await saveModel(run.session.model, dir);
      const kerasPath = join(dir, 'model.keras.json');
      await writeFileAtomic(kerasPath, `${JSON.stringify(toKeras3Json(run.model), null, 2)}\n`);
      const all = [...files, kerasPath];
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
