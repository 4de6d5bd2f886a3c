import { create } from 'zustand';
import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { EngineEvent, EngineEventOf, TensorView } from '../../src-shared/engine/protocol';
import { isRunning, useTrainingStore } from '../training/training-store';

/**
 * What the feature-map viewer shows: the chosen input (a test sample or the drawing), the
 * inspections the engine sent for it — one per epoch, kept so a slider scrubs through training —
 * and thumbnails of test images for the misclassified gallery.
 */

export type Inspection = EngineEventOf<'inspection'>;

export type InspectSource = { readonly kind: 'test-sample'; readonly index: number } | { readonly kind: 'draw' };

/** One inspection of the current input, after `epoch` epochs (`partial`: taken while the next epoch was running). */
export interface Snapshot {
  readonly epoch: number;
  readonly partial: boolean;
  /** Which drawing it shows (the drawing changes as the user draws; test samples are always 0). */
  readonly gen: number;
  readonly inspection: Inspection;
}

export const PIXELS = 28 * 28;

export interface InspectState {
  readonly source: InspectSource;
  /** The test sample picked last (kept while the drawing is shown). */
  readonly sampleIndex: number;
  /** The drawing, 28×28 values 0–255 (a new array on every change). */
  readonly pixels: Uint8Array<ArrayBuffer>;
  /** Snapshots per source key, oldest first. */
  readonly history: Readonly<Record<string, readonly Snapshot[]>>;
  /** Index into the current source's snapshots, or null to follow the newest. */
  readonly selected: number | null;
  /** An inspection of the current input is on its way. */
  readonly busy: boolean;
  /** Test images by index, for the misclassified gallery. */
  readonly thumbs: Readonly<Record<number, TensorView>>;
  readonly problem: string | null;
}

const initial: InspectState = {
  source: { kind: 'test-sample', index: 0 },
  sampleIndex: 0,
  pixels: new Uint8Array(PIXELS),
  history: {},
  selected: null,
  busy: false,
  thumbs: {},
  problem: null,
};

export const useInspectStore = create<InspectState>(() => initial);

export function sourceKey(source: InspectSource): string {
  return source.kind === 'draw' ? 'draw' : `test:${source.index}`;
}

/** The snapshots of the current input. */
export function currentSnapshots(s: InspectState): readonly Snapshot[] {
  return s.history[sourceKey(s.source)] ?? EMPTY;
}
const EMPTY: readonly Snapshot[] = [];

/** The snapshot on screen: the one the slider picks, else the newest. */
export function shownSnapshot(s: InspectState): Snapshot | undefined {
  const list = currentSnapshots(s);
  if (list.length === 0) return undefined;
  return list[s.selected === null ? list.length - 1 : Math.min(s.selected, list.length - 1)];
}

// ---- requests ------------------------------------------------------------------------------

type Request =
  | {
      readonly kind: 'view';
      readonly key: string;
      readonly epoch: number;
      readonly partial: boolean;
      readonly gen: number;
      readonly runId: string;
      readonly draw: boolean;
    }
  | { readonly kind: 'thumb'; readonly index: number; readonly runId: string };

let engine: EngineApi | undefined;
const requests = new Map<string, Request>();
let seq = 0;
let drawTimer: ReturnType<typeof setTimeout> | null = null;
let drawFirstChange = 0;
let drawInFlight = false;
let drawDirty = false;
/** Bumped on every change of the drawing. */
let drawGen = 0;
const thumbsInFlight = new Set<number>();
const MAX_SOURCES = 24;
/** Snapshots kept per input; beyond it every second one goes (long runs keep an even spread). */
const MAX_SNAPSHOTS = 80;
const DRAW_DEBOUNCE_MS = 100;
/** While the user keeps drawing, still refresh at least this often. */
const DRAW_MAX_WAIT_MS = 250;

export function setInspectEngine(e: EngineApi | undefined): void {
  engine = e;
}

