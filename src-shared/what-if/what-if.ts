/** The what-if strip's data: each alternative for a layer with what it would do to the network. */
import type { GraphAnalysis } from '../graph/analyze';
import type { Graph } from '../graph/schema';
import type { Summary } from '../summary/summary';
import { alternativesOf, type Alternative } from './alternatives';
import { predictEdit, type WhatIfOutcome } from './outcome';

/** An alternative for a layer and what it would do to the network. */
export interface WhatIf {
  readonly alternative: Alternative;
  readonly outcome: WhatIfOutcome;
}

/** Every alternative for layer `nodeId` with its outcome; none while the network itself is not valid (its problems come first). */
export function whatIfsOf(graph: Graph, analysis: GraphAnalysis, summary: Summary | undefined | null, nodeId: string): WhatIf[] {
  if (!analysis.valid || !summary) return [];
  return alternativesOf(graph, analysis, nodeId).map((alternative) => ({
    alternative,
    outcome: predictEdit(graph, analysis, summary, alternative.edit),
  }));
}
