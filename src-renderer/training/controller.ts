import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { Graph } from '../../src-shared/graph/schema';
import type { TrainingSettings } from '../../src-shared/project/training';
import { hasLinkState, isRestartable } from '../engine/connect';
import { applyInspectEvent, resetInspections, setInspectEngine } from '../inspect/inspect-store';
import { applyWhyEvent } from '../inspect/why-store';
import { applyRunsEvent, setRunsEngine } from '../runs/runs-controller';
import type { RunKeeping } from '../runs/runs-location';
import { graphSignature } from './freshness';
import { newRunId } from './run-id';
import { applyTrainingEvent, beginRun, markStopping } from './run-state';
import { useTrainingStore, type CellPick, type PanelTab } from './training-store';

/**
 * The panel's link to the engine: one subscription per engine object, kept for the page's
 * lifetime so that no event is lost while the panel is hidden or re-mounted.
 */

const bound = new WeakSet<EngineApi>();
let active: EngineApi | undefined;

/** The engine the page talks to now, if any (for commands outside a run, e.g. a design's ONNX export). */
export function activeEngine(): EngineApi | undefined {
  return active;
}

/** Subscribes the training and feature-map stores to `engine` (once per engine object). */
export function bindEngine(engine: EngineApi | undefined): void {
  active = engine;
  setInspectEngine(engine);
  setRunsEngine(engine);
  if (!engine) {
    useTrainingStore.setState({ link: 'none' });
    return;
  }
  if (bound.has(engine)) return;
  bound.add(engine);
  engine.on((event) => {
    if (engine !== active) return;
    applyTrainingEvent(event);
    applyInspectEvent(event);
    applyWhyEvent(event);
    applyRunsEvent(event);
  });
  if (hasLinkState(engine)) {
    useTrainingStore.setState({ link: engine.state });
    engine.onState((state) => {
      if (engine === active) useTrainingStore.setState({ link: state });
    });
  } else {
    useTrainingStore.setState({ link: 'open' });
    // The WebSocket link says hello itself on every (re)connect; ask this one which backend it uses.
    engine.send({ type: 'hello' });
  }
}

/** Sends a train command for the graph as it is now (`name`: the project's, to say whose results they are); the run state resets. */
export function startRun(engine: EngineApi, graph: Graph, settings: TrainingSettings, name = '', keeping: RunKeeping = {}): string {
  const runId = newRunId();
  beginRun(runId, settings, { name, signature: graphSignature(graph) });
  resetInspections();
  engine.send({
    type: 'train',
    runId,
    graph,
    settings,
    ...(keeping.record ? { record: keeping.record } : {}),
    ...(keeping.resume ? { resume: keeping.resume } : {}),
  });
  return runId;
}

/** Asks the engine to stop after the batch in progress; the panel says "stopping…" until 'finished'. */
export function stopRun(engine: EngineApi): void {
  const { runId, status } = useTrainingStore.getState();
  if (!runId || (status !== 'starting' && status !== 'training')) return;
  markStopping();
  engine.send({ type: 'stop', runId });
}

/** Starts the engine again after a crash or a lost connection. */
export function restartEngine(engine: EngineApi): void {
  if (!isRestartable(engine)) return;
  const s = useTrainingStore.getState();
  useTrainingStore.setState({
    problem: null,
    modelReady: false,
    status: s.status === 'finished' || s.status === 'idle' ? s.status : 'failed',
  });
  const restarted = engine.restart();
  if (!hasLinkState(engine)) void Promise.resolve(restarted).then(() => engine.send({ type: 'hello' }));
}

export function dismissProblem(): void {
  useTrainingStore.setState({ problem: null });
}

export function setTab(tab: PanelTab): void {
  useTrainingStore.setState({ tab });
}

export function pickCell(pick: CellPick | null): void {
  useTrainingStore.setState({ pick });
}

/**
 * Asks the engine for the trained model's files (model.json, weights.bin, model.keras.json) and
 * hands each to `save` as it arrives; resolves with the file names, rejects with the engine's sentence.
 */
export function exportTrainedModel(save: (name: string, data: Uint8Array) => Promise<void>): Promise<string[]> {
  const engine = active;
  const runId = useTrainingStore.getState().runId;
  if (!engine || !runId) return Promise.reject(new Error('Train the network first: there is no trained model to export.'));
  return new Promise((resolve, reject) => {
    const off = engine.on((event) => {
      if (event.type === 'exported' && event.runId === runId) {
        off();
        const files = event.contents ?? [];
        Promise.all(files.map((f) => save(f.name, f.data))).then(() => resolve(files.map((f) => f.name)), reject);
      } else if (event.type === 'error' && event.runId === runId) {
        off();
        reject(new Error(event.message));
      }
    });
    // Browser mode ignores the folder and returns the bytes; the desktop host writes to a folder it chose.
    engine.send({ type: 'export', runId, dir: 'convas-export', returnContents: true });
  });
}