function runContext(): { runId: string; epoch: number; partial: boolean } | undefined {
  const t = useTrainingStore.getState();
  if (!t.runId || !t.modelReady) return undefined;
  const epoch = t.epochs.reduce((m, e) => Math.max(m, e.epoch), 0);
  return { runId: t.runId, epoch, partial: isRunning(t.status) };
}

function send(request: Request, input: { kind: 'test-sample'; index: number } | { kind: 'pixels'; pixels: Uint8Array<ArrayBuffer> }): void {
  if (!engine) return;
  const requestId = `${request.kind}:${++seq}`;
  requests.set(requestId, request);
  engine.send({ type: 'inspect', runId: request.runId, requestId, input });
}

/** Asks for an inspection of the current input; `exactEpoch` when the model just finished that epoch. */
export function requestView(exactEpoch?: number): void {
  const ctx = runContext();
  const s = useInspectStore.getState();
  if (!ctx || !engine) return;
  const key = sourceKey(s.source);
  const tag = exactEpoch !== undefined ? { epoch: exactEpoch, partial: false } : { epoch: ctx.epoch, partial: ctx.partial };
  // Live drawing requests go one at a time (the newest drawing wins); epoch snapshots always go.
  const draw = s.source.kind === 'draw' && exactEpoch === undefined;
  if (draw) {
    if (drawInFlight) {
      drawDirty = true;
      return;
    }
    drawInFlight = true;
    drawDirty = false;
  }
  useInspectStore.setState({ busy: true, problem: null });
  send(
    { kind: 'view', key, ...tag, gen: s.source.kind === 'draw' ? drawGen : 0, runId: ctx.runId, draw },
    s.source.kind === 'draw' ? { kind: 'pixels', pixels: s.pixels } : { kind: 'test-sample', index: s.source.index },
  );
}

/** Shows test sample `index` (and asks for its maps). */
export function chooseSample(index: number): void {
  const i = Math.max(0, Math.floor(index));
  useInspectStore.setState({ source: { kind: 'test-sample', index: i }, sampleIndex: i, selected: null, problem: null });
  requestView();
}

/** Replaces the drawing; its maps are asked for after a short pause (or regularly while drawing). */
export function setDrawing(pixels: Uint8Array<ArrayBuffer>): void {
  const s = useInspectStore.getState();
  drawGen++;
  // The newest snapshot stays on screen until the maps of the new drawing arrive.
  useInspectStore.setState({
    pixels,
    ...(s.source.kind === 'draw' ? {} : { source: { kind: 'draw' } as const }),
    ...(s.selected === null ? {} : { selected: null }),
    ...(s.problem === null ? {} : { problem: null }),
  });
  const now = Date.now();
  if (drawTimer === null) drawFirstChange = now;
  else clearTimeout(drawTimer);
  const wait = Math.max(0, Math.min(DRAW_DEBOUNCE_MS, drawFirstChange + DRAW_MAX_WAIT_MS - now));
  drawTimer = setTimeout(() => {
    drawTimer = null;
    requestView();
  }, wait);
}

/** Shows the drawing as the input (without changing it). */
export function chooseDrawing(): void {
  useInspectStore.setState({ source: { kind: 'draw' }, selected: null, problem: null });
  if (!useInspectStore.getState().history.draw) requestView();
}

export function selectSnapshot(index: number | null): void {
  useInspectStore.setState({ selected: index });
}

/** Asks for the images of test samples not yet known (for the misclassified gallery). */
export function requestThumbs(indices: readonly number[]): void {
  const ctx = runContext();
  if (!ctx || !engine) return;
  const have = useInspectStore.getState().thumbs;
  for (const index of indices) {
    if (have[index] || thumbsInFlight.has(index)) continue;
    thumbsInFlight.add(index);
    send({ kind: 'thumb', index, runId: ctx.runId }, { kind: 'test-sample', index });
  }
}

/** Forgets everything of the previous run (a new run has new weights). */
export function resetInspections(): void {
  requests.clear();
  thumbsInFlight.clear();
  drawInFlight = false;
  drawDirty = false;
  const s = useInspectStore.getState();
  useInspectStore.setState({ history: {}, thumbs: {}, selected: null, busy: false, problem: null, source: s.source, pixels: s.pixels });
}

