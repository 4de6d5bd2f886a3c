// Pure edits of a graph: each takes a graph and returns a new one (or the same one when nothing changes).
import type { Graph, GraphEdge, GraphNode } from '../../src-shared/graph/schema';
import type { LayerKindId } from '../../src-shared/layers/types';
import { nextLayerName } from '../../src-shared/graph/names';
import { newLayerParams } from './new-layer';
import { inboundEdges, isMergeNode, setInputOrder } from './ports';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** Width of a node on the canvas (CSS keeps it fixed), used to centre new nodes and lay out chains. */
export const NODE_WIDTH = 280;
/** A typical node height, for layout before the canvas has measured the nodes. */
export const NODE_HEIGHT = 84;
/** Vertical space between a layer and the next (room for the shape label on the connection). */
export const RANK_GAP = 44;
/** Horizontal space between layers side by side. */
export const NODE_GAP = 60;

/** The next free id with a prefix: n1, n2, … / e1, e2, … */
function nextId(prefix: string, taken: Iterable<{ id: string }>): string {
  let max = 0;
  const re = new RegExp(`^${prefix}(\\d+)$`);
  for (const { id } of taken) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}

/** Adds a layer of `kind` at `position` (its top-left corner), optionally connected from `from`. */
export function addLayer(graph: Graph, kind: LayerKindId, position: XY, from?: string): { graph: Graph; id: string } {
  const id = nextId('n', graph.nodes);
  const name = nextLayerName(
    kind,
    graph.nodes.map((n) => n.name),
  );
  const node: GraphNode = {
    id,
    kind,
    name,
    params: newLayerParams(kind),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  let next: Graph = { nodes: [...graph.nodes, node], edges: graph.edges };
  if (from !== undefined) next = connect(next, from, id);
  return { graph: next, id };
}

/**
 * Where a layer added "at the end" goes: under the output (the last of `order`, the layers in
 * Keras's order) or else the lowest node, connected from it when it has no outgoing connection yet.
 */
export function placeBelow(graph: Graph, order: readonly string[], heights?: ReadonlyMap<string, number>): { position: XY; from?: string } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const output = order.length > 0 ? byId.get(order[order.length - 1]!) : undefined;
  const lowest = graph.nodes.reduce<GraphNode | undefined>((best, n) => (!best || n.position.y > best.position.y ? n : best), undefined);
  const anchor = output ?? lowest;
  if (!anchor) return { position: { x: 0, y: 0 } };
  const height = heights?.get(anchor.id) ?? NODE_HEIGHT;
  const position = { x: anchor.position.x, y: anchor.position.y + height + RANK_GAP };
  const hasOutgoing = graph.edges.some((e) => e.source === anchor.id);
  return hasOutgoing ? { position } : { position, from: anchor.id };
}

/**
 * Connects `source`'s output to `target`'s input; no change for a self-loop or an Input target.
 * Into a merge the connection becomes input `index` (default: the last), the inputs after it move
 * one on, and all are numbered; an existing connection into a merge given an `index` moves there.
 * Elsewhere a repeat changes nothing.
 */
export function connect(graph: Graph, source: string, target: string, index?: number): Graph {
  if (source === target) return graph;
  const targetNode = graph.nodes.find((n) => n.id === target);
  if (!targetNode || targetNode.kind === 'InputLayer' || !graph.nodes.some((n) => n.id === source)) return graph;
  const existing = graph.edges.find((e) => e.source === source && e.target === target);
  const merge = isMergeNode(targetNode);
  if (existing && (!merge || index === undefined)) return graph;
  let next = graph;
  let id = existing?.id;
  if (id === undefined) {
    id = nextId('e', graph.edges);
    const edge: GraphEdge = { id, source, target };
    next = { nodes: graph.nodes, edges: [...graph.edges, edge] };
  }
  if (!merge) return next;
  const order = inboundEdges(graph, target)
    .map((e) => e.id)
    .filter((e) => e !== id);
  order.splice(Math.max(0, Math.min(index ?? order.length, order.length)), 0, id);
  return setInputOrder(next, target, order);
}

/**
 * Inserts a new layer of `kind` into connection `edgeId`: source → new → target, as one edit.
 * The new layer's top-left corner goes to `position`, moved sideways off any layer beside it (the
 * other path of a branch); the target and everything after it move down when the new layer would
 * otherwise overlap them. No change when the edge does not exist.
 */
