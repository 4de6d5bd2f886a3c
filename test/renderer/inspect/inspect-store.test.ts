import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineApi } from '../../../src-shared/engine/engine-api';
import type { EngineCommand, EngineEvent } from '../../../src-shared/engine/protocol';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import {
  applyInspectEvent,
  currentSnapshots,
  PIXELS,
  requestThumbs,
  resetInspections,
  setDrawing,
  setInspectEngine,
  useInspectStore,
} from '../../../src-renderer/inspect/inspect-store';
import { applyTrainingEvent, beginRun } from '../../../src-renderer/training/run-state';
import { initialTrainingState, useTrainingStore } from '../../../src-renderer/training/training-store';

const RUN = 'run-a';

function apply(event: EngineEvent): void {
  applyTrainingEvent(event);
  applyInspectEvent(event);
}

/** An engine that records the commands it is sent (the inspect store only sends). */
function recordingEngine(): EngineApi & { sent: EngineCommand[] } {
  const sent: EngineCommand[] = [];
  return { kind: 'websocket', sent, send: (c) => sent.push(c), on: () => () => undefined };
}

function inspections(engine: { sent: EngineCommand[] }): Extract<EngineCommand, { type: 'inspect' }>[] {
  return engine.sent.filter((c): c is Extract<EngineCommand, { type: 'inspect' }> => c.type === 'inspect');
}

function answer(requestId: string): EngineEvent {
  const map = { shape: [1, 1, 1], data: new Float32Array(1), min: 0, max: 0 };
  return { type: 'inspection', runId: RUN, requestId, input: map, prediction: [1], featureMaps: [], kernels: [] };
}

/** A run whose model exists, so the viewer may ask for maps. */
function modelReady(engine: EngineApi): void {
  setInspectEngine(engine);
  beginRun(RUN, defaultTrainingSettings());
  apply({
    type: 'dataset',
    runId: RUN,
    name: 'sample',
    source: 'assets',
    trainCount: 8,
    validationCount: 2,
    testCount: 4,
    classNames: ['a'],
    classNamesWorded: false,
    image: { height: 28, width: 28, channels: 1 },
    classCounts: { train: [8], validation: [2], test: [4] },
  });
}

function drawing(value: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(PIXELS).fill(value);
}

describe('resetInspections', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useTrainingStore.setState(initialTrainingState, true);
    resetInspections();
  });
  afterEach(() => {
    vi.useRealTimers();
    setInspectEngine(undefined);
  });

  it("stops the drawing's pending request, so nothing of the old run fires after it", () => {
    const engine = recordingEngine();
    modelReady(engine);
    const before = inspections(engine).length;
    setDrawing(drawing(9));
    resetInspections();
    vi.advanceTimersByTime(1000);
    expect(vi.getTimerCount()).toBe(0);
    expect(inspections(engine).length).toBe(before);
  });

  it('starts counting drawings again, and later drawings are requested and shown as usual', () => {
    const engine = recordingEngine();
    modelReady(engine);
    setDrawing(drawing(1));
    setDrawing(drawing(2));
    expect(useInspectStore.getState().drawGen).toBe(2);
    resetInspections();
    expect(useInspectStore.getState()).toMatchObject({ drawGen: 0, history: {}, thumbs: {}, busy: false, selected: null });
    // The drawing itself stays on screen.
    expect(useInspectStore.getState().pixels[0]).toBe(2);

    setDrawing(drawing(3));
    vi.advanceTimersByTime(1000);
    const req = inspections(engine).at(-1)!;
    expect(req.input).toMatchObject({ kind: 'pixels' });
    apply(answer(req.requestId));
    expect(currentSnapshots(useInspectStore.getState()).map((s) => s.gen)).toEqual([1]);
  });

  it('ignores answers to requests made before the reset, even with the ids that follow', () => {
    const engine = recordingEngine();
    modelReady(engine);
    requestThumbs([2]);
    const old = inspections(engine).at(-1)!;
    resetInspections();
    apply(answer(old.requestId));
    expect(useInspectStore.getState().thumbs).toEqual({});
    requestThumbs([3]);
    const fresh = inspections(engine).at(-1)!;
    expect(fresh.requestId).not.toBe(old.requestId);
    apply(answer(fresh.requestId));
    expect(Object.keys(useInspectStore.getState().thumbs)).toEqual(['3']);
  });
});
