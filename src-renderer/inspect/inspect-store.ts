import { create } from 'zustand';
import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { EngineEvent, EngineEventOf, TensorView } from '../../src-shared/engine/protocol';
import type { ErrorWords } from '../engine/engine-words';
import { isRunning, useTrainingStore } from '../training/training-store';

/**
 * What the feature-map viewer shows: the chosen input (a test sample or the drawing), the
 * inspections the engine sent for it — one per epoch, kept so a slider scrubs through training —
 * and thumbnails of test images for the misclassified gallery.
 */

export type Inspection = EngineEventOf<'inspection'>;

export type InspectSource =
  | { readonly kind: 'test-sample'; readonly index: number }
  | { readonly kind: 'draw' }
  /** The picture file opened last (`InspectState.picture`); `gen` tells one opened file from the next. */
  | { readonly kind: 'picture'; readonly gen: number };

/** A picture file the user opened: its name and bytes, sent as they are (the engine decodes them as in training). */
export interface OpenedPicture {
  readonly name: string;
  readonly data: Uint8Array<ArrayBuffer>;
  readonly gen: number;
}

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
  /** Why the last inspection of the current input failed (worded by the viewer). */
  readonly problem: ErrorWords | null;
  /** Bumped on every change of the drawing; snapshots record which drawing they show. */
  readonly drawGen: number;
  /** The picture file opened last (kept while another input is shown). */
  readonly picture: OpenedPicture | null;
  /** Where requests go (set when the panel binds an engine). */
  readonly engine: EngineApi | undefined;
  /** The requests of the current run and the drawing's timer; replaced (and disposed) by `resetInspections`. */
  readonly requests: InspectRequests;
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

/**
 * The bookkeeping of one run's inspections: requests awaiting an answer, gallery images on
 * their way, and the drawing's debounce. It lives from one `resetInspections` to the next;
 * `dispose` stops its timer, so nothing of a previous run fires into the next one.
 */
export class InspectRequests {
  readonly pending = new Map<string, Request>();
  readonly thumbsInFlight = new Set<number>();
  drawTimer: ReturnType<typeof setTimeout> | null = null;
  drawFirstChange = 0;
  drawInFlight = false;
  drawDirty = false;

  /** `issued` continues the numbering of the previous object, so a late answer can never match a new request. */
  constructor(private issued = 0) {}

  /** How many request ids this object and its predecessors gave out. */
  get count(): number {
    return this.issued;
  }

  /** A request id never used before on this page. */
  nextId(kind: Request['kind']): string {
    return `${kind}:${++this.issued}`;
  }

  /** Forgets every request (their answers will be ignored); the drawing's timer keeps running. */
  forget(): void {
    this.pending.clear();
    this.thumbsInFlight.clear();
    this.drawInFlight = false;
    this.drawDirty = false;
  }

  /** Ends this object's life: forgets everything and stops the drawing's timer. */
  dispose(): void {
    this.forget();
    if (this.drawTimer !== null) clearTimeout(this.drawTimer);
    this.drawTimer = null;
  }

  /** True while an inspection of an input (not a gallery image) is awaited. */
  hasViews(): boolean {
    return [...this.pending.values()].some((r) => r.kind === 'view');
  }
}

const MAX_SOURCES = 24;
/** Snapshots kept per input; beyond it every second one goes (long runs keep an even spread). */
const MAX_SNAPSHOTS = 80;
const DRAW_DEBOUNCE_MS = 100;
/** While the user keeps drawing, still refresh at least this often. */
const DRAW_MAX_WAIT_MS = 250;

const initial: InspectState = {
  source: { kind: 'test-sample', index: 0 },
  sampleIndex: 0,
  pixels: new Uint8Array(PIXELS),
  history: {},
  selected: null,
  busy: false,
  thumbs: {},
  problem: null,
  drawGen: 0,
  picture: null,
  engine: undefined,
  requests: new InspectRequests(),
};

export const useInspectStore = create<InspectState>(() => initial);

