import type { Graph } from '../../src-shared/graph/schema';
import type { NetworkResult } from '../../src-shared/graph/network';
import { IDX_SPEC, planTraining, type DatasetSpec, type PlanProblem } from '../../src-shared/training/compatibility';
import { PICTURE_DATASETS, type DatasetName } from '../../src-shared/project/training';
import type { MemoryProblem } from '../../src-shared/training/memory-budget';
import type { MemorySettings } from '../../src-shared/training/memory-estimate';
import { memoryProblemOf, useMemoryBudget } from './trainability-memory';
import { planText } from '../../src-shared/i18n/issue-text';
import { memoryBudgetText } from '../../src-shared/i18n/memory-text';
import type { TrainingLang, TrainingT } from './strings';
import { useProjectStore } from '../store/project-store';
import { networkOf } from './network-of';

/** Whether the network on the canvas can be trained now, and if not, why (said before Train is pressed). */
export type Trainability =
  | { readonly ok: true }
  /** The graph has problems (the status bar and summary list them). */
  | { readonly ok: false; readonly kind: 'invalid'; readonly problems: number }
  /** A valid network that cannot train on the datasets the engine reads (28×28 grayscale, 10 classes). */
  | { readonly ok: false; readonly kind: 'incompatible'; readonly problem: PlanProblem }
  /** A network this machine cannot hold for a run with these settings (the engine would refuse it before allocating). */
  | { readonly ok: false; readonly kind: 'too-large'; readonly problem: MemoryProblem };

/** What the memory check needs: the run's settings and the engine's budget. */
export interface MemoryLimits {
  readonly settings: MemorySettings;
  readonly budgetBytes: number;
}

const OK: Trainability = { ok: true };
const bySequential = new WeakMap<NetworkResult, Trainability>();
const byPicturesSequential = new WeakMap<NetworkResult, Trainability>();

// Pictures are resized to the Input and their class count is known once the folder is read: before Train only the input and the output's form are checked.
const PICTURES_UNREAD: DatasetSpec = { kind: 'resized', classes: null };

/**
 * The trainability of a graph on a dataset (the IDX datasets by default), memoised per structural
 * change (not per drag); with limits, also whether it fits in memory.
 */
export function trainabilityOf(graph: Graph, limits?: MemoryLimits, dataset?: DatasetName): Trainability {
  const structural = structuralTrainability(graph, dataset !== undefined && PICTURE_DATASETS.includes(dataset));
  if (!structural.ok || !limits) return structural;
  const problem = memoryProblemOf(graph, limits.settings, limits.budgetBytes);
  return problem ? { ok: false, kind: 'too-large', problem } : structural;
}

function structuralTrainability(graph: Graph, pictures: boolean): Trainability {
  const seq = networkOf(graph);
  const memo = pictures ? byPicturesSequential : bySequential;
  let result = memo.get(seq);
  if (result) return result;
  if (!seq.ok) result = { ok: false, kind: 'invalid', problems: seq.issues.length };
  else {
    const plan = planTraining(seq.model, pictures ? PICTURES_UNREAD : IDX_SPEC);
    result = plan.ok ? OK : { ok: false, kind: 'incompatible', problem: plan.problem };
  }
  memo.set(seq, result);
  return result;
}

/** The trainability of the project's network with these settings, re-read when its graph, the settings or the engine's budget change. */
export function useTrainability(settings: MemorySettings & { readonly dataset?: DatasetName }): Trainability {
  const budgetBytes = useMemoryBudget();
  const graph = useProjectStore((s) => s.project.graph);
  return trainabilityOf(graph, { settings, budgetBytes }, settings.dataset);
}

/** Why Train is disabled for this network, in a sentence; null when it can train. */
export function blockedReason(t: TrainingT, language: TrainingLang, trainability: Trainability): string | null {
  if (trainability.ok) return null;
  switch (trainability.kind) {
    case 'invalid':
      return t('trainable.invalid', { n: trainability.problems });
    case 'incompatible':
      return planText(language, trainability.problem);
    case 'too-large':
      return memoryBudgetText(language, trainability.problem.values);
  }
}
