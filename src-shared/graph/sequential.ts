import type { LayerKindId, Shape } from '../layers/types';
import type { Graph } from './schema';
import type { GraphIssue } from './issues';
import { analyzeGraph, type GraphAnalysis } from './analyze';
import { nextLayerName } from './names';

/** A layer of a validated chain, with parameters after validation and defaults. */
export interface SequentialLayer {
  readonly id: string;
  readonly name: string;
  readonly kind: Exclude<LayerKindId, 'InputLayer'>;
  readonly params: unknown;
}

/** A valid graph seen as Keras sees it: a Sequential model. */
export interface SequentialModel {
  readonly name: string;
  readonly input: { readonly name: string; readonly shape: Shape };
  readonly layers: readonly SequentialLayer[];
}

/** A layer as an importer reads it, before validation. */
export interface RawLayer {
  readonly kind: LayerKindId;
  readonly name?: string;
  readonly params: Record<string, unknown>;
}

export type SequentialResult =
  | { readonly ok: true; readonly model: SequentialModel; readonly analysis: GraphAnalysis }
  | { readonly ok: false; readonly issues: readonly GraphIssue[]; readonly analysis: GraphAnalysis };

/** Turns a graph into a Sequential model, or returns why it cannot be one. */
export function toSequential(graph: Graph, name = 'sequential'): SequentialResult {
  const analysis = analyzeGraph(graph);
  if (!analysis.valid) return { ok: false, issues: analysis.issues, analysis };
  const [inputId, ...rest] = analysis.chain;
  const input = analysis.nodes.get(inputId!)!;
  const layers = rest.map((id) => {
    const r = analysis.nodes.get(id)!;
    return { id, name: r.name, kind: r.kind as SequentialLayer['kind'], params: r.params };
  });
  return { ok: true, model: { name, input: { name: input.name, shape: input.output!.shape }, layers }, analysis };
}

const SPACING = 110;

/** Lays a list of layers out as a vertical chain on the canvas, Input first. */
export function graphFromLayers(layers: readonly RawLayer[]): Graph {
  const taken = new Set<string>();
  const nodes = layers.map((layer, i) => {
    const name = layer.name ?? nextLayerName(layer.kind, taken);
    taken.add(name);
    return { id: `n${i + 1}`, kind: layer.kind, name, params: layer.params, position: { x: 0, y: i * SPACING } };
  });
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i + 1}`, source: nodes[i]!.id, target: node.id }));
  return { nodes, edges };
}
