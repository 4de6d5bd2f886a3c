// The inputs of a merge layer, in order. Concatenate's result depends on the order of its inputs, so
// every connection into a merge carries the number of the input it feeds (its `port`).
import type { Graph, GraphEdge, GraphNode } from '../../src-shared/graph/schema';
import { isMergeKind, layerKind } from '../../src-shared/layers/registry';

/** True for a layer that joins several inputs (Add, Concatenate, …). */
export function isMergeNode(node: GraphNode | undefined): boolean {
  const kind = node && layerKind(node.kind);
  return kind !== undefined && isMergeKind(kind);
}

/**
 * The connections into `target` in input order, as the analysis reads them: numbered ports first
 * by number, then the unnumbered ones in the order they were drawn.
 */
export function inboundEdges(graph: Graph, target: string): GraphEdge[] {
  return graph.edges
    .map((edge, i) => ({ edge, i }))
    .filter(({ edge }) => edge.target === target)
    .sort((a, b) => (a.edge.port ?? Infinity) - (b.edge.port ?? Infinity) || a.i - b.i)
    .map(({ edge }) => edge);
}

/** Numbers the connections into `target` 0, 1, … in the order of `ordered` (edge ids); the same graph when nothing changes. */
export function setInputOrder(graph: Graph, target: string, ordered: readonly string[]): Graph {
  const port = new Map(ordered.map((id, i) => [id, i]));
  let changed = false;
  const edges = graph.edges.map((e) => {
    const p = e.target === target ? port.get(e.id) : undefined;
    if (p === undefined || e.port === p) return e;
    changed = true;
    return { ...e, port: p };
  });
  return changed ? { nodes: graph.nodes, edges } : graph;
}

/**
 * Moves the input at position `from` of merge `target` to position `to` (the others keep their
 * relative order) and numbers them all; no change for a position out of range or a non-merge.
 */
export function moveInput(graph: Graph, target: string, from: number, to: number): Graph {
  if (!isMergeNode(graph.nodes.find((n) => n.id === target))) return graph;
  const order = inboundEdges(graph, target).map((e) => e.id);
  if (from === to || from < 0 || to < 0 || from >= order.length || to >= order.length) return graph;
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved!);
  return setInputOrder(graph, target, order);
}

/**
 * Where a connection meets its target on the canvas, as a fraction of the target's width: the
 * middle for a one-input layer; for a merge with `count` connections, input `index` of the
 * count + 1 evenly spread points (the last one free for the next connection).
 */
export function inputAnchor(index: number, count: number, merge: boolean): number {
  return merge ? (index + 1) / (count + 2) : 0.5;
}
