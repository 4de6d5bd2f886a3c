// Turns the project's graph and its analysis into React Flow nodes and edges, reusing unchanged objects.
import type { Edge, Node } from '@xyflow/react';
import type { Graph, GraphNode } from '../../src-shared/graph/schema';
import type { GraphAnalysis, NodeReport } from '../../src-shared/graph/analyze';
import { layerKind } from '../../src-shared/layers/registry';
import { formatShape } from '../../src-shared/layers/format';
import type { DescriptionPart, LayerGroup, LayerKindId } from '../../src-shared/layers/types';
import type { Selection } from '../store/project-store';
import type { GraphIssue } from '../../src-shared/graph/issues';
import { issuesOfNode } from '../store/analysis';
import { NODE_HEIGHT, NODE_WIDTH } from '../store/graph-edit';
import { inboundEdges, inputAnchor, isMergeNode } from '../store/ports';
import { boxIndex, detourAround, type Box, type Detour } from './detour';

/** What a layer node shows; plain data only (no callbacks), as React Flow recommends. */
export interface LayerNodeData extends Record<string, unknown> {
  readonly kind: LayerKindId;
  readonly name: string;
  readonly group: LayerGroup;
  /** The kind's short description of its settings (worded "10 × 3×3, same, relu"); null while params are invalid. */
  readonly description: readonly DescriptionPart[] | null;
  /** "(None, 28, 28, 10)", or null when the shape cannot be known. */
  readonly shape: string | null;
  readonly params: number | null;
  /** The validation issues of this layer (the node words them in the user's language). */
  readonly problems: readonly GraphIssue[];
  /** True for a layer that joins several inputs: it shows one numbered input point per connection and a free one. */
  readonly merge: boolean;
  /** How many connections come in and go out. */
  readonly inputs: number;
  readonly outputs: number;
}

export interface ShapeEdgeData extends Record<string, unknown> {
  readonly shape: string | null;
  readonly sourceName: string;
  readonly targetName: string;
  readonly problem: GraphIssue | null;
  /** Into a merge: which of its inputs this connection feeds, counted from 1; null into a one-input layer. */
  readonly port: number | null;
  /** The lane beside the layers the straight way would cross, or null when it is clear. */
  readonly detour: Detour | null;
}

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;
export type ShapeFlowEdge = Edge<ShapeEdgeData, 'shape'>;

export interface Size {
  readonly width: number;
  readonly height: number;
}

function describe(node: GraphNode, report: NodeReport | undefined): readonly DescriptionPart[] | null {
  if (report?.params === undefined) return null;
  try {
    return layerKind(node.kind)?.describe(report.params) ?? null;
  } catch {
    return null;
  }
}

interface Degree {
  readonly inputs: number;
  readonly outputs: number;
}

function nodeData(node: GraphNode, report: NodeReport | undefined, issues: readonly GraphIssue[], degree: Degree): LayerNodeData {
  const pc = report?.paramCount;
  return {
    kind: node.kind,
    name: node.name,
    group: layerKind(node.kind)?.group ?? 'Core',
    description: describe(node, report),
    shape: report?.output ? formatShape(report.output.shape) : null,
    params: pc ? pc.trainable.value + pc.nonTrainable.value : null,
    problems: issues,
    merge: isMergeNode(node),
    inputs: degree.inputs,
    outputs: degree.outputs,
  };
}

function sameData(a: LayerNodeData, b: LayerNodeData): boolean {
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    a.group === b.group &&
    sameJson(a.description, b.description) &&
    a.shape === b.shape &&
    a.params === b.params &&
    a.merge === b.merge &&
    a.inputs === b.inputs &&
    a.outputs === b.outputs &&
    sameJson(a.problems, b.problems)
  );
}

/** Codes with their values are plain data: equal when their JSON is (each analysis makes new objects). */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameEdgeData(a: ShapeEdgeData, b: ShapeEdgeData): boolean {
  return (
    a.shape === b.shape &&
    a.sourceName === b.sourceName &&
    a.targetName === b.targetName &&
    a.port === b.port &&
    sameJson(a.detour, b.detour) &&
    sameJson(a.problem, b.problem)
  );
}

/**
 * A builder with memory: node and edge objects whose content did not change are returned as the
 * same objects, so React Flow and the memoised node components skip them.
 */
