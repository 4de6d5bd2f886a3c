import * as tf from '@tensorflow/tfjs';
import type { Network } from '../../../src-shared/graph/network';
import { augments, type TrainingSettings } from '../../../src-shared/project/training';
import type { EngineEvent } from '../../../src-shared/engine/protocol';
import { engineError } from '../../../src-shared/engine/errors';
import { compileModel } from '../model/compile';
import { batchTensors, fillBatch, rangeTensors, type Examples } from './examples';
import { shuffledIndices } from '../../../src-shared/util/random';
import { confusionMatrix, correctCount, crossEntropy, perClassAccuracy } from './metrics';
import { createTrainer, type StepResult, type Trainer } from './trainer';
import type { BackendName } from '../../../src-shared/engine/protocol';
import { divergenceOf } from '../../../src-shared/training/divergence';
import type { Normalization } from '../../../src-shared/training/normalization';
import { augmentBatch, batchSeed } from './augment';
import { normalizeBatch, resolveNormalization } from './normalize';

/** The data of one run, already in the model's input layout. */
export interface PreparedData {
  readonly train: Examples;
  readonly validation: Examples | null;
  readonly test: Examples;
  readonly classNames: readonly string[];
  /** False when the class names are the dataset's own (a folder's), not a known dataset's the UI translates. */
  readonly classNamesWorded?: boolean;
}

export interface SessionOptions {
  readonly runId: string;
  readonly model: Network;
  readonly settings: TrainingSettings;
  readonly data: PreparedData;
  readonly outputIsProbability: boolean;
  readonly emit: (event: EngineEvent) => void;
  /** Minimum milliseconds between two batch events (10 a second by default). */
  readonly batchEventInterval?: number;
  /** Threads to train on (already checked with usableThreads; 1 by default), each on the session's backend. */
  readonly threads?: number;
  /** Awaited after each epoch's event, before the next epoch changes the weights (a recorder saves them). */
  readonly afterEpoch?: () => Promise<void>;
}

const EVAL_BATCH = 500;
const MAX_MISCLASSIFIED = 300;

/** Lets queued messages (a stop, an inspection) run between two batches. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One training run: owns the tf model and optimizer, streams protocol events, stops within one batch. */
export class TrainingSession {
  readonly model: tf.LayersModel;
  private trainer: Promise<Trainer> | undefined;
  private stopRequested = false;
  private disposed = false;
  private readonly classes: number;
  /** How inputs are normalised in this run (training split statistics when standardised); predictions must use the same. */
  readonly normalization: Normalization;

  constructor(private readonly options: SessionOptions) {
    this.model = compileModel(options.model, options.settings.seed);
    this.classes = options.data.classNames.length;
    this.normalization = resolveNormalization(options.settings.normalization, options.data.train);
  }

  /** Asks the run to end after the batch in progress; the model stays usable. */
  stop(): void {
    this.stopRequested = true;
  }

  get stopping(): boolean {
    return this.stopRequested;
  }

  /** Trains for the configured epochs, then evaluates on the test split; emits every event of the run. */
  async run(): Promise<void> {
    const { settings, data, runId, emit } = this.options;
    const interval = this.options.batchEventInterval ?? 100;
    // The pace counts from the first step: starting the threads is not training.
    await this.startTrainer();
    const started = performance.now();
    let evaluatingMs = 0;
    let lastEvaluationMs = 0;
    const batchesPerEpoch = Math.ceil(data.train.count / settings.batchSize);
    const totalBatches = batchesPerEpoch * settings.epochs;
    let epochsCompleted = 0;
    let lastBatchEvent = -Infinity;
    let batchesDone = 0;
    let samplesDone = 0;
    // The loss curve the divergence rule reads: the first batch's loss, then each epoch's mean.
    const losses: number[] = [];
    emit({ type: 'started', runId, settings, normalization: this.normalization });

    for (let epoch = 1; epoch <= settings.epochs && !this.stopRequested; epoch++) {
      const epochStart = performance.now();
      const order = shuffledIndices(data.train.count, settings.seed * 7919 + epoch);
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      for (let b = 0; b < batchesPerEpoch; b++) {
        const idx = order.subarray(b * settings.batchSize, Math.min((b + 1) * settings.batchSize, data.train.count));
        const { loss: lossValue, hits: hitValue } = await this.trainBatch(idx, epoch, b);
        if (!Number.isFinite(lossValue)) {
          emit(
            engineError(
              'non-finite-loss',
              { code: 'non-finite-loss', values: { loss: String(lossValue), epoch, batch: b + 1, learningRate: settings.learningRate } },
              `The loss became ${lossValue} in epoch ${epoch}, batch ${b + 1}: training diverged and was stopped — lower the learning rate (now ${settings.learningRate}) or use the Adam optimizer`,
              { runId },
            ),
          );
          return;
        }
        if (losses.length === 0) losses.push(lossValue);
        lossSum += lossValue * idx.length;
        correct += hitValue;
        seen += idx.length;
        batchesDone++;
        samplesDone += idx.length;
        const now = performance.now();
        if (now - lastBatchEvent >= interval || b === batchesPerEpoch - 1) {
          lastBatchEvent = now;
          // Training pace: the time spent evaluating between epochs is not training time.
          const rate = samplesDone / ((now - started - evaluatingMs) / 1000);
          emit({
            type: 'batch',
            runId,
            epoch,
            batch: b + 1,
            batchesPerEpoch,
            loss: lossSum / seen,
            accuracy: correct / seen,
            samplesPerSec: rate,
            secondsLeft:
              ((totalBatches - batchesDone) * settings.batchSize) / Math.max(rate, 1e-9) +
              ((settings.epochs - epoch + 1) * lastEvaluationMs) / 1000,
            threads: (await this.trainer!).threads,
          });
        }
        await yieldToEventLoop();
        if (this.stopRequested) break;
      }
      if (this.stopRequested && seen < data.train.count) break;
      const evaluationStart = performance.now();
      const val = data.validation && data.validation.count > 0 ? await this.evaluate(data.validation) : null;
      lastEvaluationMs = performance.now() - evaluationStart;
      evaluatingMs += lastEvaluationMs;
      epochsCompleted = epoch;
      losses.push(lossSum / seen);
      emit({
        type: 'epoch',
        runId,
        epoch,
        epochs: settings.epochs,
        loss: lossSum / seen,
        accuracy: correct / seen,
        valLoss: val?.loss ?? null,
        valAccuracy: val?.accuracy ?? null,
        seconds: (performance.now() - epochStart) / 1000,
      });
      // Saving a recorded run's weights is not training: like evaluating, it stays out of the pace.
      const savingStart = performance.now();
      await this.options.afterEpoch?.();
      evaluatingMs += performance.now() - savingStart;
    }

    const test = await this.evaluate(data.test, true);
    const matrix = confusionMatrix(data.test.labels, test.predicted, this.classes);
    const misclassified: { index: number; label: number; predicted: number }[] = [];
    for (let i = 0; i < data.test.count && misclassified.length < MAX_MISCLASSIFIED; i++) {
      if (test.predicted[i] !== data.test.labels[i])
        misclassified.push({ index: i, label: data.test.labels[i]!, predicted: test.predicted[i]! });
    }
    const warning = divergenceOf({
      classes: this.classes,
      learningRate: settings.learningRate,
      epochsCompleted,
      testAccuracy: test.accuracy,
      testCount: data.test.count,
      testLoss: test.loss,
      losses,
    });
    emit({
      type: 'finished',
      runId,
      stopped: this.stopRequested,
      epochsCompleted,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
      testCount: data.test.count,
      confusionMatrix: matrix,
      perClassAccuracy: perClassAccuracy(matrix),
      classNames: [...data.classNames],
      ...(data.classNamesWorded !== undefined ? { classNamesWorded: data.classNamesWorded } : {}),
      misclassified,
      seconds: (performance.now() - started) / 1000,
      ...(warning ? { warning } : {}),
    });
  }

