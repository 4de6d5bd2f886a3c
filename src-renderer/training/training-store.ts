import type { BatchBuffer } from './batch-buffer';
import { create } from 'zustand';
import type { BackendChoiceWords, DatasetWarning, EngineErrorReason, EngineEventOf } from '../../src-shared/engine/protocol';
import type { TrainingSettings } from '../../src-shared/project/training';

/**
 * The state of training runs as the panel shows it. Plain data only; the functions that change
 * it in answer to engine events live in run-state.ts, the ones that talk to the engine in
 * controller.ts.
 */

export type RunStatus = 'idle' | 'starting' | 'training' | 'stopping' | 'finished' | 'failed';
export type LinkState = 'none' | 'connecting' | 'open' | 'closed';

export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss: number | null;
  readonly valAccuracy: number | null;
  readonly seconds: number;
}

/** One point of the per-batch chart; `step` counts batches over the whole run. */
export interface BatchPoint {
  readonly step: number;
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
}

export interface Progress {
  readonly epoch: number;
  readonly epochs: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly samplesPerSec: number;
  readonly secondsLeft: number;
  /** Threads the run trains on, when the engine says. */
  readonly threads?: number;
}

export type ProblemCode = EngineEventOf<'error'>['code'];

export interface Problem {
  readonly code: ProblemCode;
  /** English, as the engine said it (shown when there is no reason to word). */
  readonly message: string;
  /** What went wrong as a code with values, worded in the user's language. */
  readonly reason?: EngineErrorReason | undefined;
  /** The underlying cause's own untranslated text. */
  readonly detail?: string | undefined;
}

/** A cell of the confusion matrix picked by the user: a true class, and a predicted one or "any". */
export interface CellPick {
  readonly label: number;
  readonly predicted: number | null;
}

export type PanelTab = 'training' | 'featuremaps' | 'runs';

/** The network a run trained: its project name and its signature (src-shared/training/network-signature.ts). */
export interface TrainedNetwork {
  readonly name: string;
  /** null when the graph sent was not a valid network (the engine refuses it). */
  readonly signature: string | null;
}

/** A trained model opened from files rather than trained here: what the engine said of it, and the files it came from. */
export interface OpenedModel {
  readonly event: EngineEventOf<'model-opened'>;
  /** The names of the files chosen (model.json, its weights, convas-dataset.json). */
  readonly files: readonly string[];
  /** The convas-dataset.json among them, when there was one. */
  readonly datasetFile?: string | undefined;
}

export interface TrainingState {
  readonly link: LinkState;
  readonly backend: {
    readonly name: string;
    readonly reason: string;
    readonly choice?: BackendChoiceWords | undefined;
    /** What the engine allows one run to need (its ready event); absent from an older engine. */
    readonly memoryBudgetBytes?: number | undefined;
  } | null;
  readonly runId: string | null;
  readonly status: RunStatus;
  /** Settings of the current run (the form may change after Start). */
  readonly runSettings: TrainingSettings | null;
  readonly dataset: EngineEventOf<'dataset'> | null;
  /** What the engine did last while loading the dataset (cleared when the dataset event arrives). */
  readonly loading: EngineEventOf<'loading'> | null;
  /** The files of an image folder the engine left out, from its `skipped-files` warning. */
  readonly skipped: Extract<DatasetWarning, { code: 'skipped-files' }>['values'] | null;
  /** The current run's batch points waiting to be drawn (null before the first run). */
  readonly batches: BatchBuffer | null;
  /** True once the engine holds a model for runId (after its 'dataset' event): inspections may be asked. */
  readonly modelReady: boolean;
  readonly epochs: readonly EpochPoint[];
  /** Batch points for the chart, thinned to a few hundred. */
  readonly batchChart: readonly BatchPoint[];
  readonly progress: Progress | null;
  readonly finished: EngineEventOf<'finished'> | null;
  /** The last problem the engine reported, until dismissed or a new run starts. */
  readonly problem: Problem | null;
  readonly tab: PanelTab;
  readonly pick: CellPick | null;
  /** The network of the current run; its results belong to it, not to whatever the canvas shows later. */
  readonly trainedOn: TrainedNetwork | null;
  /** True once another network was loaded (template, Open, import, New) after the current run started. */
  readonly replaced: boolean;
  /** Set while the current model (runId) is one opened from files, not trained here. */
  readonly opened: OpenedModel | null;
}

export const initialTrainingState: TrainingState = {
  batches: null,
  link: 'none',
  backend: null,
  runId: null,
  status: 'idle',
  runSettings: null,
  dataset: null,
  loading: null,
  skipped: null,
  modelReady: false,
  epochs: [],
  batchChart: [],
  progress: null,
  finished: null,
  problem: null,
  tab: 'training',
  pick: null,
  trainedOn: null,
  replaced: false,
  opened: null,
};

export const useTrainingStore = create<TrainingState>(() => initialTrainingState);

/** True while a run is between Start and its 'finished' (or fatal error). */
export function isRunning(status: RunStatus): boolean {
  return status === 'starting' || status === 'training' || status === 'stopping';
}
