import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineApi } from '../../../src-shared/engine/engine-api';
import type { EngineCommand, EngineEvent } from '../../../src-shared/engine/protocol';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import { applyInspectEvent, chooseSample, resetInspections, setInspectEngine } from '../../../src-renderer/inspect/inspect-store';
import {
  applyWhyEvent,
  chooseWhyClass,
  chooseWhyLayer,
  chosenClass,
  explainSample,
  requestWhy,
  setWhyOpen,
  useWhyStore,
} from '../../../src-renderer/inspect/why-store';
import { applyTrainingEvent, beginRun } from '../../../src-renderer/training/run-state';
import { initialTrainingState, useTrainingStore } from '../../../src-renderer/training/training-store';

const RUN = 'run-why';

/** An engine that records the commands it is sent. */
function recordingEngine(): EngineApi & { sent: EngineCommand[] } {
  const sent: EngineCommand[] = [];
  return { kind: 'websocket', sent, send: (c) => sent.push(c), on: () => () => undefined };
}

const asked = (engine: { sent: EngineCommand[] }) =>
  engine.sent.filter((c): c is Extract<EngineCommand, { type: 'attribution' }> => c.type === 'attribution');

function apply(event: EngineEvent): void {
  applyTrainingEvent(event);
  applyInspectEvent(event);
  applyWhyEvent(event);
}

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
    classNames: ['a', 'b', 'c'],
    classNamesWorded: false,
    image: { height: 28, width: 28, channels: 1 },
    classCounts: { train: [8, 0, 0], validation: [2, 0, 0], test: [4, 0, 0] },
  });
}

const map = (shape: number[]) => ({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)), min: 0, max: 0 });

function answer(requestId: string, classIndex: number): EngineEvent {
  return {
    type: 'attribution',
    runId: RUN,
    requestId,
    layer: 'conv2d',
    classIndex,
    predicted: 0,
    prediction: [0.7, 0.2, 0.1],
    input: map([2, 2, 1]),
    gradCam: map([2, 2]),
    saliency: map([2, 2]),
    convLayers: ['conv2d'],
    score: 'logit',
  };
}

describe('the "Why this prediction?" requests', () => {
  beforeEach(() => {
    useTrainingStore.setState(initialTrainingState, true);
    resetInspections();
    useWhyStore.setState({
      open: false,
      classChoice: null,
      layerChoice: null,
      answer: undefined,
      pending: null,
      busy: false,
      problem: null,
    });
  });

  it('asks nothing while closed; open, asks for the shown input with the picked class and layer', () => {
    const engine = recordingEngine();
    modelReady(engine);
    chooseSample(2);
    requestWhy();
    expect(asked(engine)).toHaveLength(0);
    setWhyOpen(true);
    requestWhy();
    expect(asked(engine)[0]).toMatchObject({ runId: RUN, input: { kind: 'test-sample', index: 2 } });
    expect(asked(engine)[0]).not.toHaveProperty('classIndex');
    expect(asked(engine)[0]).not.toHaveProperty('layer');
    chooseWhyClass(1);
    chooseWhyLayer('conv2d');
    requestWhy();
    expect(asked(engine)[1]).toMatchObject({ classIndex: 1, layer: 'conv2d' });
    // Another input starts again at its predicted class.
    chooseSample(3);
    expect(chosenClass(useWhyStore.getState(), 'test:3')).toBeNull();
  });

  it('keeps the newest answer only, and an error that answers it', () => {
    const engine = recordingEngine();
    modelReady(engine);
    chooseSample(0);
    setWhyOpen(true);
    requestWhy();
    requestWhy();
    const [first, second] = asked(engine).map((c) => c.requestId);
    apply(answer(first!, 0));
    expect(useWhyStore.getState().answer).toBeUndefined();
    expect(useWhyStore.getState().busy).toBe(true);
    apply(answer(second!, 2));
    expect(useWhyStore.getState()).toMatchObject({ busy: false, answerKey: 'test:0', answer: { classIndex: 2 } });
    requestWhy();
    const third = asked(engine)[2]!.requestId;
    apply({
      type: 'error',
      runId: RUN,
      requestId: third,
      code: 'bad-message',
      message: 'x',
      reason: { code: 'unknown-conv-layer', values: { layer: 'x' } },
    });
    expect(useWhyStore.getState().problem?.reason).toEqual({ code: 'unknown-conv-layer', values: { layer: 'x' } });
    // The previous answer stays until a new one replaces it.
    expect(useWhyStore.getState().answer).toMatchObject({ classIndex: 2 });
  });

  it('opens a gallery image explained for its predicted class', () => {
    const engine = recordingEngine();
    modelReady(engine);
    chooseWhyClass(2);
    explainSample(1);
    expect(useWhyStore.getState().open).toBe(true);
    requestWhy();
    expect(asked(engine)[0]).toMatchObject({ input: { kind: 'test-sample', index: 1 } });
    expect(asked(engine)[0]).not.toHaveProperty('classIndex');
    setInspectEngine(undefined);
  });
});
