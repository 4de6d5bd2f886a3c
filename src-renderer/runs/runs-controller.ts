/**
 * The Runs tab's link to the engine: asks for the project's stored runs, reads, renames, deletes
 * and opens them, and keeps the list current as recorded runs progress. Every request carries a
 * requestId of its own ("runs:N"), so answers and errors find their request.
 */
import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { EngineEvent } from '../../src-shared/engine/protocol';
import type { Graph } from '../../src-shared/graph/schema';
import type { RunRecordRequest, RunRef, RunsLocation, StoredRun } from '../../src-shared/runs/manifest';
import { requestView, resetInspections } from '../inspect/inspect-store';
import { useProjectStore } from '../store/project-store';
import { graphSignature } from '../training/freshness';
import { newRunId } from '../training/run-id';
import { beginRun, MAX_BATCH_POINTS, thinPoints } from '../training/run-state';
import { useTrainingStore } from '../training/training-store';
import { recordRequestOf, runsLocationOf } from './runs-location';
import { initialRunsState, sameLocation, useRunsStore } from './runs-store';
import { finishedOf } from './stored-run';

type Pending =
  | { readonly kind: 'list' | 'rename' | 'delete' }
  | { readonly kind: 'read'; readonly id: string }
  | { readonly kind: 'open'; readonly id: string; readonly runId: string };

let engine: EngineApi | undefined;
let issued = 0;
const pending = new Map<string, Pending>();
/** Ids being read, so a run is asked for once however often the view renders. */
const reading = new Set<string>();
/** What to do with a run once its record arrives (an action on a run not read yet). */
const afterRead = new Map<string, ((run: StoredRun) => void)[]>();

function send(request: Pending, command: (requestId: string) => Parameters<EngineApi['send']>[0]): boolean {
  if (!engine) return false;
  const requestId = `runs:${++issued}`;
  pending.set(requestId, request);
  engine.send(command(requestId));
  return true;
}

/** Where the current project's runs live. */
export function currentLocation(): RunsLocation {
  return runsLocationOf(useProjectStore.getState().project.name);
}

/** The `record` field for a training run of the current project. */
export function currentRecordRequest(): RunRecordRequest {
  return recordRequestOf(useProjectStore.getState().project.name);
}

/** Sends later requests to `e` (none while undefined); a new engine starts from a fresh list. */
export function setRunsEngine(e: EngineApi | undefined): void {
  if (e === engine) return;
  engine = e;
  pending.clear();
  reading.clear();
  afterRead.clear();
}

/** Asks the engine for the current project's runs (the list follows the project: another project, another list). */
export function refreshRuns(): void {
  const location = currentLocation();
  const s = useRunsStore.getState();
  if (!sameLocation(s.location, location)) useRunsStore.setState({ ...initialRunsState, location, resumed: s.resumed });
  send({ kind: 'list' }, (requestId) => ({ type: 'runs-list', requestId, location }));
}

/** A listed run's reference (its location and id), or null before any list. */
export function refOf(id: string): RunRef | null {
  const location = useRunsStore.getState().location;
  return location ? { location, id } : null;
}

/** Adds a run to the comparison, or takes it out; the first picked is the baseline. */
export function toggleSelected(id: string): void {
  const { selected } = useRunsStore.getState();
  useRunsStore.setState({ selected: selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id], problem: null });
}

/** Renames a stored run (the engine answers with the new list). */
export function renameRun(id: string, name: string): void {
  const run = refOf(id);
  if (run) send({ kind: 'rename' }, (requestId) => ({ type: 'run-rename', requestId, run, name }));
}

/** Deletes a stored run and its files (the view asks the user first). */
export function deleteRun(id: string): void {
  const run = refOf(id);
  if (run) send({ kind: 'delete' }, (requestId) => ({ type: 'run-delete', requestId, run }));
}

/** Asks for the full records (graph, curves) of the runs not read yet. */
export function readRuns(ids: readonly string[]): void {
  const { stored } = useRunsStore.getState();
  for (const id of ids) {
    if (stored[id] || reading.has(id)) continue;
    const run = refOf(id);
    if (run && send({ kind: 'read', id }, (requestId) => ({ type: 'run-read', requestId, run }))) reading.add(id);
  }
}

/** Runs `action` with the run's full record: now when it was read, else once the engine sends it. */
export function withStoredRun(id: string, action: (run: StoredRun) => void): void {
  const run = useRunsStore.getState().stored[id];
  if (run) {
    action(run);
    return;
  }
  afterRead.set(id, [...(afterRead.get(id) ?? []), action]);
  readRuns([id]);
}

/**
 * Puts a run's graph on the canvas as one undoable step, unless the canvas already builds the same
 * network; true when it changed the canvas.
 */