export function sourceKey(source: InspectSource): string {
  if (source.kind === 'picture') return `picture:${source.gen}`;
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

/** Sends later inspection requests to `e` (none while undefined). */
export function setInspectEngine(e: EngineApi | undefined): void {
  useInspectStore.setState({ engine: e });
}

function runContext(): { runId: string; epoch: number; partial: boolean } | undefined {
  const t = useTrainingStore.getState();
  if (!t.runId || !t.modelReady) return undefined;
  const epoch = t.epochs.reduce((m, e) => Math.max(m, e.epoch), 0);
  return { runId: t.runId, epoch, partial: isRunning(t.status) };
}

type InspectInput =
  | { kind: 'test-sample'; index: number }
  | { kind: 'pixels'; pixels: Uint8Array<ArrayBuffer> }
  | { kind: 'image'; data: Uint8Array<ArrayBuffer> };

function send(request: Request, input: InspectInput): void {
  const { engine, requests } = useInspectStore.getState();
  if (!engine) return;
  const requestId = requests.nextId(request.kind);
  requests.pending.set(requestId, request);
  engine.send({ type: 'inspect', runId: request.runId, requestId, input });
}

/** Asks for an inspection of the current input; `exactEpoch` when the model just finished that epoch. */
export function requestView(exactEpoch?: number): void {
  const ctx = runContext();
  const s = useInspectStore.getState();
  if (!ctx || !s.engine) return;
  const key = sourceKey(s.source);
  const tag = exactEpoch !== undefined ? { epoch: exactEpoch, partial: false } : { epoch: ctx.epoch, partial: ctx.partial };
  // Live drawing requests go one at a time (the newest drawing wins); epoch snapshots always go.
  const draw = s.source.kind === 'draw' && exactEpoch === undefined;
  const { requests } = s;
  if (draw) {
    if (requests.drawInFlight) {
      requests.drawDirty = true;
      return;
    }
    requests.drawInFlight = true;
    requests.drawDirty = false;
  }
  const input = inputOf(s);
  if (!input) return;
  useInspectStore.setState({ busy: true, problem: null });
  send({ kind: 'view', key, ...tag, gen: s.source.kind === 'draw' ? s.drawGen : 0, runId: ctx.runId, draw }, input);
}

/** What the engine is sent for the current input (undefined when the opened picture is gone). */
export function inputOf(s: InspectState): InspectInput | undefined {
  switch (s.source.kind) {
    case 'draw':
      return { kind: 'pixels', pixels: s.pixels };
    case 'picture':
      return s.picture ? { kind: 'image', data: s.picture.data } : undefined;
    default:
      return { kind: 'test-sample', index: s.source.index };
  }
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
  // The newest snapshot stays on screen until the maps of the new drawing arrive.
  useInspectStore.setState({
    pixels,
    drawGen: s.drawGen + 1,
    ...(s.source.kind === 'draw' ? {} : { source: { kind: 'draw' } as const }),
    ...(s.selected === null ? {} : { selected: null }),
    ...(s.problem === null ? {} : { problem: null }),
  });
  const { requests } = s;
  const now = Date.now();
  if (requests.drawTimer === null) requests.drawFirstChange = now;
  else clearTimeout(requests.drawTimer);
  const wait = Math.max(0, Math.min(DRAW_DEBOUNCE_MS, requests.drawFirstChange + DRAW_MAX_WAIT_MS - now));
  requests.drawTimer = setTimeout(() => {
    requests.drawTimer = null;
    requestView();
  }, wait);
}

/** Shows a picture file the user opened (and asks for its maps); its bytes go to the engine as they are. */
export function openPicture(name: string, data: Uint8Array<ArrayBuffer>): void {
  const gen = (useInspectStore.getState().picture?.gen ?? 0) + 1;
  useInspectStore.setState({ picture: { name, data, gen }, source: { kind: 'picture', gen }, selected: null, problem: null });
  requestView();
}

/** Says that a picture file could not be read in the page (too large to send as it is, and not a picture the browser decodes). */
export function pictureUnreadable(name: string): void {
  useInspectStore.setState({
    problem: { message: `${name} is not a picture`, reason: { code: 'bad-image', values: { reason: 'not-image' } } },
  });
}

/** Shows the picture opened last again (nothing when none was opened). */
export function choosePicture(): void {
  const { picture, history } = useInspectStore.getState();
  if (!picture) return;
  useInspectStore.setState({ source: { kind: 'picture', gen: picture.gen }, selected: null, problem: null });
  if (!history[`picture:${picture.gen}`]) requestView();
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
  const { engine, thumbs: have, requests } = useInspectStore.getState();
  if (!ctx || !engine) return;
  for (const index of indices) {
    if (have[index] || requests.thumbsInFlight.has(index)) continue;
    requests.thumbsInFlight.add(index);
    send({ kind: 'thumb', index, runId: ctx.runId }, { kind: 'test-sample', index });
  }
}

/**
 * Forgets everything of the previous run (a new run has new weights): its snapshots, images and
 * requests, and the drawing's pending request. The chosen input and the drawing itself stay.
 */
export function resetInspections(): void {
  const { requests } = useInspectStore.getState();
  requests.dispose();
  useInspectStore.setState({
    history: {},
    thumbs: {},
    selected: null,
    busy: false,
    problem: null,
    drawGen: 0,
    requests: new InspectRequests(requests.count),
  });
}

function addSnapshot(key: string, snap: Snapshot): void {
  const s = useInspectStore.getState();
  if (key === 'draw' && snap.gen !== s.drawGen) {
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

/** One request failed: it alone is forgotten, and the viewer says why if it was a view of this run. */
function failRequest(requestId: string, problem: ErrorWords): void {
  const { requests } = useInspectStore.getState();
  const req = requests.pending.get(requestId);
  if (!req) return;
  requests.pending.delete(requestId);
  if (req.kind === 'thumb') {
    requests.thumbsInFlight.delete(req.index);
    return;
  }
  if (req.draw) requests.drawInFlight = false;
  const current = req.runId === useTrainingStore.getState().runId;
  useInspectStore.setState({ busy: requests.hasViews(), ...(current ? { problem } : {}) });
  if (req.draw && requests.drawDirty) requestView();
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
      const { requests } = useInspectStore.getState();
      const req = requests.pending.get(event.requestId);
      if (!req) return;
      requests.pending.delete(event.requestId);
      if (req.kind === 'thumb') {
        requests.thumbsInFlight.delete(req.index);
        if (req.runId !== useTrainingStore.getState().runId) return;
        useInspectStore.setState({ thumbs: { ...useInspectStore.getState().thumbs, [req.index]: event.input } });
        return;
      }
      if (req.draw) requests.drawInFlight = false;
      if (req.runId === useTrainingStore.getState().runId)
        addSnapshot(req.key, { epoch: req.epoch, partial: req.partial, gen: req.gen, inspection: event });
      useInspectStore.setState({ busy: requests.hasViews() });
      if (req.draw && requests.drawDirty) requestView();
      return;
    }
    case 'error': {
      if (event.requestId !== undefined) {
        failRequest(event.requestId, { message: event.message, reason: event.reason });
        return;
      }
      if (event.code === 'no-model' || event.code === 'bad-message' || event.code === 'internal' || event.code === 'engine-crashed') {
        const { requests } = useInspectStore.getState();
        const hadViews = requests.hasViews();
        if (!hadViews && event.code !== 'engine-crashed' && requests.thumbsInFlight.size === 0) return;
        // An error that answers no one request (the engine is gone, or an older engine): forget them all.
        requests.forget();
        useInspectStore.setState({
          busy: false,
          problem:
            hadViews && event.code !== 'engine-crashed'
              ? { message: event.message, reason: event.reason }
              : useInspectStore.getState().problem,
        });
      }
      return;
    }
    default:
      return;
  }
}
