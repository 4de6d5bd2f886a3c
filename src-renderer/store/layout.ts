// Automatic layout of any network (Arrange, and files that open without a usable layout): layered
// top to bottom by dagre, branches side by side.
import dagre from '@dagrejs/dagre';
import type { Graph } from '../../src-shared/graph/schema';
import type { Size } from '../canvas/flow-model';
import { inboundEdges, isMergeNode } from './ports';
import { moveNodes, NODE_GAP, NODE_HEIGHT, NODE_WIDTH, RANK_GAP, type XY } from './graph-edit';
/**
 * Space dagre keeps between a layer and a connection that passes it on the way to a later layer (a
 * skip connection): enough for the connection and its shape label to run beside the layers it skips.
 */
export const EDGE_GAP = 440;

/**
 * Top-left corners for every node: a layered drawing from the Input down, branches side by side,
 * using each node's measured size (or the typical size). A chain comes out as one straight column
 * at x = 0 with RANK_GAP between boxes; the inputs of a merge that share a row stand in input
 * order; separate pieces stand side by side. Loops are tolerated (dagre reverses an edge to break them).
 */
export function layoutPositions(graph: Graph, sizes?: ReadonlyMap<string, Size>): Map<string, XY> {
  const g = new dagre.graphlib.Graph<Record<string, unknown>, { width: number; height: number; x?: number; y?: number }>();
  // Layers of one rank share their top edge, so a row reads level even when a box is taller (a problem shown in it).
  g.setGraph({ rankdir: 'TB', rankalign: 'top', ranksep: RANK_GAP, nodesep: NODE_GAP, edgesep: EDGE_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const size = (id: string): Size => sizes?.get(id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
  for (const n of graph.nodes) g.setNode(n.id, { ...size(n.id) });
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const e of graph.edges) if (e.source !== e.target && ids.has(e.source) && ids.has(e.target)) g.setEdge(e.source, e.target);
  // A merge's inputs stand left to right in input order where they share a row, so their connections do not cross.
  const constraints: { left: string; right: string }[] = [];
  for (const n of graph.nodes) {
    if (!isMergeNode(n)) continue;
    const sources = inboundEdges(graph, n.id).map((e) => e.source);
    for (let i = 1; i < sources.length; i++)
      if (sources[i - 1] !== sources[i] && ids.has(sources[i - 1]!) && ids.has(sources[i]!))
        constraints.push({ left: sources[i - 1]!, right: sources[i]! });
  }
  dagre.layout(g, { constraints });
  const positions = new Map<string, XY>();
  let minX = Infinity;
  let minY = Infinity;
  for (const n of graph.nodes) {
    const { x = 0, y = 0, width, height } = g.node(n.id);
    const corner = { x: x - width / 2, y: y - height / 2 };
    positions.set(n.id, corner);
    minX = Math.min(minX, corner.x);
    minY = Math.min(minY, corner.y);
  }
  // dagre leaves room for connections left of the leftmost layer; the drawing starts at the origin.
  for (const [id, p] of positions) positions.set(id, { x: Math.round(p.x - minX), y: Math.round(p.y - minY) });
  return positions;
}

/** The graph laid out by `layoutPositions` (unchanged nodes keep their objects). */
export function layoutGraph(graph: Graph, sizes?: ReadonlyMap<string, Size>): Graph {
  return graph.nodes.length === 0 ? graph : moveNodes(graph, layoutPositions(graph, sizes));
}
