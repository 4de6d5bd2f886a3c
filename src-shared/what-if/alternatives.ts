/**
 * The alternatives worth weighing for a layer, by kind: the other padding, strides 1 and 2,
 * kernels 3 and 5, half and twice the filters or units, the other pooling, and Dropout taken out
 * or put in. Only settings that differ from the layer's own are offered.
 */
import type { Coded } from '../i18n/coded';
import type { GraphAnalysis } from '../graph/analyze';
import { nextLayerName } from '../graph/names';
import type { Graph, GraphNode } from '../graph/schema';
import { layerKind } from '../layers/registry';
import type { LayerKindId } from '../layers/types';
import { nextFreeId, type WhatIfEdit } from './edit';

type PoolingKind = 'MaxPooling2D' | 'AveragePooling2D';

/** The values of each alternative's words, by code. */
export type AlternativeValues = {
  readonly padding: { readonly padding: 'valid' | 'same' };
  readonly strides: { readonly n: number };
  readonly kernel: { readonly n: number };
  readonly filters: { readonly from: number; readonly to: number };
  readonly units: { readonly from: number; readonly to: number };
  readonly pooling: { readonly kind: PoolingKind };
  /** Take this Dropout layer out. */
  readonly 'dropout-off': { readonly rate: number };
  /** Put a Dropout layer with this rate after the layer. */
  readonly 'dropout-on': { readonly rate: number };
};

/** One alternative: what it is (a code with values), a stable id, and the edit that makes it. */
export type Alternative = Coded<AlternativeValues> & { readonly id: string; readonly edit: WhatIfEdit };

/** The rate of a Dropout put in by "dropout on": the lecture's and the palette's. */
export const ADDED_DROPOUT_RATE = 0.5;

const CONVOLUTIONS = new Set<LayerKindId>(['Conv2D', 'SeparableConv2D', 'DepthwiseConv2D', 'Conv2DTranspose']);
const POOLINGS = new Set<LayerKindId>(['MaxPooling2D', 'AveragePooling2D']);
/** Where the lecture puts a Dropout: after pooling, after flattening, between Dense layers. */
const DROPOUT_AFTER = new Set<LayerKindId>([
  'MaxPooling2D',
  'AveragePooling2D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'Flatten',
  'Dense',
]);

/** The parsed settings the alternatives read; each kind's schema has already checked them. */
interface Settings {
  readonly padding?: 'valid' | 'same';
  readonly strides?: readonly [number, number];
  readonly kernel_size?: readonly [number, number];
  readonly filters?: number;
  readonly units?: number;
  readonly rate?: number;
}

const isPair = (p: readonly [number, number] | undefined, n: number) => p !== undefined && p[0] === n && p[1] === n;

/** Half of a count, at least 1 and rounded as a person would (5 → 3). */
const half = (n: number) => Math.max(1, Math.round(n / 2));

/** The alternatives for layer `nodeId` of a graph and its analysis; none for a layer whose settings are refused. */
export function alternativesOf(graph: Graph, analysis: GraphAnalysis, nodeId: string): Alternative[] {
  const node = graph.nodes.find((n) => n.id === nodeId);
  const settings = analysis.nodes.get(nodeId)?.params as Settings | undefined;
  if (!node || settings === undefined) return [];
  const out: Alternative[] = [];
  const set = (params: Record<string, unknown>): WhatIfEdit => ({ type: 'set-params', node: nodeId, params });
  const spatial = CONVOLUTIONS.has(node.kind) || POOLINGS.has(node.kind);
  if (POOLINGS.has(node.kind)) {
    const kind: PoolingKind = node.kind === 'MaxPooling2D' ? 'AveragePooling2D' : 'MaxPooling2D';
    out.push({ code: 'pooling', values: { kind }, id: `pooling-${kind}`, edit: swapKind(graph, node, kind) });
  }
  if (spatial && settings.padding !== undefined) {
    const padding = settings.padding === 'valid' ? 'same' : 'valid';
    out.push({ code: 'padding', values: { padding }, id: `padding-${padding}`, edit: set({ padding }) });
  }
  if (spatial) {
    for (const n of [1, 2])
      if (!isPair(settings.strides, n)) out.push({ code: 'strides', values: { n }, id: `strides-${n}`, edit: set({ strides: [n, n] }) });
  }
  if (CONVOLUTIONS.has(node.kind)) {
    for (const n of [3, 5])
      if (!isPair(settings.kernel_size, n))
        out.push({ code: 'kernel', values: { n }, id: `kernel-${n}`, edit: set({ kernel_size: [n, n] }) });
  }
  for (const param of ['filters', 'units'] as const) {
    const from = settings[param];
    if (from === undefined) continue;
    for (const to of [half(from), from * 2])
      if (to !== from) out.push({ code: param, values: { from, to }, id: `${param}-${to}`, edit: set({ [param]: to }) });
  }
  if (node.kind === 'Dropout') {
    out.push({
      code: 'dropout-off',
      values: { rate: settings.rate ?? 0 },
      id: 'dropout-off',
      edit: { type: 'remove-layer', node: nodeId },
    });
  }
  const targets = graph.edges.filter((e) => e.source === nodeId).map((e) => graph.nodes.find((n) => n.id === e.target));
  if (DROPOUT_AFTER.has(node.kind) && targets.length > 0 && targets.every((t) => t !== undefined && t.kind !== 'Dropout')) {
    const edit: WhatIfEdit = {
      type: 'insert-after',
      node: nodeId,
      layer: {
        id: nextFreeId('n', graph.nodes),
        kind: 'Dropout',
        name: nextLayerName(
          'Dropout',
          graph.nodes.map((n) => n.name),
        ),
        params: { rate: ADDED_DROPOUT_RATE },
      },
      edge: nextFreeId('e', graph.edges),
    };
    out.push({ code: 'dropout-on', values: { rate: ADDED_DROPOUT_RATE }, id: 'dropout-on', edit });
  }
  return out;
}

/** The other pooling kind with the same settings; a name that was the old kind's automatic one follows the new kind. */
function swapKind(graph: Graph, node: GraphNode, kind: PoolingKind): WhatIfEdit {
  const prefix = layerKind(node.kind)?.namePrefix ?? '';
  const automatic = new RegExp(`^${prefix}(_\\d+)?$`).test(node.name);
  const name = automatic
    ? nextLayerName(
        kind,
        graph.nodes.map((n) => n.name),
      )
    : node.name;
  return { type: 'swap-kind', node: node.id, kind, name };
}
