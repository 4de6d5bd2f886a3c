import type * as tf from '@tensorflow/tfjs';
import type { BackendName, EngineEvent, EngineEventOf } from '../../../src-shared/engine/protocol';
import { engineError } from '../../../src-shared/engine/errors';
import type { Graph } from '../../../src-shared/graph/schema';
import type { Network } from '../../../src-shared/graph/network';
import type { DatasetName, TrainingSettings } from '../../../src-shared/project/training';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { summarize } from '../../../src-shared/summary/summary';
import type { TrainedDataset } from '../../../src-shared/training/trained-dataset';
import {
  MAX_STORED_MISCLASSIFIED,
  RUN_FORMAT,
  type RunDataset,
  type RunManifest,
  type RunNetwork,
  type RunRecordRequest,
  type RunsLocation,
} from '../../../src-shared/runs/manifest';
import { emptyCurves, withBatchPoint, withEpochPoint, type RunCurves } from '../../../src-shared/runs/curves';
import { writeTrainedModel, writeTrainedWeights } from '../export/trained-model';
import type { RunStore } from '../../runs/store';

/** What a recording needs to know when its run starts. */
export interface RecordingStart {
  readonly store: RunStore;
  readonly request: RunRecordRequest;
  /** The session's run id (the protocol's), which the 'recorded' events carry. */
  readonly runId: string;
  readonly graph: Graph;
  readonly settings: TrainingSettings;
  readonly dataset: RunDataset;
  readonly network: RunNetwork;
  readonly backend: BackendName;
  readonly threads: number;
  readonly resumedFrom?: RunManifest['resumedFrom'];
  readonly emit: (event: EngineEvent) => void;
}

/** The trained model and what goes beside it, as the recorder saves it. */
export interface TrainedModel {
  readonly model: tf.LayersModel;
  readonly network: Network;
  readonly trained: TrainedDataset;
}

/** The stored dataset facts of a run, from the engine's 'dataset' event. */
export function runDatasetOf(id: DatasetName, event: EngineEventOf<'dataset'>): RunDataset {
  return {
    id,
    name: event.name,
    classNames: [...event.classNames],
    classNamesWorded: event.classNamesWorded,
    split: { train: event.trainCount, validation: event.validationCount, test: event.testCount },
    image: { ...event.image },
  };
}

/** The network summary a run stores (zeros for a graph the summary cannot describe, which training refuses anyway). */
export function runNetworkOf(graph: Graph): RunNetwork {
  const s = summarize(analyzeGraph(graph));
  return s
    ? { layers: s.layers.length, totalParams: s.totalParams, trainableParams: s.trainableParams, macs: s.totalMacs }
    : { layers: 0, totalParams: 0, trainableParams: 0, macs: 0 };
}

/** A run's default name: its local start time, without words (the UI and the CLI show it as it is). */
function defaultName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

/**
 * Records one training run into a RunStore from the session's own events: the manifest (status
 * 'running') and the design when it starts; after each finished epoch the weights of that epoch,
 * the curves and the manifest (so an engine that dies keeps its last finished epoch); at the end
 * the final weights and status. Writes run one after another; a write that fails is reported once
 * as an error event and recording stops, while training goes on.
 */
export class RunRecorder {
  private manifest: RunManifest;
  private curves: RunCurves = emptyCurves();
  private writes: Promise<void> = Promise.resolve();
  private failed = false;
  private epochSeconds = 0;
  private finishedEvent: EngineEventOf<'finished'> | undefined;

  private constructor(
    private readonly start: RecordingStart,
    manifest: RunManifest,
  ) {
    this.manifest = manifest;
  }

  /** Creates the run's folder and writes its design and first manifest; throws when the folder cannot be written. */
  static async begin(start: RecordingStart, now: Date = new Date()): Promise<RunRecorder> {
    const id = await start.store.create(now);
    const manifest: RunManifest = {
      format: RUN_FORMAT,
      id,
      name: start.request.name ?? defaultName(now),
      project: start.request.project ?? '',
      createdAt: now.toISOString(),
      finishedAt: null,
      status: 'running',
      settings: start.settings,
      dataset: start.dataset,
      network: start.network,
      metrics: {
        epochsCompleted: 0,
        bestValAccuracy: null,
        bestValEpoch: null,
        trainLoss: null,
        trainAccuracy: null,
        testLoss: null,
        testAccuracy: null,
        testCount: null,
      },
      confusionMatrix: null,
      durationSeconds: 0,
      backend: start.backend,
      threads: start.threads,
      sizeBytes: 0,
      weights: 'none',
      ...(start.resumedFrom ? { resumedFrom: start.resumedFrom } : {}),
      writer: { pid: process.pid },
    };
    const recorder = new RunRecorder(start, manifest);
    try {
      await start.store.writeDesign(manifest, start.graph);
      await start.store.writeCurves(id, recorder.curves);
      await recorder.writeManifest();
    } catch (e) {
      start.store.release(id);
      throw e;
    }
    return recorder;
  }

