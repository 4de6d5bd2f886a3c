import type { GraphAnalysis } from '../../src-shared/graph/analyze';
import type { Graph } from '../../src-shared/graph/schema';
import { toSequential, type SequentialResult } from '../../src-shared/graph/sequential';
import { analysisOf } from '../store/analysis';

const byAnalysis = new WeakMap<GraphAnalysis, SequentialResult>();

/** The graph as a Sequential model (or its issues), memoised per analysis: a node drag does not redo it. */
export function sequentialOf(graph: Graph): SequentialResult {
  const analysis = analysisOf(graph);
  let result = byAnalysis.get(analysis);
  if (!result) {
    result = toSequential(graph);
    byAnalysis.set(analysis, result);
  }
  return result;
}