export function createFlowModel() {
  let nodeCache = new Map<string, LayerFlowNode>();
  let edgeCache = new Map<string, ShapeFlowEdge>();

  return function build(
    graph: Graph,
    analysis: GraphAnalysis,
    selection: Selection,
    measured: ReadonlyMap<string, Size>,
  ): { nodes: LayerFlowNode[]; edges: ShapeFlowEdge[] } {
    const selectedNodes = new Set(selection.nodes);
    const selectedEdges = new Set(selection.edges);
    const nextNodes = new Map<string, LayerFlowNode>();
    const degree = new Map<string, { inputs: number; outputs: number }>(graph.nodes.map((n) => [n.id, { inputs: 0, outputs: 0 }]));
    for (const e of graph.edges) {
      const s = degree.get(e.source);
      const t = degree.get(e.target);
      if (s) s.outputs++;
      if (t) t.inputs++;
    }
    const nodes = graph.nodes.map((n) => {
      const data = nodeData(n, analysis.nodes.get(n.id), issuesOfNode(analysis, n.id), degree.get(n.id)!);
      const selected = selectedNodes.has(n.id);
      const size = measured.get(n.id);
      const prev = nodeCache.get(n.id);
      const reuse =
        prev &&
        prev.position.x === n.position.x &&
        prev.position.y === n.position.y &&
        prev.selected === selected &&
        prev.measured?.width === size?.width &&
        prev.measured?.height === size?.height &&
        sameData(prev.data, data);
      const node: LayerFlowNode = reuse
        ? prev
        : {
            id: n.id,
            type: 'layer',
            position: n.position,
            data: prev && sameData(prev.data, data) ? prev.data : data,
            selected,
            ...(size ? { measured: size } : {}),
          };
      nextNodes.set(n.id, node);
      return node;
    });

    const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
    const edgeProblems = new Map<string, GraphIssue>();
    for (const issue of analysis.issues)
      if ('edge' in issue.target && !edgeProblems.has(issue.target.edge)) edgeProblems.set(issue.target.edge, issue);
    const boxes = new Map<string, Box>(
      graph.nodes.map((n) => {
        const size = measured.get(n.id);
        return [n.id, { id: n.id, ...n.position, width: size?.width ?? NODE_WIDTH, height: size?.height ?? NODE_HEIGHT }];
      }),
    );
    const near = boxIndex([...boxes.values()]);
    // Each merge's connections in input order: the input they feed decides where they meet it.
    const ports = new Map<string, number>();
    const merges = new Set<string>();
    for (const n of graph.nodes) {
      if (!nextNodes.get(n.id)?.data.merge) continue;
      merges.add(n.id);
      inboundEdges(graph, n.id).forEach((e, i) => ports.set(e.id, i));
    }
    const nextEdges = new Map<string, ShapeFlowEdge>();
    const edges = graph.edges.map((e) => {
      const out = analysis.nodes.get(e.source)?.output;
      const port = ports.get(e.id);
      const from = boxes.get(e.source);
      const to = boxes.get(e.target);
      const merge = merges.has(e.target);
      let detour: Detour | null = null;
      if (from && to) {
        const a = { x: from.x + from.width / 2, y: from.y + from.height };
        const b = { x: to.x + to.width * inputAnchor(port ?? 0, degree.get(e.target)!.inputs, merge), y: to.y };
        detour = detourAround(a, b, near(a.y, b.y), [e.source, e.target]);
      }
      const data: ShapeEdgeData = {
        shape: out ? formatShape(out.shape) : null,
        sourceName: names.get(e.source) ?? e.source,
        targetName: names.get(e.target) ?? e.target,
        problem: edgeProblems.get(e.id) ?? null,
        port: port === undefined ? null : port + 1,
        detour,
      };
      const targetHandle = port === undefined ? 'in' : `in-${port}`;
      const selected = selectedEdges.has(e.id);
      const prev = edgeCache.get(e.id);
      const edge: ShapeFlowEdge =
        prev &&
        prev.source === e.source &&
        prev.target === e.target &&
        prev.targetHandle === targetHandle &&
        prev.selected === selected &&
        sameEdgeData(prev.data!, data)
          ? prev
          : {
              id: e.id,
              type: 'shape',
              source: e.source,
              target: e.target,
              sourceHandle: 'out',
              targetHandle,
              data,
              selected,
              ...(data.problem ? { className: 'has-error' } : {}),
            };
      nextEdges.set(e.id, edge);
      return edge;
    });

    nodeCache = nextNodes;
    edgeCache = nextEdges;
    return { nodes, edges };
  };
}
