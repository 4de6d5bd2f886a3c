import type { EngineEvent, EngineEventOf } from '../../src-shared/engine/protocol';
import type { TrainingSettings } from '../../src-shared/project/training';
import { BatchBuffer } from './batch-buffer';
import {
  initialTrainingState,
  useTrainingStore,
  type BatchPoint,
  type OpenedModel,
  type Problem,
  type TrainedNetwork,
} from './training-store';

/**
 * Applies engine events to the training store. Batch events (up to 10 a second) are buffered and
 * applied at most every FLUSH_MS, so React renders the charts a few times a second at most.
 */

const FLUSH_MS = 250;
/** The per-batch chart never draws more points than this; older ones are thinned evenly. */
export const MAX_BATCH_POINTS = 600;

/** Picks at most `max` points spread evenly over `points`, always keeping the first and the last. */
export function thinPoints<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  const stride = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * stride)]!);
  return out;
}

/** Shows a run's latest batch and its thinned chart (called by the run's BatchBuffer). */
function showBatches(b: EngineEventOf<'batch'>, points: readonly BatchPoint[]): void {
  const s = useTrainingStore.getState();
  if (b.runId !== s.runId) return;
  useTrainingStore.setState({
    batchChart: thinPoints(points, MAX_BATCH_POINTS),
    progress: {
      epoch: b.epoch,
      epochs: s.runSettings?.epochs ?? s.progress?.epochs ?? b.epoch,
      batch: b.batch,
      batchesPerEpoch: b.batchesPerEpoch,
      samplesPerSec: b.samplesPerSec,
      secondsLeft: b.secondsLeft,
      ...(b.threads !== undefined ? { threads: b.threads } : {}),
    },
    // A stray error (e.g. from an inspection) does not end a run that is still streaming.
    status: s.status === 'failed' || s.status === 'starting' ? 'training' : s.status,
  });
}

function flushBatches(): void {
  useTrainingStore.getState().batches?.flush();
}

/** Resets the run state for a new run of `network` that was just sent to the engine. */
export function beginRun(runId: string, settings: TrainingSettings, network: TrainedNetwork | null = null): void {
  const s = useTrainingStore.getState();
  s.batches?.dispose();
  useTrainingStore.setState({
    ...initialTrainingState,
    batches: new BatchBuffer(showBatches, FLUSH_MS),
    link: s.link,
    backend: s.backend,
    tab: s.tab,
    runId,
    runSettings: settings,
    status: 'starting',
    trainedOn: network,
  });
}

/** A model opened from files is now the engine's current model under its runId: no run, no curves, its maps to look at. */
export function adoptOpenedModel(opened: OpenedModel, network: TrainedNetwork): void {
  const s = useTrainingStore.getState();
  s.batches?.dispose();
  useTrainingStore.setState({
    ...initialTrainingState,
    link: s.link,
    backend: s.backend,
    tab: 'featuremaps',
    runId: opened.event.runId,
    modelReady: true,
    trainedOn: network,
    opened,
  });
}

/** Another network was loaded: the results on screen now belong to the previous one. */
export function markNetworkReplaced(): void {
  const s = useTrainingStore.getState();
  if (s.runId !== null && !s.replaced) useTrainingStore.setState({ replaced: true });
}

export function markStopping(): void {
  const s = useTrainingStore.getState();
  if (s.status === 'starting' || s.status === 'training') useTrainingStore.setState({ status: 'stopping' });
}

/** The problem to show for an error event, and whether it ends the current run. */
function isFatalForRun(code: Problem['code']): boolean {
  return (
    code === 'invalid-graph' ||
    code === 'not-trainable' ||
    code === 'dataset' ||
    code === 'non-finite-loss' ||
    code === 'backend' ||
    code === 'engine-crashed' ||
    code === 'internal'
  );
}

/** Applies one validated engine event to the training store. */
export function applyTrainingEvent(event: EngineEvent): void {
  const s = useTrainingStore.getState();
  switch (event.type) {
    case 'ready':
      useTrainingStore.setState({
        backend: {
          name: event.backend,
          reason: event.backendReason,
          choice: event.backendChoice,
          memoryBudgetBytes: event.memoryBudgetBytes,
        },
      });
      return;
    case 'dataset':
      if (event.runId !== s.runId) return;
      useTrainingStore.setState({
        dataset: event,
        loading: null,
        modelReady: true,
        status: s.status === 'starting' ? 'training' : s.status,
      });
      return;
    case 'loading':
      if (event.runId !== s.runId) return;
      useTrainingStore.setState({ loading: event });
      return;
    case 'warning':
      if (event.runId !== s.runId) return;
      if (event.warning.code === 'skipped-files') useTrainingStore.setState({ skipped: event.warning.values });
      return;
    case 'batch': {
      if (event.runId !== s.runId) return;
      s.batches?.add(event);
      return;
    }
    case 'epoch': {
      if (event.runId !== s.runId) return;
      flushBatches();
      const point = {
        epoch: event.epoch,
        loss: event.loss,
        accuracy: event.accuracy,
        valLoss: event.valLoss,
        valAccuracy: event.valAccuracy,
        seconds: event.seconds,
      };
      const now = useTrainingStore.getState();
      useTrainingStore.setState({ epochs: [...now.epochs.filter((e) => e.epoch !== event.epoch), point] });
      return;
    }
    case 'finished':
      if (event.runId !== s.runId) return;
      {
        flushBatches();
        const progress = useTrainingStore.getState().progress;
        useTrainingStore.setState({
          finished: event,
          status: 'finished',
          pick: null,
          progress: progress ? { ...progress, secondsLeft: 0 } : null,
        });
      }
      return;
    case 'error': {
      if (event.runId !== undefined && s.runId !== null && event.runId !== s.runId) return;
      // An error that answers one request (an inspection the queue could not take, a sample that
      // does not exist) is that request's business, never the run's.
      if (event.requestId !== undefined) return;
      const problem = { code: event.code, message: event.message, reason: event.reason, detail: event.detail };
      if (event.code === 'engine-crashed') {
        flushBatches();
        useTrainingStore.setState({
          problem,
          link: s.link === 'none' ? 'none' : 'closed',
          modelReady: false,
          status: s.status === 'idle' || s.status === 'finished' ? s.status : 'failed',
        });
        return;
      }
      // Inspection problems (no model yet, a bad sample index) are the viewer's business.
      if (event.code === 'no-model') return;
      if (event.code === 'bad-message') {
        // A rejected train command means the run never started; other rejections (an
        // inspection of a sample that does not exist) are the viewer's to show.
        if (s.status === 'starting') useTrainingStore.setState({ problem, status: 'failed' });
        else console.warn(`engine: ${event.message}`);
        return;
      }
      flushBatches();
      useTrainingStore.setState({
        problem,
        status:
          isFatalForRun(event.code) && (s.status === 'starting' || s.status === 'training' || s.status === 'stopping')
            ? 'failed'
            : s.status,
      });
      return;
    }
    case 'inspection':
    case 'exported':
      return;
  }
}
