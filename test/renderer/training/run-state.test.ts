import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineApi } from '../../../src-shared/engine/engine-api';
import type { EngineCommand, EngineEvent } from '../../../src-shared/engine/protocol';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import {
  applyInspectEvent,
  chooseSample,
  currentSnapshots,
  requestThumbs,
  resetInspections,
  setInspectEngine,
  useInspectStore,
} from '../../../src-renderer/inspect/inspect-store';
import { applyTrainingEvent, beginRun, MAX_BATCH_POINTS, markStopping, thinPoints } from '../../../src-renderer/training/run-state';
import { initialTrainingState, useTrainingStore } from '../../../src-renderer/training/training-store';

const RUN = 'run-1';

function apply(event: EngineEvent): void {
  applyTrainingEvent(event);
  applyInspectEvent(event);
}

function fakeEngine(): EngineApi & { sent: EngineCommand[] } {
  const sent: EngineCommand[] = [];
  return { kind: 'websocket', sent, send: (c) => sent.push(c), on: () => () => undefined };
}

const dataset: EngineEvent = {
  type: 'dataset',
  runId: RUN,
  name: 'sample',
  source: 'sample (assets)',
  trainCount: 2400,
  validationCount: 600,
  testCount: 1000,
  classNames: ['a', 'b'],
  classNamesWorded: false,
  image: { height: 28, width: 28, channels: 1 },
  classCounts: { train: [1200, 1200], validation: [300, 300], test: [500, 500] },
};

function batch(epoch: number, b: number): EngineEvent {
  return {
    type: 'batch',
    runId: RUN,
    epoch,
    batch: b,
    batchesPerEpoch: 75,
    loss: 1 / b,
    accuracy: 0.5,
    samplesPerSec: 1000,
    secondsLeft: 3,
    threads: 2,
  };
}

function inspection(requestId: string): EngineEvent {
  const map = { shape: [2, 2, 1], data: new Float32Array(4), min: 0, max: 0 };
  return {
    type: 'inspection',
    runId: RUN,
    requestId,
    input: map,
    prediction: [0.3, 0.7],
    featureMaps: [{ layer: 'conv2d', kind: 'Conv2D', map }],
    kernels: [],
  };
}

describe('thinPoints', () => {
  it('keeps at most max points, the first and the last among them', () => {
    const pts = Array.from({ length: 1000 }, (_, i) => i);
    const thin = thinPoints(pts, 10);
    expect(thin).toHaveLength(10);
    expect(thin[0]).toBe(0);
    expect(thin[9]).toBe(999);
    expect(thinPoints([1, 2], 10)).toEqual([1, 2]);
  });
});

