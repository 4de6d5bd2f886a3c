import type { Graph } from '../../src-shared/graph/schema';
import type { SequentialResult } from '../../src-shared/graph/sequential';
import { planTraining, type PlanProblem } from '../../src-shared/training/compatibility';
import { useProjectStore } from '../store/project-store';
import { sequentialOf } from './sequential-of';

/** Whether the network on the canvas can be trained now, and if not, why (said before Train is pressed). */
export type Trainability =
  | { readonly ok: true }
  /** The graph has problems (the status bar and summary list them). */
  | { readonly ok: false; readonly kind: 'invalid'; readonly problems: number }
  /** A valid network that cannot train on the datasets the engine reads (28×28 grayscale, 10 classes). */
  | { readonly ok: false; readonly kind: 'incompatible'; readonly problem: PlanProblem };

const OK: Trainability = { ok: true };
const bySequential = new WeakMap<SequentialResult, Trainability>();

/** The trainability of a graph, memoised per structural change (not per drag). */
export function trainabilityOf(graph: Graph): Trainability {
  const seq = sequentialOf(graph);
  let result = bySequential.get(seq);
  if (result) return result;
  if (!seq.ok) result = { ok: false, kind: 'invalid', problems: seq.issues.length };
  else {
    const plan = planTraining(seq.model);
    result = plan.ok ? OK : { ok: false, kind: 'incompatible', problem: plan.problem };
  }
  bySequential.set(seq, result);
  return result;
}

/** The trainability of the project's network, re-read when its graph changes. */
export function useTrainability(): Trainability {
  return trainabilityOf(useProjectStore((s) => s.project.graph));
}
