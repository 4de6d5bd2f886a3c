import { networkSignature } from '../../src-shared/training/network-signature';
import type { Graph } from '../../src-shared/graph/schema';
import { useProjectStore } from '../store/project-store';
import { networkOf } from './network-of';
import { useTrainingStore, type TrainedNetwork } from './training-store';

/**
 * Whom the results on screen belong to: the network on the canvas ('current'), the same network
 * before edits that changed the model ('edited'), or a network that was replaced by loading
 * another one ('replaced'). Only 'current' results may be exported as the network's trained model.
 */
export type Freshness = 'current' | 'edited' | 'replaced';

/** The signature of a graph's model, or null when the graph is not a valid network. */
export function graphSignature(graph: Graph): string | null {
  const seq = networkOf(graph);
  return seq.ok ? networkSignature(seq.model) : null;
}

/** Compares the run's network with the graph on the canvas. */
export function freshnessOf(trainedOn: TrainedNetwork | null, replaced: boolean, graph: Graph): Freshness {
  if (!trainedOn) return 'current';
  if (replaced) return 'replaced';
  const now = graphSignature(graph);
  return now !== null && now === trainedOn.signature ? 'current' : 'edited';
}

/** The freshness of the results on screen, following both the run and the canvas. */
export function useFreshness(): Freshness {
  const trainedOn = useTrainingStore((s) => s.trainedOn);
  const replaced = useTrainingStore((s) => s.replaced);
  const graph = useProjectStore((s) => s.project.graph);
  return freshnessOf(trainedOn, replaced, graph);
}
