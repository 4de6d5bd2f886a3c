import type * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendName, EngineCommand, EngineEvent, EngineEventOf } from '../../../src-shared/engine/protocol';
import type { Graph } from '../../../src-shared/graph/schema';
import type { TrainingSettings } from '../../../src-shared/project/training';
import { engineError, type ErrorContext } from '../../../src-shared/engine/errors';
import { toNetwork, type Network } from '../../../src-shared/graph/network';
import { networkSignature } from '../../../src-shared/training/network-signature';
import { TRAINED_DATASET_FILE, trainedDatasetSchema } from '../../../src-shared/training/trained-dataset';
import type { RunDataset, RunManifest, RunRecordRequest, RunRef, RunsLocation } from '../../../src-shared/runs/manifest';
import { RunStore, RunStoreError } from '../../runs/store';
import { runsFolder } from '../../runs/locations';
import { loadModel } from '../export/artifacts';
import { openModel, type ModelOpening } from '../model/open-command';
import { RunRecorder, runNetworkOf, type TrainedModel } from './recorder';

/** The run commands this module answers. */
export type RunCommand = Extract<EngineCommand, { type: 'runs-list' | 'run-read' | 'run-rename' | 'run-delete' | 'run-open' }>;

/** What the run commands need from the engine host. */
export interface RunsContext extends ModelOpening {
  /** The environment that decides the data folder (the process's by default). */
  readonly env?: NodeJS.ProcessEnv;
}

/** How a training run's storage side starts: where it is recorded (when it is) and what it continues. */
export interface RunStart {
  readonly runId: string;
  readonly emit: (event: EngineEvent) => void;
  readonly store?: RunStore | undefined;
  readonly request?: RunRecordRequest | undefined;
  readonly resume?: ResumeSource | undefined;
  readonly graph: Graph;
  readonly settings: TrainingSettings;
  readonly backend: BackendName;
  readonly threads: number;
}

/** What a training session's events and epochs go through: the recorder when the run is recorded, else straight out. */
export interface RunHooks {
  /** Every event of the session, before it goes out. */
  readonly observe: (event: EngineEvent) => void;
  /** After each finished epoch (the session waits for it). */
  readonly saveEpoch: () => Promise<void>;
  /** After the session ends. */
  readonly finish: () => Promise<void>;
}

/** A stored run to continue training from: its weights' model.json and what the 'started' event says of it. */
export interface ResumeSource {
  readonly modelJson: string;
  readonly resumedFrom: NonNullable<RunManifest['resumedFrom']>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The engine's side of stored runs: listing, reading, renaming, deleting and reopening them, and
 * what recording and resuming a training run need. Every problem is answered with an error event
 * (a code with values), never dropped.
 */
export class EngineRuns {
  constructor(private readonly context: RunsContext) {}

  /** The store of a location, or undefined after refusing it (a confined engine keeps runs only in its own data folder). */
  store(location: RunsLocation, answer: ErrorContext): RunStore | undefined {
    const folder = runsFolder(location, { confined: this.context.confined, ...(this.context.env ? { env: this.context.env } : {}) });
    if (folder === 'outside-root') {
      this.context.emit(
        engineError(
          'bad-message',
          { code: 'runs-outside-root', values: {} },
          'Runs beside a project file are not kept here: this engine keeps runs in its own data folder',
          answer,
        ),
      );
      return undefined;
    }
    return new RunStore(folder);
  }

  /** Answers one run command. */
  async handle(command: RunCommand): Promise<void> {
    const { requestId } = command;
    const location = command.type === 'runs-list' ? command.location : command.run.location;
    const answer: ErrorContext = { requestId, ...(command.type === 'run-open' ? { runId: command.runId } : {}) };
    const store = this.store(location, answer);
    if (!store) return;
    try {
      switch (command.type) {
        case 'runs-list':
          return await this.list(store, requestId, location);
        case 'run-read':
          this.context.emit({ type: 'run', requestId, run: await store.read(command.run.id) });
          return;
        case 'run-rename':
          await store.rename(command.run.id, command.name);
          return await this.list(store, requestId, location);
        case 'run-delete':
          await store.delete(command.run.id);
          return await this.list(store, requestId, location);
        case 'run-open':
          return await this.open(store, command);
      }
    } catch (e) {
      this.context.emit(this.storeError(e, command.type === 'runs-list' ? '' : command.run.id, answer));
    }
  }

  private async list(store: RunStore, requestId: string, location: RunsLocation): Promise<void> {
    const { runs, totalBytes } = await store.list();
    this.context.emit({ type: 'runs', requestId, location, runs, totalBytes });
  }

