import { describe, expect, it } from 'vitest';
import { findKernel, inOrder, isMerge, kernelSections, mapOfLayer, mapSections, sharedRange } from '../../../src-renderer/inspect/sections';
import type { Inspection } from '../../../src-renderer/inspect/inspect-store';
import type { TensorView } from '../../../src-shared/engine/protocol';

function map(min: number, max: number, channels = 2): TensorView {
  return { shape: [2, 2, channels], data: new Float32Array(4 * channels).fill(min), min, max };
}

const INPUT = map(0, 1, 1);
const A = map(-1, 2);
const B = map(0, 5);
const SUM = map(-1, 6);
const CAT = map(-1, 5, 4);

/** A residual block whose Add takes the skip path first, then a Concatenate of the Input and a conv, as the engine sends them. */
const inspection: Pick<Inspection, 'featureMaps' | 'input' | 'inputLayer' | 'kernels'> = {
  input: INPUT,
  inputLayer: 'input_layer',
  featureMaps: [
    { layer: 'conv_a', kind: 'Conv2D', map: A, inbound: ['input_layer'] },
    { layer: 'skip', kind: 'Conv2D', map: B, inbound: ['input_layer'] },
    { layer: 'add', kind: 'Add', map: SUM, inbound: ['skip', 'conv_a'] },
    { layer: 'cat', kind: 'Concatenate', map: CAT, inbound: ['input_layer', 'add'] },
  ],
  kernels: [
    { layer: 'conv_a', kernel: map(0, 1) },
    { layer: 'sep', kind: 'SeparableConv2D', role: 'depthwise', kernel: map(0, 2) },
    { layer: 'sep', kind: 'SeparableConv2D', role: 'pointwise', kernel: map(0, 3) },
    { layer: 'skip', kind: 'Conv2D', role: 'conv', kernel: map(0, 4) },
  ],
};

describe('the sections of the feature-map viewer', () => {
  it('gives a merge its inputs in port order, numbered from 1, the Input’s image where it feeds the merge', () => {
    const sections = mapSections(inspection);
    expect(sections.map((s) => [s.layer, s.inputs.map((i) => [i.port, i.layer, i.map])])).toEqual([
      ['conv_a', []],
      ['skip', []],
      [
        'add',
        [
          [1, 'skip', B],
          [2, 'conv_a', A],
        ],
      ],
      [
        'cat',
        [
          [1, 'input_layer', INPUT],
          [2, 'add', SUM],
        ],
      ],
    ]);
    expect(mapOfLayer(inspection, 'input_layer')).toBe(INPUT);
    expect(mapOfLayer(inspection, 'nothing')).toBeUndefined();
  });

  it('knows the merges by the registry, and an unknown layer with several inputs as one', () => {
    expect(isMerge('Add', ['a', 'b'])).toBe(true);
    expect(isMerge('Concatenate', undefined)).toBe(true);
    expect(isMerge('Conv2D', ['a'])).toBe(false);
    expect(isMerge('Conv2D', undefined)).toBe(false);
    expect(isMerge('SomeFutureMerge', ['a', 'b'])).toBe(true);
    expect(isMerge('SomeFutureLayer', ['a'])).toBe(false);
  });

  it('follows the analysis’s order when it names every layer, else keeps the engine’s', () => {
    const order = ['input_layer', 'skip', 'conv_a', 'add', 'cat', 'dense'];
    expect(mapSections(inspection, order).map((s) => s.layer)).toEqual(['skip', 'conv_a', 'add', 'cat']);
    // The canvas renamed a layer since training: the trained model's own order stands.
    expect(mapSections(inspection, ['skip', 'add', 'cat', 'renamed']).map((s) => s.layer)).toEqual(['conv_a', 'skip', 'add', 'cat']);
    expect(inOrder([{ layer: 'b' }, { layer: 'a' }], undefined).map((x) => x.layer)).toEqual(['b', 'a']);
  });

  it('lists kernels with their roles in that order, a separable layer’s depthwise kernel before its pointwise one', () => {
    const order = ['input_layer', 'skip', 'sep', 'conv_a'];
    expect(kernelSections(inspection, order).map((k) => [k.layer, k.kind, k.role])).toEqual([
      ['skip', 'Conv2D', 'conv'],
      ['sep', 'SeparableConv2D', 'depthwise'],
      ['sep', 'SeparableConv2D', 'pointwise'],
      ['conv_a', 'Conv2D', 'conv'],
    ]);
    expect(findKernel(inspection, 'sep', 'pointwise')?.max).toBe(3);
    expect(findKernel(inspection, 'sep', 'depthwise')?.max).toBe(2);
    expect(findKernel(inspection, 'conv_a', 'conv')?.max).toBe(1);
    expect(findKernel(inspection, 'sep', 'conv')).toBeUndefined();
  });

  it('draws a merge’s inputs and output on one gray scale spanning them all', () => {
    const [, , add] = mapSections(inspection);
    expect(sharedRange(add!)).toEqual({ min: -1, max: 6 });
    const wide = { ...add!, inputs: [{ port: 1, layer: 'x', map: map(-9, 0) }] };
    expect(sharedRange(wide)).toEqual({ min: -9, max: 6 });
  });
});