describe('run state', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useTrainingStore.setState(initialTrainingState, true);
    beginRun(RUN, { ...defaultTrainingSettings(), epochs: 2 });
  });

  it('keeps the memory budget the engine reports when ready (the Train check uses it)', () => {
    apply({ type: 'ready', backend: 'wasm', backendReason: 'fastest', memoryBudgetBytes: 4 * 2 ** 30 });
    expect(useTrainingStore.getState().backend).toMatchObject({ name: 'wasm', memoryBudgetBytes: 4 * 2 ** 30 });
  });

  it('keeps the loading progress until the dataset arrives, and the skipped files of this run only', () => {
    apply({ type: 'loading', runId: RUN, phase: 'decode', done: 120, total: 500 });
    expect(useTrainingStore.getState().loading).toMatchObject({ phase: 'decode', done: 120, total: 500 });
    apply({ type: 'loading', runId: 'other-run', phase: 'decode', done: 499, total: 500 });
    expect(useTrainingStore.getState().loading?.done).toBe(120);
    const skipped = { count: 2, files: [{ file: 'cat/x.txt', reason: 'not-image' as const }] };
    apply({ type: 'warning', runId: 'other-run', warning: { code: 'skipped-files', values: { count: 9, files: [] } } });
    expect(useTrainingStore.getState().skipped).toBeNull();
    apply({ type: 'warning', runId: RUN, warning: { code: 'skipped-files', values: skipped } });
    apply(dataset);
    expect(useTrainingStore.getState()).toMatchObject({ loading: null, skipped });
    // A new run starts without them.
    beginRun('run-b', defaultTrainingSettings());
    expect(useTrainingStore.getState()).toMatchObject({ loading: null, skipped: null });
  });

  it('follows a run from start to finish, throttling batch updates', () => {
    expect(useTrainingStore.getState().status).toBe('starting');
    apply({ type: 'ready', backend: 'wasm', backendReason: 'fastest' });
    apply(dataset);
    expect(useTrainingStore.getState()).toMatchObject({ status: 'training', modelReady: true, backend: { name: 'wasm' } });
    for (let b = 1; b <= 5; b++) apply(batch(1, b));
    // Nothing rendered yet: batch events are applied a few times a second.
    expect(useTrainingStore.getState().batchChart).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(useTrainingStore.getState().batchChart.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(useTrainingStore.getState().progress).toMatchObject({ epoch: 1, batch: 5, epochs: 2, threads: 2 });
    apply(batch(2, 1));
    apply({ type: 'epoch', runId: RUN, epoch: 1, epochs: 2, loss: 0.9, accuracy: 0.6, valLoss: 0.8, valAccuracy: 0.7, seconds: 2 });
    // An epoch flushes the pending batch at once.
    expect(useTrainingStore.getState().batchChart.at(-1)?.step).toBe(76);
    expect(useTrainingStore.getState().epochs).toEqual([
      { epoch: 1, loss: 0.9, accuracy: 0.6, valLoss: 0.8, valAccuracy: 0.7, seconds: 2 },
    ]);
    markStopping();
    expect(useTrainingStore.getState().status).toBe('stopping');
    apply({
      type: 'finished',
      runId: RUN,
      stopped: true,
      epochsCompleted: 1,
      testLoss: 0.8,
      testAccuracy: 0.75,
      testCount: 1000,
      confusionMatrix: [
        [1, 0],
        [0, 1],
      ],
      perClassAccuracy: [1, 1],
      classNames: ['a', 'b'],
      misclassified: [],
      seconds: 3,
    });
    expect(useTrainingStore.getState()).toMatchObject({ status: 'finished', finished: { testAccuracy: 0.75, stopped: true } });
  });

  it('ignores events of another run', () => {
    apply({ ...dataset, runId: 'old' });
    apply({ type: 'epoch', runId: 'old', epoch: 1, epochs: 2, loss: 0.9, accuracy: 0.6, valLoss: null, valAccuracy: null, seconds: 2 });
    expect(useTrainingStore.getState()).toMatchObject({ status: 'starting', modelReady: false, epochs: [] });
  });

  it('ends the run on a training error and shows it', () => {
    apply({ type: 'error', runId: RUN, code: 'invalid-graph', message: 'dense: is not connected' });
    expect(useTrainingStore.getState()).toMatchObject({
      status: 'failed',
      problem: { code: 'invalid-graph', message: 'dense: is not connected' },
    });
  });

  it('reports a crashed engine', () => {
    apply(dataset);
    apply({ type: 'error', code: 'engine-crashed', message: 'gone' });
    expect(useTrainingStore.getState()).toMatchObject({ status: 'failed', modelReady: false, problem: { code: 'engine-crashed' } });
  });

  it('keeps training when the engine link refuses one inspection (a full queue answers that request, not the run)', () => {
    apply(dataset);
    apply(batch(1, 1));
    apply({
      type: 'error',
      code: 'engine-crashed',
      runId: RUN,
      requestId: 'view-7',
      message: 'The training engine is not answering (100 commands are waiting) — restart it',
      reason: { code: 'queue-full', values: { max: 100 } },
    });
    expect(useTrainingStore.getState()).toMatchObject({ status: 'training', modelReady: true, problem: null });
  });

  it('starts every run with its own batch buffer and stops the previous one', () => {
    apply(dataset);
    apply(batch(1, 1));
    const first = useTrainingStore.getState().batches;
    beginRun('run-2', defaultTrainingSettings());
    expect(useTrainingStore.getState().batches).not.toBe(first);
    vi.advanceTimersByTime(1000);
    // The first run's waiting batch is never drawn into the second run's chart.
    expect(useTrainingStore.getState()).toMatchObject({ batchChart: [], progress: null });
  });

  it('keeps at most MAX_BATCH_POINTS chart points', () => {
    apply(dataset);
    for (let b = 1; b <= MAX_BATCH_POINTS * 3; b++) apply(batch(1, b));
    vi.advanceTimersByTime(300);
    const chart = useTrainingStore.getState().batchChart;
    expect(chart.length).toBe(MAX_BATCH_POINTS);
    expect(chart.at(-1)?.step).toBe(MAX_BATCH_POINTS * 3);
  });
});

