import type { GraphAnalysis } from '../../src-shared/graph/analyze';
import type { Graph } from '../../src-shared/graph/schema';
import { toNetwork, type NetworkResult } from '../../src-shared/graph/network';
import { analysisOf } from '../store/analysis';

const byAnalysis = new WeakMap<GraphAnalysis, NetworkResult>();

/** The graph as a Keras model (or its issues), memoised per analysis: a node drag does not redo it. */
export function networkOf(graph: Graph): NetworkResult {
  const analysis = analysisOf(graph);
  let result = byAnalysis.get(analysis);
  if (!result) {
    result = toNetwork(graph);
    byAnalysis.set(analysis, result);
  }
  return result;
}
