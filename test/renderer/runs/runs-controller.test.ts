import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineApi } from '../../../src-shared/engine/engine-api';
import { engineCommandSchema, type EngineCommand, type EngineEvent } from '../../../src-shared/engine/protocol';
import { graphFromLayers } from '../../../src-shared/graph/network';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import { emptyCurves, withEpochPoint } from '../../../src-shared/runs/curves';
import type { RunManifest, StoredRun } from '../../../src-shared/runs/manifest';
import { setInspectEngine } from '../../../src-renderer/inspect/inspect-store';
import { continueRun } from '../../../src-renderer/runs/continue-run';
import {
  applyRunsEvent,
  deleteRun,
  openRunDesign,
  openTrainedModel,
  refreshRuns,
  renameRun,
  setRunsEngine,
  toggleSelected,
} from '../../../src-renderer/runs/runs-controller';
import { initialRunsState, selectedRuns, useRunsStore } from '../../../src-renderer/runs/runs-store';
import { newProject } from '../../../src-renderer/store/new-project';
import { initProjectStore, useProjectStore } from '../../../src-renderer/store/project-store';
import { initialTrainingState, useTrainingStore } from '../../../src-renderer/training/training-store';
import { sampleManifest } from '../../shared/runs/sample-manifest';

/** An engine that records the commands it is sent, each checked against the protocol. */
function recordingEngine(): EngineApi & { sent: EngineCommand[] } {
  const sent: EngineCommand[] = [];
  return { kind: 'websocket', sent, send: (c) => sent.push(engineCommandSchema.parse(c)), on: () => () => undefined };
}

