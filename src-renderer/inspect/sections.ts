import type { KernelRole, TensorView } from '../../src-shared/engine/protocol';
import { isMergeKind, layerKind } from '../../src-shared/layers/registry';
import type { Inspection } from './inspect-store';
import { roleOf, type Range } from './tensor-image';

/**
 * What the viewer lays out from one inspection: a section per layer with 2D maps, in the order
 * of the network on the canvas, a merge's section holding its inputs beside its output; and a
 * section per learned kernel, each with its role.
 */

/** One input of a merge: its port (1 for the first, as the canvas numbers them), the layer that feeds it, that layer's maps. */
export interface MapInput {
  readonly port: number;
  readonly layer: string;
  readonly map: TensorView;
}

export interface MapSection {
  readonly layer: string;
  readonly kind: string;
  readonly map: TensorView;
  /** A merge's inputs in port order; empty for every other layer. */
  readonly inputs: readonly MapInput[];
}

export interface KernelSection {
  readonly layer: string;
  /** The layer's class, e.g. SeparableConv2D (Conv2D when an older engine did not say). */
  readonly kind: string;
  readonly role: KernelRole;
  readonly kernel: TensorView;
}

type Maps = Pick<Inspection, 'featureMaps' | 'input' | 'inputLayer'>;

/** The maps a layer outputs, or the input image when `layer` is the model's Input. */
export function mapOfLayer(inspection: Maps, layer: string): TensorView | undefined {
  return inspection.featureMaps.find((m) => m.layer === layer)?.map ?? (layer === inspection.inputLayer ? inspection.input : undefined);
}

/** True for Add, Concatenate and the other merges (a layer the registry does not know: when it has several inputs). */
export function isMerge(kind: string, inbound: readonly string[] | undefined): boolean {
  const k = layerKind(kind);
  return k ? isMergeKind(k) : (inbound?.length ?? 0) > 1;
}

/**
 * `items` in the order of `order` (layer names, e.g. the analysis's order) when every item's layer
 * is in it; otherwise as they are: the engine sends them in the trained model's own Keras order,
 * which stays right while the canvas has changed since training.
 */
export function inOrder<T extends { readonly layer: string }>(items: readonly T[], order: readonly string[] | undefined): T[] {
  if (!order) return [...items];
  const at = new Map(order.map((name, i) => [name, i]));
  if (!items.every((x) => at.has(x.layer))) return [...items];
  return [...items].sort((a, b) => at.get(a.layer)! - at.get(b.layer)!);
}

/** The sections of the feature maps, in `order` (see `inOrder`), each merge with its inputs' maps. */
export function mapSections(inspection: Maps, order?: readonly string[]): MapSection[] {
  return inOrder(inspection.featureMaps, order).map((m) => {
    const inputs: MapInput[] = [];
    if (isMerge(m.kind, m.inbound))
      for (const [i, layer] of (m.inbound ?? []).entries()) {
        const map = mapOfLayer(inspection, layer);
        if (map) inputs.push({ port: i + 1, layer, map });
      }
    return { layer: m.layer, kind: m.kind, map: m.map, inputs };
  });
}

/** The sections of the kernels in `order` (a separable layer's depthwise kernel before its pointwise one). */
export function kernelSections(inspection: Pick<Inspection, 'kernels'>, order?: readonly string[]): KernelSection[] {
  return inOrder(inspection.kernels, order).map((k) => ({ layer: k.layer, kind: k.kind ?? 'Conv2D', role: roleOf(k), kernel: k.kernel }));
}

/** The kernel with this layer and role. */
export function findKernel(inspection: Pick<Inspection, 'kernels'>, layer: string, role: KernelRole): TensorView | undefined {
  return inspection.kernels.find((k) => k.layer === layer && roleOf(k) === role)?.kernel;
}

/** One gray scale for a merge's inputs and output, so what was added or joined compares by eye. */
export function sharedRange(section: MapSection): Range {
  let { min, max } = section.map;
  for (const i of section.inputs) {
    min = Math.min(min, i.map.min);
    max = Math.max(max, i.map.max);
  }
  return { min, max };
}
