import { analyzeGraph, type GraphAnalysis } from '../../src-shared/graph/analyze';
import type { Graph } from '../../src-shared/graph/schema';
import { summarize, type Summary } from '../../src-shared/summary/summary';
import type { GraphIssue } from '../../src-shared/graph/issues';

/**
 * True when two graphs differ at most in node positions: same edges array, and the same nodes
 * in the same order with the same kind, name and params objects. Dragging a node therefore
 * does not re-run the analysis.
 */
function sameStructure(a: Graph, b: Graph): boolean {
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const m = a.nodes[i]!;
    const n = b.nodes[i]!;
    if (m !== n && (m.id !== n.id || m.kind !== n.kind || m.name !== n.name || m.params !== n.params)) return false;
  }
  return true;
}

let last: { graph: Graph; analysis: GraphAnalysis } | undefined;

/** The analysis of a graph, memoised: the same object for the same graph (or one that only moved). */
export function analysisOf(graph: Graph): GraphAnalysis {
  if (last && (last.graph === graph || sameStructure(last.graph, graph))) {
    last = { graph, analysis: last.analysis };
    return last.analysis;
  }
  last = { graph, analysis: analyzeGraph(graph) };
  return last.analysis;
}

const summaries = new WeakMap<GraphAnalysis, Summary | null>();

/** The Keras summary of an analysis (null when the graph has problems), memoised per analysis. */
export function summaryOf(analysis: GraphAnalysis): Summary | null {
  let s = summaries.get(analysis);
  if (s === undefined) {
    s = summarize(analysis) ?? null;
    summaries.set(analysis, s);
  }
  return s;
}

const byNode = new WeakMap<GraphAnalysis, ReadonlyMap<string, readonly GraphIssue[]>>();
const NONE: readonly GraphIssue[] = [];

/**
 * Every issue about one layer, from the analysis's full list (which also holds graph-level
 * checks such as duplicate names that a node's own report does not carry).
 */
export function issuesOfNode(analysis: GraphAnalysis, nodeId: string): readonly GraphIssue[] {
  let map = byNode.get(analysis);
  if (!map) {
    const m = new Map<string, GraphIssue[]>();
    for (const issue of analysis.issues) {
      if (!('node' in issue.target)) continue;
      const list = m.get(issue.target.node) ?? m.set(issue.target.node, []).get(issue.target.node)!;
      if (!list.includes(issue)) list.push(issue);
    }
    map = m;
    byNode.set(analysis, map);
  }
  return map.get(nodeId) ?? NONE;
}
