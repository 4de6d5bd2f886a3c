/**
 * The graph edits a what-if alternative makes, as data: the inspector applies exactly the edit
 * whose outcome it showed, and the property test applies it to check the prediction.
 */
import type { LayerKindId } from '../layers/types';
import type { Graph, GraphEdge, GraphNode } from '../graph/schema';

/** Where an inserted layer goes relative to the layer it follows: one typical node height and a gap below. */
const INSERT_BELOW = 128;

/** One what-if edit of a graph; `applyWhatIfEdit` makes it. */
export type WhatIfEdit =
  /** Raw settings written over the layer's own (what the user would type in the inspector). */
  | { readonly type: 'set-params'; readonly node: string; readonly params: Readonly<Record<string, unknown>> }
  /** Another kind with the same settings (max ↔ average pooling), renamed when its name was the old kind's automatic one. */
  | { readonly type: 'swap-kind'; readonly node: string; readonly kind: LayerKindId; readonly name: string }
  /** The layer goes; its input then feeds every layer it fed, at the same merge input. */
  | { readonly type: 'remove-layer'; readonly node: string }
  /** A new layer takes over every outgoing connection of `node` and is fed by it alone. */
  | {
      readonly type: 'insert-after';
      readonly node: string;
      readonly layer: Pick<GraphNode, 'id' | 'kind' | 'name' | 'params'>;
      /** The id of the new connection from `node` to the new layer. */
      readonly edge: string;
    };

/** The next free id with a prefix (n1, n2, … / e1, e2, …), as the canvas numbers them. */
export function nextFreeId(prefix: string, taken: readonly { readonly id: string }[]): string {
  const re = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const { id } of taken) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}

/** The graph after `edit`; the same graph when the layer it names is gone. */
export function applyWhatIfEdit(graph: Graph, edit: WhatIfEdit): Graph {
  const node = graph.nodes.find((n) => n.id === edit.node);
  if (!node) return graph;
  const replaceNode = (next: GraphNode): GraphNode[] => graph.nodes.map((n) => (n === node ? next : n));
  switch (edit.type) {
    case 'set-params':
      return { nodes: replaceNode({ ...node, params: { ...node.params, ...edit.params } }), edges: graph.edges };
    case 'swap-kind':
      return { nodes: replaceNode({ ...node, kind: edit.kind, name: edit.name }), edges: graph.edges };
    case 'remove-layer':
      return removeLayer(graph, node);
    case 'insert-after': {
      const layer: GraphNode = { ...edit.layer, position: { x: node.position.x, y: node.position.y + INSERT_BELOW } };
      const edges = graph.edges.map((e) => (e.source === node.id ? { ...e, source: layer.id } : e));
      return { nodes: [...graph.nodes, layer], edges: [...edges, { id: edit.edge, source: node.id, target: layer.id }] };
    }
  }
}

/** Removes a one-input layer and joins its input to what it fed; a connection that already exists is not doubled. */
function removeLayer(graph: Graph, node: GraphNode): Graph {
  const from = graph.edges.find((e) => e.target === node.id)?.source;
  const edges: GraphEdge[] = [];
  for (const e of graph.edges) {
    if (e.target === node.id) continue;
    if (e.source !== node.id) edges.push(e);
    else if (from !== undefined && !graph.edges.some((o) => o.source === from && o.target === e.target)) edges.push({ ...e, source: from });
  }
  return { nodes: graph.nodes.filter((n) => n !== node), edges };
}
