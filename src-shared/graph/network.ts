import type { LayerKindId, Shape } from '../layers/types';
import type { Graph } from './schema';
import type { GraphIssue } from './issues';
import { analyzeGraph, type GraphAnalysis } from './analyze';
import { nextLayerName } from './names';

/** A layer of a validated network, with parameters after validation and defaults, and what feeds it. */
export interface NetworkLayer {
  readonly id: string;
  readonly name: string;
  readonly kind: Exclude<LayerKindId, 'InputLayer'>;
  readonly params: unknown;
  /** Names of the layers (or the Input) feeding this one, in port order. */
  readonly inbound: readonly string[];
  /** The shapes it receives, in port order, without the batch dimension. */
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
}

/** A valid graph seen as Keras sees it: one Input, layers in Keras's order, one output. */
export interface Network {
  readonly name: string;
  readonly input: { readonly name: string; readonly shape: Shape };
  /** Every layer but the Input, in Keras's order; the last is the output. */
  readonly layers: readonly NetworkLayer[];
  /** True when each layer is fed by the one before it alone: Keras's Sequential model. */
  readonly chain: boolean;
}

/** A layer as an importer reads it, before validation; `inbound` names its inputs (absent: the layer before it). */
export interface RawLayer {
  readonly kind: LayerKindId;
  readonly name?: string;
  readonly params: Record<string, unknown>;
  readonly inbound?: readonly string[];
}

export type NetworkResult =
  | { readonly ok: true; readonly model: Network; readonly analysis: GraphAnalysis }
  | { readonly ok: false; readonly issues: readonly GraphIssue[]; readonly analysis: GraphAnalysis };

/** Keras's default model names: "sequential" for a chain, "functional" otherwise. */
export function defaultModelName(chain: boolean): string {
  return chain ? 'sequential' : 'functional';
}

/** Turns a graph into a network in Keras's layer order, or returns why it cannot be one. */
export function toNetwork(graph: Graph, name?: string): NetworkResult {
  const analysis = analyzeGraph(graph);
  if (!analysis.valid) return { ok: false, issues: analysis.issues, analysis };
  return { ok: true, model: networkOf(analysis, name), analysis };
}

/** The network of a valid analysis. */
export function networkOf(analysis: GraphAnalysis, name?: string): Network {
  const [inputId, ...rest] = analysis.order;
  const input = analysis.nodes.get(inputId!)!;
  const nameOf = (id: string) => analysis.nodes.get(id)!.name;
  const layers = rest.map((id): NetworkLayer => {
    const r = analysis.nodes.get(id)!;
    return {
      id,
      name: r.name,
      kind: r.kind as NetworkLayer['kind'],
      params: r.params,
      inbound: r.inbound.map(nameOf),
      inputShapes: r.inputShapes!,
      outputShape: r.output!.shape,
    };
  });
  const chain = analysis.chain.length === analysis.order.length;
  return { name: name ?? defaultModelName(chain), input: { name: input.name, shape: input.output!.shape }, layers, chain };
}

const SPACING = 110;

/**
 * Lays layers out on the canvas, Input first: each is connected to the layers its `inbound` names,
 * or to the layer before it when it names none. A chain comes out as a vertical column.
 */
export function graphFromLayers(layers: readonly RawLayer[]): Graph {
  const taken = new Set<string>();
  const idOf = new Map<string, string>();
  const nodes = layers.map((layer, i) => {
    const name = layer.name ?? nextLayerName(layer.kind, taken);
    taken.add(name);
    const id = `n${i + 1}`;
    if (!idOf.has(name)) idOf.set(name, id);
    return { id, kind: layer.kind, name, params: layer.params, position: { x: 0, y: i * SPACING } };
  });
  const edges: Graph['edges'] = [];
  layers.forEach((layer, i) => {
    if (layer.kind === 'InputLayer' || (i === 0 && !layer.inbound)) return;
    const target = nodes[i]!.id;
    const sources = layer.inbound ? layer.inbound.map((n) => idOf.get(n)) : [nodes[i - 1]!.id];
    const many = sources.length > 1;
    sources.forEach((source, port) => {
      if (source === undefined) return;
      edges.push({ id: `e${edges.length + 1}`, source, target, ...(many ? { port } : {}) });
    });
  });
  return { nodes, edges };
}