export function insertOnEdge(
  graph: Graph,
  kind: LayerKindId,
  edgeId: string,
  position: XY,
  heights?: ReadonlyMap<string, number>,
): { graph: Graph; id: string } | undefined {
  const edge = graph.edges.find((e) => e.id === edgeId);
  const target = edge && graph.nodes.find((n) => n.id === edge.target);
  if (!edge || !target) return undefined;
  // Into a merge, the new layer feeds the input the connection fed.
  const port = inboundEdges(graph, target.id).findIndex((e) => e.id === edgeId);
  // The target and what follows it make room below instead; the source stays where the drop aimed.
  const after = reachable(graph, target.id);
  const beside = graph.nodes.filter((n) => n.id !== edge.source && !after.has(n.id));
  const top = Math.round(position.y);
  const x = freeLeft(beside, Math.round(position.x), top, heights);
  const added = addLayer({ nodes: graph.nodes, edges: graph.edges.filter((e) => e.id !== edgeId) }, kind, { x, y: top }, edge.source);
  // A fresh layer has not been measured yet: assume the typical height.
  const below = top + NODE_HEIGHT + RANK_GAP;
  const spaced = below > target.position.y ? shiftDown(added.graph, target.id, below - target.position.y) : added.graph;
  return { graph: connect(spaced, added.id, edge.target, port), id: added.id };
}

/**
 * The left edge nearest `x` at which a new layer with its top at `top` overlaps none of `others`:
 * `x` itself when it is free, else beside one of the layers level with it, a gap away.
 */
function freeLeft(others: readonly GraphNode[], x: number, top: number, heights?: ReadonlyMap<string, number>): number {
  const bottom = top + NODE_HEIGHT;
  const level = others.filter((n) => n.position.y < bottom && top < n.position.y + (heights?.get(n.id) ?? NODE_HEIGHT));
  const free = (left: number) => level.every((n) => left + NODE_WIDTH <= n.position.x || n.position.x + NODE_WIDTH <= left);
  // The right of the rightmost layer is always free, so there is a candidate.
  const candidates = [x, ...level.flatMap((n) => [n.position.x - NODE_WIDTH - NODE_GAP, n.position.x + NODE_WIDTH + NODE_GAP])].filter(
    free,
  );
  return candidates.reduce((best, c) => (Math.abs(c - x) < Math.abs(best - x) ? c : best));
}

/** `from` and every layer its output reaches. */
function reachable(graph: Graph, from: string): Set<string> {
  const reach = new Set([from]);
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const e of graph.edges)
      if (e.source === id && !reach.has(e.target)) {
        reach.add(e.target);
        queue.push(e.target);
      }
  }
  return reach;
}

/** Moves `from` and every layer reachable from it down by `dy` (to make room for an inserted layer). */
export function shiftDown(graph: Graph, from: string, dy: number): Graph {
  const reach = reachable(graph, from);
  const positions = new Map<string, XY>();
  for (const n of graph.nodes) if (reach.has(n.id)) positions.set(n.id, { x: n.position.x, y: n.position.y + dy });
  return moveNodes(graph, positions);
}

/** True for a layer that ends a classifier: a Dense or an Activation whose activation is softmax. */
export function isOutputClassifier(node: GraphNode): boolean {
  return (node.kind === 'Dense' || node.kind === 'Activation') && node.params['activation'] === 'softmax';
}

/**
 * Adds a layer "at the end" (palette double-click or Enter with no layer selected); `order` is the
 * analysis's Keras order, whose last layer is the output. When the output is a classifier fed by
 * one connection, the new layer goes before it (into that connection, taking its place, the
 * classifier moving down); otherwise it goes below the output and is connected from it.
 */
export function addAtEnd(
  graph: Graph,
  kind: LayerKindId,
  order: readonly string[],
  heights?: ReadonlyMap<string, number>,
): { graph: Graph; id: string } {
  const lastId = order[order.length - 1];
  const last = lastId === undefined ? undefined : graph.nodes.find((n) => n.id === lastId);
  const into = last ? graph.edges.filter((e) => e.target === last.id) : [];
  if (last && isOutputClassifier(last) && into.length === 1) {
    const inserted = insertOnEdge(graph, kind, into[0]!.id, last.position);
    if (inserted) return inserted;
  }
  const { position, from } = placeBelow(graph, order, heights);
  return addLayer(graph, kind, position, from);
}

/**
 * Adds a layer after layer `after` (palette double-click or Enter with that layer selected): into
 * its one outgoing connection, or below it connected from it when it has none; beside its other
 * branches, as a new one, when it feeds several. A softmax classifier that ends the network stays
 * last: the new layer goes before it, as `addAtEnd` does. No change when `after` does not exist.
 */
