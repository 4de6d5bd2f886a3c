import type { GraphAnalysis, NodeReport } from '../../src-shared/graph/analyze';
import type { Conv2DParams } from '../../src-shared/layers/conv2d';
import type { Inspection } from '../inspect/inspect-store';
import { findKernel, mapOfLayer } from '../inspect/sections';
import type { ExplainTensor } from './explain-model';

/**
 * Where "Explain this layer" takes its numbers from: the trained model's inspection when it fits
 * the layer as it is on the canvas (on any branch: the input is the map of the one node feeding
 * it), else a demo whose input is said for what it is.
 */

export interface TrainedNumbers {
  readonly input: ExplainTensor;
  readonly kernel?: ExplainTensor;
  readonly bias?: Float32Array;
  readonly output?: ExplainTensor;
}

function sameShape(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The node feeding `id` when it has exactly one input (every layer Explain covers has one). */
export function singleInbound(analysis: GraphAnalysis, id: string): NodeReport | undefined {
  const inbound = analysis.nodes.get(id)?.inbound ?? [];
  return inbound.length === 1 ? analysis.nodes.get(inbound[0]!) : undefined;
}

/**
 * The layer's input, kernel, bias and output from an inspection of the trained model: the input is
 * the map of `from`, the node feeding it (the image when that is the Input), wherever it lies in the
 * graph. 'mismatch' when the inspection has numbers that no longer fit the layer; null when it has none.
 */
export function trainedNumbers(
  inspection: Pick<Inspection, 'input' | 'normalizedInput' | 'inputLayer' | 'featureMaps' | 'kernels'>,
  report: NodeReport,
  from: NodeReport | undefined,
): TrainedNumbers | 'mismatch' | null {
  if (!from) return null;
  // The first layer's real input: standardised when the run standardised, not the 0–1 picture.
  const input = from.kind === 'InputLayer' ? (inspection.normalizedInput ?? inspection.input) : mapOfLayer(inspection, from.name);
  const output = inspection.featureMaps.find((m) => m.layer === report.name)?.map;
  if (!input || !sameShape(input.shape, report.inputShape)) return input || output ? 'mismatch' : null;
  if (output && !sameShape(output.shape, report.output?.shape)) return 'mismatch';
  if (report.kind !== 'Conv2D') return { input, ...(output ? { output } : {}) };
  const p = report.params as Conv2DParams;
  const kernel = findKernel(inspection, report.name, 'conv');
  if (!kernel || !sameShape(kernel.shape, [p.kernel_size[0], p.kernel_size[1], report.inputShape![2]!, p.filters])) return 'mismatch';
  const bias = inspection.kernels.find((k) => k.layer === report.name && (k.role ?? 'conv') === 'conv')?.bias?.data;
  return { input, kernel, ...(bias ? { bias } : {}), ...(output ? { output } : {}) };
}

/** The node ids from the Input down to the one before `id`, when each step has a single input; undefined past a merge. */
export function pathFromInput(analysis: GraphAnalysis, id: string): string[] | undefined {
  const path: string[] = [];
  let inbound = analysis.nodes.get(id)?.inbound ?? [];
  while (inbound.length === 1 && path.length < analysis.nodes.size) {
    const from = analysis.nodes.get(inbound[0]!);
    if (!from) return undefined;
    path.unshift(from.id);
    if (from.kind === 'InputLayer') return path;
    inbound = from.inbound;
  }
  return undefined;
}

/**
 * What a demo can feed the layer: the synthetic sample itself (it follows the Input), that sample
 * along `path` through the layers before, or only synthetic maps; then `merge` names the nearest
 * merge behind the layer, whose branches the demo does not compute.
 */
export type DemoInput =
  | { readonly kind: 'sample' }
  | { readonly kind: 'propagate'; readonly path: readonly string[] }
  | { readonly kind: 'maps'; readonly merge?: string };

export function demoInput(analysis: GraphAnalysis, id: string): DemoInput {
  const from = singleInbound(analysis, id);
  if (!from || from.kind === 'InputLayer') return { kind: 'sample' };
  const path = pathFromInput(analysis, id);
  if (path) return { kind: 'propagate', path };
  // Walk back along single inputs to the node that has several: the merge.
  let at: NodeReport | undefined = from;
  for (let steps = 0; at && steps < analysis.nodes.size; steps++) {
    if (at.inbound.length > 1) return { kind: 'maps', merge: at.name };
    at = at.inbound.length === 1 ? analysis.nodes.get(at.inbound[0]!) : undefined;
  }
  return { kind: 'maps' };
}