  /** The stored run's id. */
  get id(): string {
    return this.manifest.id;
  }

  get location(): RunsLocation {
    return this.start.request.location;
  }

  /** Takes in one event of the run (call it for every event the session emits, before it goes out). */
  observe(event: EngineEvent): void {
    if (!('runId' in event) || event.runId !== this.start.runId) return;
    switch (event.type) {
      case 'batch':
        this.curves = withBatchPoint(this.curves, {
          step: (event.epoch - 1) * event.batchesPerEpoch + event.batch,
          epoch: event.epoch,
          batch: event.batch,
          loss: event.loss,
          accuracy: event.accuracy,
        });
        return;
      case 'epoch': {
        this.curves = withEpochPoint(this.curves, {
          epoch: event.epoch,
          loss: event.loss,
          accuracy: event.accuracy,
          valLoss: event.valLoss,
          valAccuracy: event.valAccuracy,
          seconds: event.seconds,
        });
        this.epochSeconds += event.seconds;
        const m = this.manifest.metrics;
        const better = event.valAccuracy !== null && (m.bestValAccuracy === null || event.valAccuracy > m.bestValAccuracy);
        this.manifest = {
          ...this.manifest,
          durationSeconds: this.epochSeconds,
          metrics: {
            ...m,
            epochsCompleted: event.epoch,
            trainLoss: event.loss,
            trainAccuracy: event.accuracy,
            ...(better ? { bestValAccuracy: event.valAccuracy, bestValEpoch: event.epoch } : {}),
          },
        };
        return;
      }
      case 'finished':
        this.finishedEvent = event;
        return;
      case 'error':
        if (event.reason && this.manifest.status === 'running')
          this.manifest = { ...this.manifest, status: 'failed', failure: { reason: event.reason, message: event.message } };
        return;
      default:
        return;
    }
  }

  /**
   * After a finished epoch (the session waits): saves that epoch's weights, the curves and the
   * manifest. The scripts and model.onnx are written once, with the final weights.
   */
  async saveEpoch(trained: TrainedModel): Promise<void> {
    await this.write(async () => {
      await writeTrainedWeights(trained.model, trained.network, trained.trained, this.start.store.modelDir(this.id));
      this.manifest = { ...this.manifest, weights: 'epoch' };
      await this.start.store.writeCurves(this.id, this.curves);
      await this.writeManifest();
    });
  }

  /**
   * After the session ends: the final status, metrics and confusion matrix, and the final weights
   * unless the run failed (its weights stay those of its last finished epoch).
   */
  async finish(trained: TrainedModel): Promise<void> {
    const f = this.finishedEvent;
    if (f) {
      const status = f.stopped ? 'stopped' : f.warning ? 'diverged' : 'finished';
      this.manifest = {
        ...this.manifest,
        status: this.manifest.status === 'failed' ? 'failed' : status,
        ...(f.warning ? { warning: f.warning } : {}),
        metrics: {
          ...this.manifest.metrics,
          epochsCompleted: f.epochsCompleted,
          testLoss: f.testLoss,
          testAccuracy: f.testAccuracy,
          testCount: f.testCount,
        },
        confusionMatrix: f.confusionMatrix,
        misclassified: f.misclassified.slice(0, MAX_STORED_MISCLASSIFIED),
        durationSeconds: f.seconds,
      };
    } else if (this.manifest.status === 'running') {
      // Ended without a result or a reason: an error the session did not word.
      this.manifest = {
        ...this.manifest,
        status: 'failed',
        failure: { reason: { code: 'training-failed', values: {} }, message: 'Training failed' },
      };
    }
    this.manifest = { ...this.manifest, finishedAt: new Date().toISOString() };
    await this.write(async () => {
      if (f && this.manifest.status !== 'failed') {
        await writeTrainedModel(trained.model, trained.network, trained.trained, this.start.store.modelDir(this.id), this.start.settings);
        this.manifest = { ...this.manifest, weights: 'final' };
      }
      await this.start.store.writeCurves(this.id, this.curves);
      await this.writeManifest();
    });
    this.start.store.release(this.id);
  }

  private async writeManifest(): Promise<void> {
    await this.start.store.writeManifest(this.manifest);
    const manifest = await this.start.store.manifest(this.id);
    this.manifest = { ...this.manifest, sizeBytes: manifest.sizeBytes };
    this.start.emit({
      type: 'recorded',
      runId: this.start.runId,
      run: { location: this.location, id: this.id },
      manifest,
      dir: this.start.store.folderOf(this.id),
    });
  }

  /** Runs `step` after the writes before it; the first failure is reported and ends the recording. */
  private write(step: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(async () => {
      if (this.failed) return;
      try {
        await step();
      } catch (e) {
        this.failed = true;
        const detail = e instanceof Error ? e.message : String(e);
        this.start.emit(
          engineError('internal', { code: 'run-storage-failed', values: { id: this.id } }, `Recording run ${this.id} failed: ${detail}`, {
            runId: this.start.runId,
            detail,
          }),
        );
      }
    });
    return this.writes;
  }
}
