import { create } from 'zustand';
import type { RunManifest, RunsLocation, StoredRun } from '../../src-shared/runs/manifest';
import type { ErrorWords } from '../engine/engine-words';

/**
 * The Runs tab's state: the stored runs of the project's location as the engine last listed
 * them, the runs the user selected to compare (in the order picked: the first is the baseline),
 * and the full records (graph, curves) read for them. Plain data; runs-controller.ts changes it.
 */

/** What a continued run said about what it restored (from its 'started' event). */
export interface ResumeNote {
  readonly runId: string;
  /** The stored run it continues. */
  readonly from: string;
  readonly optimizer: 'restored' | 'fresh';
}

export interface RunsState {
  /** Where the listed runs live (null until the first list is asked for). */
  readonly location: RunsLocation | null;
  /** Stored runs, newest first. */
  readonly runs: readonly RunManifest[];
  /** Bytes all listed runs take on disk. */
  readonly totalBytes: number;
  /** True once the engine answered a list for `location`. */
  readonly loaded: boolean;
  /** Ids of the runs picked for comparison, in the order picked. */
  readonly selected: readonly string[];
  /** Full records read from the engine, by run id (of `location`). */
  readonly stored: Readonly<Record<string, StoredRun>>;
  /** The stored run whose trained model the engine holds as current, and the run id it holds it under. */
  readonly opened: { readonly id: string; readonly runId: string } | null;
  /** What a run that continued a stored one restored. */
  readonly resumed: ResumeNote | null;
  /** The last thing the engine could not do with the runs (worded by the view), until the next request. */
  readonly problem: ErrorWords | null;
}

export const initialRunsState: RunsState = {
  location: null,
  runs: [],
  totalBytes: 0,
  loaded: false,
  selected: [],
  stored: {},
  opened: null,
  resumed: null,
  problem: null,
};

export const useRunsStore = create<RunsState>(() => initialRunsState);

/** Two locations name the same runs folder. */
export function sameLocation(a: RunsLocation | null, b: RunsLocation | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === 'beside' ? a.projectFile === (b as typeof a).projectFile : a.collection === (b as typeof a).collection;
}

/** The selected runs' manifests, in selection order (runs no longer listed left out). */
export function selectedRuns(s: Pick<RunsState, 'runs' | 'selected'>): RunManifest[] {
  return s.selected.flatMap((id) => s.runs.filter((r) => r.id === id));
}