  /** The inputs and one-hot labels of training batch `batch` of `epoch`: augmented (seeded by the run's seed, epoch and batch), then normalised. */
  trainingBatch(idx: ArrayLike<number>, epoch: number, batch: number): { x: tf.Tensor; y: tf.Tensor2D } {
    const { augmentation, seed } = this.options.settings;
    return tf.tidy(() => {
      const { x, y } = batchTensors(this.options.data.train, idx, this.classes);
      return { x: normalizeBatch(augmentBatch(x, augmentation, batchSeed(seed, epoch, batch)), this.normalization), y };
    });
  }

  /** One optimizer step; returns the batch's mean loss and its number of correct predictions. */
  private async trainBatch(idx: Uint32Array, epoch: number, batch: number): Promise<StepResult> {
    const trainer = await this.startTrainer();
    const { augmentation, normalization } = this.options.settings;
    if (!augments(augmentation) && normalization === 'unit') {
      // Plain pixels / 255: straight from the bytes into the trainer's buffers, no tensors.
      fillBatch(this.options.data.train, idx, this.classes, trainer.inputs, trainer.labels);
    } else {
      const { x, y } = this.trainingBatch(idx, epoch, batch);
      trainer.inputs.set(x.dataSync());
      trainer.labels.set(y.dataSync());
      tf.dispose([x, y]);
    }
    return trainer.step(idx.length);
  }

  /** The run's trainer, its threads started on first use. */
  private startTrainer(): Promise<Trainer> {
    const { settings, data, model, outputIsProbability } = this.options;
    return (this.trainer ??= createTrainer({
      model: this.model,
      network: model,
      seed: settings.seed,
      config: {
        optimizer: settings.optimizer,
        learningRate: settings.learningRate,
        outputIsProbability,
        classes: this.classes,
        exampleShape: data.train.shape,
      },
      backend: tf.getBackend() as BackendName,
      threads: this.options.threads ?? 1,
      maxBatch: settings.batchSize,
    }));
  }

  /** Loss, accuracy and predicted classes over a split, in batches, without dropout. */
  async evaluate(ex: Examples, keepPredictions = false): Promise<{ loss: number; accuracy: number; predicted: Uint8Array }> {
    let lossSum = 0;
    let correct = 0;
    const predicted = new Uint8Array(keepPredictions ? ex.count : 0);
    for (let start = 0; start < ex.count; start += EVAL_BATCH) {
      const end = Math.min(start + EVAL_BATCH, ex.count);
      const [loss, hits, argmax] = tf.tidy(() => {
        const { x, y } = rangeTensors(ex, start, end, this.classes);
        // Never augmented: validation and test see the images as they are.
        const out = this.model.apply(normalizeBatch(x, this.normalization), { training: false }) as tf.Tensor;
        return [crossEntropy(y, out, this.options.outputIsProbability), correctCount(y, out), tf.argMax(out, -1)] as const;
      });
      lossSum += (await loss.data())[0]! * (end - start);
      correct += (await hits.data())[0]!;
      if (keepPredictions) predicted.set(await argmax.data(), start);
      tf.dispose([loss, hits, argmax]);
      await yieldToEventLoop();
    }
    return { loss: lossSum / Math.max(ex.count, 1), accuracy: correct / Math.max(ex.count, 1), predicted };
  }

  /** Frees the model and optimizer state. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    void this.trainer?.then(
      (t) => t.dispose(),
      () => undefined,
    );
    this.model.dispose();
  }
}