const LOCATION = { kind: 'data', collection: 'Lecture CNN' } as const;
const GRAPH = graphFromLayers([
  { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
  { kind: 'Flatten', params: {} },
  { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
]);

function manifest(id: string, overrides: Partial<RunManifest> = {}): RunManifest {
  return sampleManifest({ id, name: `run ${id}`, status: 'finished', ...overrides });
}

function stored(m: RunManifest): StoredRun {
  const curves = withEpochPoint(emptyCurves(), { epoch: 1, loss: 0.9, accuracy: 0.6, valLoss: 0.8, valAccuracy: 0.65, seconds: 3 });
  return { manifest: m, graph: GRAPH, curves };
}

let engine: ReturnType<typeof recordingEngine>;

function last<T extends EngineCommand['type']>(type: T): Extract<EngineCommand, { type: T }> {
  const found = engine.sent.filter((c) => c.type === type);
  const command = found[found.length - 1];
  if (!command) throw new Error(`no ${type} sent`);
  return command as Extract<EngineCommand, { type: T }>;
}

function answerList(runs: RunManifest[]): void {
  const { requestId } = last('runs-list');
  applyRunsEvent({ type: 'runs', requestId, location: LOCATION, runs, totalBytes: runs.reduce((a, r) => a + r.sizeBytes, 0) });
}

function answerRead(m: RunManifest): void {
  const { requestId } = last('run-read');
  applyRunsEvent({ type: 'run', requestId, run: stored(m) });
}

beforeEach(() => {
  initProjectStore(newProject('Lecture CNN'), null);
  useRunsStore.setState(initialRunsState);
  useTrainingStore.setState(initialTrainingState);
  engine = recordingEngine();
  setRunsEngine(undefined);
  setRunsEngine(engine);
  setInspectEngine(engine);
});

describe('the run list', () => {
  it("asks for the project's runs in the data folder under its title and shows the answer", () => {
    refreshRuns();
    expect(last('runs-list').location).toEqual(LOCATION);
    answerList([manifest('b'), manifest('a')]);
    const s = useRunsStore.getState();
    expect(s.loaded).toBe(true);
    expect(s.runs.map((r) => r.id)).toEqual(['b', 'a']);
    expect(s.totalBytes).toBe(2 * 4096);
  });

  it('ignores an answer nobody asked for', () => {
    applyRunsEvent({ type: 'runs', requestId: 'someone-else', location: LOCATION, runs: [manifest('x')], totalBytes: 1 });
    expect(useRunsStore.getState().runs).toEqual([]);
  });

  it('adds a recorded run as it trains and lists again when it ends, for its size on disk', () => {
    refreshRuns();
    answerList([manifest('a')]);
    const running = manifest('new', { status: 'running' });
    const ref = { location: LOCATION, id: 'new' };
    applyRunsEvent({ type: 'recorded', runId: 'run-1', run: ref, manifest: running, dir: '/x' });
    expect(useRunsStore.getState().runs.map((r) => r.id)).toEqual(['new', 'a']);
    const lists = engine.sent.filter((c) => c.type === 'runs-list').length;
    applyRunsEvent({ type: 'recorded', runId: 'run-1', run: ref, manifest: { ...running, status: 'finished' }, dir: '/x' });
    expect(useRunsStore.getState().runs[0]!.status).toBe('finished');
    expect(engine.sent.filter((c) => c.type === 'runs-list').length).toBe(lists + 1);
  });

  it('keeps the order runs were ticked in (the first is the baseline) and forgets deleted ones', () => {
    refreshRuns();
    answerList([manifest('c'), manifest('b'), manifest('a')]);
    toggleSelected('a');
    toggleSelected('c');
    expect(selectedRuns(useRunsStore.getState()).map((r) => r.id)).toEqual(['a', 'c']);
    deleteRun('a');
    expect(last('run-delete').run).toEqual({ location: LOCATION, id: 'a' });
    applyRunsEvent({
      type: 'runs',
      requestId: last('run-delete').requestId,
      location: LOCATION,
      runs: [manifest('c'), manifest('b')],
      totalBytes: 2,
    });
    expect(useRunsStore.getState().selected).toEqual(['c']);
  });

  it('sends a rename and shows the list the engine answers with', () => {
    refreshRuns();
    answerList([manifest('a')]);
    renameRun('a', 'wider conv');
    expect(last('run-rename')).toMatchObject({ run: { location: LOCATION, id: 'a' }, name: 'wider conv' });
    applyRunsEvent({
      type: 'runs',
      requestId: last('run-rename').requestId,
      location: LOCATION,
      runs: [manifest('a', { name: 'wider conv' })],
      totalBytes: 1,
    });
    expect(useRunsStore.getState().runs[0]!.name).toBe('wider conv');
  });

  it("says what the engine could not do, in the engine's codes", () => {
    refreshRuns();
    answerList([manifest('a')]);
    deleteRun('a');
    const { requestId } = last('run-delete');
    applyRunsEvent({
      type: 'error',
      requestId,
      code: 'internal',
      message: 'no',
      reason: { code: 'run-storage-failed', values: { id: 'a' } },
    });
    expect(useRunsStore.getState().problem?.reason).toEqual({ code: 'run-storage-failed', values: { id: 'a' } });
  });
});

describe('reopening a run', () => {
  beforeEach(() => {
    refreshRuns();
    answerList([manifest('a')]);
  });

  it("puts the run's design on the canvas as one undoable step", () => {
    const before = useProjectStore.getState().project.graph;
    openRunDesign('a');
    answerRead(manifest('a'));
    expect(useProjectStore.getState().project.graph).toEqual(GRAPH);
    expect(useProjectStore.getState().undo()).toBe(true);
    expect(useProjectStore.getState().project.graph).toBe(before);
  });

  it('opens the trained model: reads the run, asks the engine to make it current, then shows it as a finished run with its maps asked for', () => {
    openTrainedModel('a');
    expect(engine.sent.some((c) => c.type === 'run-open')).toBe(false);
    answerRead(manifest('a'));
    const open = last('run-open');
    expect(open.run).toEqual({ location: LOCATION, id: 'a' });
    applyRunsEvent({ type: 'run-opened', requestId: open.requestId, runId: open.runId, manifest: manifest('a'), testCount: 20 });
    const t = useTrainingStore.getState();
    expect(t).toMatchObject({ runId: open.runId, status: 'finished', modelReady: true, tab: 'featuremaps' });
    expect(t.epochs).toHaveLength(1);
    expect(t.finished?.testAccuracy).toBe(0.55);
    expect(useRunsStore.getState().opened).toEqual({ id: 'a', runId: open.runId });
    expect(last('inspect')).toMatchObject({ runId: open.runId, input: { kind: 'test-sample', index: 0 } });
  });

  it('continues training from the stored run, recorded as a new run, and says whether the optimizer came too', () => {
    const settings = { ...defaultTrainingSettings(), epochs: 2 };
    continueRun('a', (graph, keeping) => {
      engine.send({ type: 'train', runId: 'run-continued', graph, settings, ...keeping });
      useTrainingStore.setState({ runId: 'run-continued' });
    });
    answerRead(manifest('a'));
    const train = last('train');
    expect(train.graph).toEqual(GRAPH);
    expect(train.resume).toEqual({ location: LOCATION, id: 'a' });
    expect(train.record?.location).toEqual(LOCATION);
    expect(train.settings.epochs).toBe(2);
    const event: EngineEvent = {
      type: 'started',
      runId: train.runId,
      settings,
      normalization: { kind: 'unit' },
      resumedFrom: { id: 'a', optimizer: 'restored' },
    };
    applyRunsEvent(event);
    expect(useRunsStore.getState().resumed).toEqual({ runId: train.runId, from: 'a', optimizer: 'restored' });
  });
});