  /** Opens a stored run's final (or last epoch's) weights as the current model under the command's runId, as open-model would. */
  private async open(store: RunStore, command: Extract<RunCommand, { type: 'run-open' }>): Promise<void> {
    const { runId, requestId } = command;
    const manifest = await store.manifest(command.run.id);
    if (manifest.weights === 'none') throw new RunStoreError('unreadable', manifest.id, `run ${manifest.id} has no trained weights yet`);
    const dir = store.modelDir(manifest.id);
    let modelJson: string;
    let weights: Uint8Array<ArrayBuffer>;
    let dataset: unknown;
    try {
      modelJson = await readFile(join(dir, 'model.json'), 'utf8');
      weights = Uint8Array.from(await readFile(join(dir, 'weights.bin')));
      dataset = JSON.parse(await readFile(join(dir, TRAINED_DATASET_FILE), 'utf8'));
    } catch (e) {
      throw new RunStoreError('unreadable', manifest.id, message(e));
    }
    const trained = trainedDatasetSchema.safeParse(dataset);
    if (!trained.success) throw new RunStoreError('unreadable', manifest.id, `${TRAINED_DATASET_FILE} cannot be read`);
    // open-model's own path reads, checks and adopts the model; its answer becomes run-opened.
    let opened: EngineEventOf<'model-opened'> | undefined;
    await openModel(
      { type: 'open-model', runId, modelJson, weights, dataset: trained.data },
      {
        ...this.context,
        emit: (e: EngineEvent) => {
          if (e.type === 'model-opened') opened = e;
          else this.context.emit(e.type === 'error' ? { ...e, requestId } : e);
        },
      },
    );
    if (opened) this.context.emit({ type: 'run-opened', requestId, runId, manifest, testCount: opened.testCount });
  }

  /**
   * Where a training run continues from, after checking the stored run's design builds the same
   * network (else an error 'run-resume-mismatch'); undefined after answering with an error.
   */
  async resumeSource(ref: RunRef, network: Network, runId: string): Promise<ResumeSource | undefined> {
    const store = this.store(ref.location, { runId });
    if (!store) return undefined;
    try {
      const stored = await store.read(ref.id);
      if (stored.manifest.weights === 'none') throw new RunStoreError('unreadable', ref.id, `run ${ref.id} has no trained weights yet`);
      const design = toNetwork(stored.graph);
      if (!design.ok || networkSignature(design.model) !== networkSignature(network)) {
        this.context.emit(
          engineError(
            'not-trainable',
            { code: 'run-resume-mismatch', values: { id: ref.id } },
            `Run ${ref.id} trained another network: training continues from its weights only with the same design`,
            { runId },
          ),
        );
        return undefined;
      }
      // The fused optimizers keep their moments inside the trainer's threads; they are not stored, so the optimizer starts anew.
      return { modelJson: join(store.modelDir(ref.id), 'model.json'), resumedFrom: { id: ref.id, optimizer: 'fresh' } };
    } catch (e) {
      this.context.emit(this.storeError(e, ref.id, { runId }));
      return undefined;
    }
  }

  /**
   * What a training run does for storage once its session exists: takes the stored run's weights
   * when it continues one, and begins recording it when asked. Returns the hooks the session's
   * events and epochs go through, or undefined after answering with an error (nothing was trained).
   */
  async prepareRun(start: RunStart, trained: TrainedModel & { readonly dataset: RunDataset }): Promise<RunHooks | undefined> {
    const { runId, emit, resume } = start;
    if (resume) {
      try {
        await this.applyResume(trained.model, resume);
      } catch (e) {
        emit(this.storeError(new RunStoreError('unreadable', resume.resumedFrom.id, message(e)), resume.resumedFrom.id, { runId }));
        return undefined;
      }
    }
    // 'started' says what the run continues from (the session does not know it).
    const tagged = (e: EngineEvent): EngineEvent => (resume && e.type === 'started' ? { ...e, resumedFrom: resume.resumedFrom } : e);
    if (!start.store || !start.request)
      return { observe: (e) => emit(tagged(e)), saveEpoch: () => Promise.resolve(), finish: () => Promise.resolve() };
    let recorder: RunRecorder;
    try {
      recorder = await RunRecorder.begin({
        store: start.store,
        request: start.request,
        runId,
        graph: start.graph,
        settings: start.settings,
        dataset: trained.dataset,
        network: runNetworkOf(start.graph),
        backend: start.backend,
        threads: start.threads,
        ...(resume ? { resumedFrom: resume.resumedFrom } : {}),
        emit,
      });
    } catch (e) {
      emit(this.storeError(e, '', { runId }));
      return undefined;
    }
    return {
      observe: (e) => {
        const event = tagged(e);
        recorder.observe(event);
        emit(event);
      },
      saveEpoch: () => recorder.saveEpoch(trained),
      finish: () => recorder.finish(trained),
    };
  }

  /** Gives `model` the stored run's weights (same network, checked by resumeSource). */
  async applyResume(model: tf.LayersModel, source: ResumeSource): Promise<void> {
    const stored = await loadModel(source.modelJson);
    try {
      model.setWeights(stored.getWeights());
    } finally {
      stored.dispose();
    }
  }

  /** A store problem as an error event: a run not there, one that cannot be read, or a failed write. */
  storeError(e: unknown, id: string, answer: ErrorContext): EngineEventOf<'error'> {
    if (e instanceof RunStoreError) {
      const runId = e.id || id;
      return e.problem === 'unreadable'
        ? engineError('bad-message', { code: 'run-unreadable', values: { id: runId } }, e.message, { ...answer, detail: e.message })
        : engineError('bad-message', { code: 'run-not-found', values: { id: runId } }, `There is no stored run ${runId}`, answer);
    }
    return engineError('internal', { code: 'run-storage-failed', values: { id } }, `Stored run ${id}: ${message(e)}`, {
      ...answer,
      detail: message(e),
    });
  }
}