function addSnapshot(key: string, snap: Snapshot): void {
  const s = useInspectStore.getState();
  if (key === 'draw' && snap.gen !== drawGen) {
    // The drawing changed meanwhile: show it only if nothing newer is on screen.
    const list = s.history.draw ?? [];
    if (list.some((x) => x.gen > snap.gen)) return;
  }
  // One snapshot per epoch and kind (after it / during the next one), all of the same drawing.
  const list = (s.history[key] ?? []).filter((x) => x.gen === snap.gen && !(x.epoch === snap.epoch && x.partial === snap.partial));
  list.push(snap);
  list.sort((a, b) => a.epoch - b.epoch || Number(a.partial) - Number(b.partial));
  const kept = list.length > MAX_SNAPSHOTS ? list.filter((_, i) => i % 2 === 0 || i === list.length - 1) : list;
  const history: Record<string, readonly Snapshot[]> = { ...s.history, [key]: kept };
  const keys = Object.keys(history);
  const current = sourceKey(s.source);
  for (const k of keys) {
    if (Object.keys(history).length <= MAX_SOURCES) break;
    if (k !== current && k !== key) delete history[k];
  }
  useInspectStore.setState({ history });
}

/** Applies one engine event to the viewer's state; asks for fresh maps after every epoch. */
export function applyInspectEvent(event: EngineEvent): void {
  switch (event.type) {
    case 'dataset': {
      if (event.runId !== useTrainingStore.getState().runId) return;
      // Another dataset may have fewer test images than the index picked before.
      const s = useInspectStore.getState();
      if (s.sampleIndex >= event.testCount)
        useInspectStore.setState({
          sampleIndex: 0,
          ...(s.source.kind === 'test-sample' ? { source: { kind: 'test-sample', index: 0 } as const } : {}),
        });
      // The freshly initialised network: a first snapshot to compare the trained ones with.
      requestView();
      return;
    }
    case 'epoch': {
      const t = useTrainingStore.getState();
      if (event.runId === t.runId) requestView(event.epoch);
      return;
    }
    case 'finished': {
      // A run stopped in the middle of an epoch has weights no epoch snapshot shows.
      const t = useTrainingStore.getState();
      if (event.runId !== t.runId) return;
      const snaps = currentSnapshots(useInspectStore.getState());
      const last = snaps[snaps.length - 1];
      if (!last || last.partial || last.epoch !== event.epochsCompleted || event.stopped) requestView();
      return;
    }
    case 'inspection': {
      const req = requests.get(event.requestId);
      if (!req) return;
      requests.delete(event.requestId);
      if (req.kind === 'thumb') {
        thumbsInFlight.delete(req.index);
        if (req.runId !== useTrainingStore.getState().runId) return;
        useInspectStore.setState({ thumbs: { ...useInspectStore.getState().thumbs, [req.index]: event.input } });
        return;
      }
      if (req.draw) drawInFlight = false;
      if (req.runId === useTrainingStore.getState().runId)
        addSnapshot(req.key, { epoch: req.epoch, partial: req.partial, gen: req.gen, inspection: event });
      const pendingViews = [...requests.values()].some((r) => r.kind === 'view');
      useInspectStore.setState({ busy: pendingViews });
      if (req.draw && drawDirty) requestView();
      return;
    }
    case 'error': {
      if (event.code === 'no-model' || event.code === 'bad-message' || event.code === 'internal' || event.code === 'engine-crashed') {
        const hadViews = [...requests.values()].some((r) => r.kind === 'view');
        if (!hadViews && event.code !== 'engine-crashed' && thumbsInFlight.size === 0) return;
        // The engine answers requests in order but errors carry no request id: forget them all.
        requests.clear();
        thumbsInFlight.clear();
        drawInFlight = false;
        drawDirty = false;
        useInspectStore.setState({
          busy: false,
          problem: hadViews && event.code !== 'engine-crashed' ? event.message : useInspectStore.getState().problem,
        });
      }
      return;
    }
    default:
      return;
  }
}