export function restoreGraph(graph: Graph): boolean {
  const store = useProjectStore.getState();
  const signature = graphSignature(graph);
  if (signature !== null && graphSignature(store.project.graph) === signature) return false;
  store.edit(() => graph);
  return true;
}

/** "Open this run's design": the run's network becomes the one on the canvas (`placed` is told then); Undo brings the previous one back. */
export function openRunDesign(id: string, placed: () => void = () => undefined): void {
  withStoredRun(id, (run) => {
    useProjectStore.getState().edit(() => run.graph);
    placed();
  });
}

/**
 * "Open trained model": the engine makes the run's stored weights current, and the panel shows the
 * run as if it had just trained (its curves, results and feature maps). The run's design goes on
 * the canvas too, so the maps and filters belong to the layers shown there.
 */
export function openTrainedModel(id: string, placed: () => void = () => undefined): void {
  withStoredRun(id, (stored) => {
    const run = refOf(id);
    if (!run) return;
    if (restoreGraph(stored.graph)) placed();
    const runId = newRunId();
    send({ kind: 'open', id, runId }, (requestId) => ({ type: 'run-open', requestId, runId, run }));
  });
}

/** Shows a stored run in the training panel under `runId`, the id the engine now holds its model under. */
function showOpenedRun(runId: string, stored: StoredRun): void {
  const { manifest, curves, graph } = stored;
  beginRun(runId, manifest.settings, { name: manifest.project, signature: graphSignature(graph) });
  resetInspections();
  useTrainingStore.setState({
    status: 'finished',
    modelReady: true,
    epochs: curves.epochs.map((e) => ({ ...e })),
    batchChart: thinPoints(
      curves.batches.map((b) => ({ step: b.step, epoch: b.epoch, loss: b.loss, accuracy: b.accuracy })),
      MAX_BATCH_POINTS,
    ),
    finished: finishedOf(manifest, runId),
    tab: 'featuremaps',
  });
  useRunsStore.setState({ opened: { id: manifest.id, runId } });
  requestView();
}

/** Applies one engine event to the runs' state. */
export function applyRunsEvent(event: EngineEvent): void {
  const s = useRunsStore.getState();
  switch (event.type) {
    case 'runs': {
      if (!pending.delete(event.requestId) || !sameLocation(event.location, s.location)) return;
      const ids = new Set(event.runs.map((r) => r.id));
      const stored = Object.fromEntries(Object.entries(s.stored).filter(([id]) => ids.has(id)));
      useRunsStore.setState({
        runs: event.runs,
        totalBytes: event.totalBytes,
        loaded: true,
        selected: s.selected.filter((id) => ids.has(id)),
        stored,
        opened: s.opened && ids.has(s.opened.id) ? s.opened : null,
        problem: null,
      });
      return;
    }
    case 'run': {
      const request = pending.get(event.requestId);
      if (!request || request.kind !== 'read') return;
      pending.delete(event.requestId);
      reading.delete(request.id);
      if (event.run.manifest.id !== request.id) return;
      useRunsStore.setState({ stored: { ...s.stored, [request.id]: event.run } });
      const actions = afterRead.get(request.id) ?? [];
      afterRead.delete(request.id);
      for (const action of actions) action(event.run);
      return;
    }
    case 'run-opened': {
      const request = pending.get(event.requestId);
      if (!request || request.kind !== 'open') return;
      pending.delete(event.requestId);
      const stored = s.stored[request.id];
      if (stored && event.runId === request.runId) showOpenedRun(event.runId, { ...stored, manifest: event.manifest });
      return;
    }
    case 'recorded': {
      if (!sameLocation(event.run.location, s.location)) return;
      const known = s.runs.some((r) => r.id === event.manifest.id);
      const runs = known ? s.runs.map((r) => (r.id === event.manifest.id ? event.manifest : r)) : [event.manifest, ...s.runs];
      // Its curves grew: a record read before is out of date.
      const { [event.manifest.id]: _old, ...stored } = s.stored;
      useRunsStore.setState({ runs, stored });
      // Finished (or stopped, crashed…): list again for the sizes on disk and the total.
      if (event.manifest.status !== 'running') refreshRuns();
      return;
    }
    case 'started': {
      if (event.resumedFrom && event.runId === useTrainingStore.getState().runId)
        useRunsStore.setState({ resumed: { runId: event.runId, from: event.resumedFrom.id, optimizer: event.resumedFrom.optimizer } });
      return;
    }
    case 'error': {
      if (event.requestId === undefined) return;
      const request = pending.get(event.requestId);
      if (!request) return;
      pending.delete(event.requestId);
      if (request.kind === 'read') {
        reading.delete(request.id);
        afterRead.delete(request.id);
      }
      useRunsStore.setState({ problem: { message: event.message, reason: event.reason } });
      return;
    }
    default:
      return;
  }
}