export function addAfter(
  graph: Graph,
  kind: LayerKindId,
  after: string,
  heights?: ReadonlyMap<string, number>,
): { graph: Graph; id: string } | undefined {
  const node = graph.nodes.find((n) => n.id === after);
  if (!node) return undefined;
  const out = graph.edges.filter((e) => e.source === after);
  if (out.length === 0 && isOutputClassifier(node)) return addAtEnd(graph, kind, [after], heights);
  const below = { x: node.position.x, y: node.position.y + (heights?.get(after) ?? NODE_HEIGHT) + RANK_GAP };
  if (out.length === 1) return insertOnEdge(graph, kind, out[0]!.id, below);
  if (out.length === 0) return addLayer(graph, kind, below, after);
  const children = graph.nodes.filter((n) => out.some((e) => e.target === n.id));
  const right = Math.max(...children.map((n) => n.position.x)) + NODE_WIDTH + NODE_GAP;
  return addLayer(graph, kind, { x: right, y: below.y }, after);
}

/** Removes nodes (with their connections) and connections. */
export function removeElements(graph: Graph, nodeIds: Iterable<string>, edgeIds: Iterable<string>): Graph {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return graph;
  const keptNodes = graph.nodes.filter((n) => !nodes.has(n.id));
  const keptEdges = graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
  if (keptNodes.length === graph.nodes.length && keptEdges.length === graph.edges.length) return graph;
  return { nodes: keptNodes, edges: keptEdges };
}

/**
 * Deletes nodes and connections, joining the neighbours of each deleted layer that sat in a
 * chain (exactly one connection in and one out): deleting B from A → B → C leaves A → C, and
 * deleting B and C from A → B → C → D leaves A → D. Layers with several inputs or outputs
 * (merges, branches) are removed without joining, since which neighbours to join is unclear.
 */
export function removeAndJoin(graph: Graph, nodeIds: Iterable<string>, edgeIds: Iterable<string>): Graph {
  const removed = new Set(nodeIds);
  const single = (id: string, end: 'source' | 'target'): GraphEdge | undefined => {
    const es = graph.edges.filter((e) => (end === 'target' ? e.target === id : e.source === id));
    return es.length === 1 ? es[0] : undefined;
  };
  // Each join replaces the connection that entered the kept layer, and feeds the same input of a merge.
  const joins: { source: string; target: string; replaces: string }[] = [];
  for (const e of graph.edges) {
    if (removed.has(e.source) || !removed.has(e.target)) continue;
    // Walk down through deleted chain layers until a kept layer is reached.
    let at = e.target;
    let last = e;
    const seen = new Set<string>();
    while (removed.has(at) && !seen.has(at) && single(at, 'target')) {
      seen.add(at);
      const out = single(at, 'source');
      if (!out) break;
      last = out;
      at = out.target;
    }
    if (!removed.has(at)) joins.push({ source: e.source, target: at, replaces: last.id });
  }
  let next = removeElements(graph, removed, edgeIds);
  for (const { source, target, replaces } of joins) {
    if (next.edges.some((e) => e.source === source && e.target === target)) continue;
    const kept = new Set(next.edges.map((e) => e.id));
    const before = inboundEdges(graph, target).map((e) => e.id);
    const index = before.slice(0, before.indexOf(replaces)).filter((id) => kept.has(id)).length;
    next = connect(next, source, target, index);
  }
  return next;
}

/** Moves nodes; nodes not in `positions` keep their object (so analysis can tell nothing else changed). */
export function moveNodes(graph: Graph, positions: ReadonlyMap<string, XY>): Graph {
  let changed = false;
  const nodes = graph.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p || (Math.round(p.x) === n.position.x && Math.round(p.y) === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } };
  });
  return changed ? { nodes, edges: graph.edges } : graph;
}

/** Sets one raw parameter value (undefined removes it, so the Keras default applies). */
export function setParam(graph: Graph, id: string, param: string, value: unknown): Graph {
  return updateNode(graph, id, (n) => {
    if (Object.is(n.params[param], value)) return n;
    const params = { ...n.params };
    if (value === undefined) delete params[param];
    else params[param] = value;
    return { ...n, params };
  });
}

/** Renames a layer; empty names are refused (project files need one). */
export function renameNode(graph: Graph, id: string, name: string): Graph {
  if (name.length === 0) return graph;
  return updateNode(graph, id, (n) => (n.name === name ? n : { ...n, name }));
}

function updateNode(graph: Graph, id: string, f: (n: GraphNode) => GraphNode): Graph {
  let changed = false;
  const nodes = graph.nodes.map((n) => {
    if (n.id !== id) return n;
    const m = f(n);
    if (m !== n) changed = true;
    return m;
  });
  return changed ? { nodes, edges: graph.edges } : graph;
}

/** True when some nodes overlap (at their typical size), as in files laid out for smaller boxes. */
export function hasOverlaps(graph: Graph): boolean {
  const ns = graph.nodes;
  for (let i = 0; i < ns.length; i++) {
    for (let j = i + 1; j < ns.length; j++) {
      const a = ns[i]!.position;
      const b = ns[j]!.position;
      if (Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT + 24) return true;
    }
  }
  return false;
}