describe('feature-map requests', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useTrainingStore.setState(initialTrainingState, true);
    useInspectStore.setState({
      source: { kind: 'test-sample', index: 0 },
      sampleIndex: 0,
      history: {},
      selected: null,
      busy: false,
      thumbs: {},
      problem: null,
    });
    beginRun(RUN, { ...defaultTrainingSettings(), epochs: 2 });
    resetInspections(); // requests of the tests before
  });

  it('asks for the maps of the chosen input once the model exists and after every epoch, and keeps one snapshot per epoch', () => {
    const engine = fakeEngine();
    setInspectEngine(engine);
    chooseSample(3);
    expect(engine.sent).toHaveLength(0); // no model yet
    apply(dataset);
    const first = engine.sent.at(-1);
    expect(first).toMatchObject({ type: 'inspect', runId: RUN, input: { kind: 'test-sample', index: 3 } });
    apply(inspection((first as { requestId: string }).requestId));
    apply({ type: 'epoch', runId: RUN, epoch: 1, epochs: 2, loss: 0.9, accuracy: 0.6, valLoss: null, valAccuracy: null, seconds: 2 });
    const second = engine.sent.at(-1) as { requestId: string };
    apply(inspection(second.requestId));
    const snaps = currentSnapshots(useInspectStore.getState());
    expect(snaps.map((s) => [s.epoch, s.partial])).toEqual([
      [0, true],
      [1, false],
    ]);
    expect(useInspectStore.getState().busy).toBe(false);
  });

  it('asks for each gallery image once', () => {
    const engine = fakeEngine();
    setInspectEngine(engine);
    apply(dataset);
    const before = engine.sent.length;
    requestThumbs([5, 6, 5]);
    requestThumbs([6]);
    expect(engine.sent.length - before).toBe(2);
    const req = engine.sent.at(-1) as { requestId: string };
    apply(inspection(req.requestId));
    expect(useInspectStore.getState().thumbs[6]).toBeDefined();
  });

  it('fails only the request an error answers: the other pending one still resolves', () => {
    const engine = fakeEngine();
    setInspectEngine(engine);
    apply(dataset); // asks for the maps of sample 0
    const view = engine.sent.at(-1) as { requestId: string };
    requestThumbs([7]);
    const thumb = engine.sent.at(-1) as { requestId: string };
    expect(thumb.requestId).not.toBe(view.requestId);
    apply({
      type: 'error',
      runId: RUN,
      requestId: thumb.requestId,
      code: 'bad-message',
      message: 'Test sample 7 does not exist; the test split has 5 images',
      reason: { code: 'test-sample-missing', values: { index: 7, count: 5 } },
    });
    // The view is still pending and its answer is still taken.
    expect(useInspectStore.getState().busy).toBe(true);
    apply(inspection(view.requestId));
    expect(currentSnapshots(useInspectStore.getState())).toHaveLength(1);
    expect(useInspectStore.getState()).toMatchObject({ busy: false, problem: null });
    // A failed inspection is the viewer's business: the run goes on.
    expect(useTrainingStore.getState()).toMatchObject({ status: 'training', problem: null });
  });

  it('shows why a view failed, in codes the viewer words', () => {
    const engine = fakeEngine();
    setInspectEngine(engine);
    apply(dataset);
    const view = engine.sent.at(-1) as { requestId: string };
    const reason = { code: 'internal', values: {} } as const;
    apply({ type: 'error', runId: RUN, requestId: view.requestId, code: 'internal', message: 'Inspection failed: oom', reason });
    expect(useInspectStore.getState()).toMatchObject({ busy: false, problem: { message: 'Inspection failed: oom', reason } });
  });

  it('forgets every pending request when the engine is gone', () => {
    const engine = fakeEngine();
    setInspectEngine(engine);
    apply(dataset);
    const view = engine.sent.at(-1) as { requestId: string };
    apply({ type: 'error', code: 'engine-crashed', message: 'gone' });
    expect(useInspectStore.getState().busy).toBe(false);
    apply(inspection(view.requestId));
    expect(currentSnapshots(useInspectStore.getState())).toHaveLength(0);
  });
});
