import { describe, expect, it } from 'vitest';
import { newLayerParams } from '../../../src-renderer/store/new-layer';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { graphFromLayers } from '../../../src-shared/graph/network';
import { summarize } from '../../../src-shared/summary/summary';

const conv10 = { kind: 'Conv2D', params: newLayerParams('Conv2D') } as const;

/** The output shape of `kind` fresh from the palette, dropped after a 28×28×1 input and the layers before it. */
function shapeAfter(kind: 'DepthwiseConv2D' | 'SeparableConv2D' | 'Conv2DTranspose', before: readonly (typeof conv10)[]) {
  const a = analyzeGraph(
    graphFromLayers([{ kind: 'InputLayer', params: newLayerParams('InputLayer') }, ...before, { kind, params: newLayerParams(kind) }]),
  );
  expect(a.issues).toEqual([]);
  return summarize(a)!.layers.at(-1)!.outputShape;
}

describe('a convolution fresh from the palette', () => {
  it('is valid at once after a 28×28×1 input and after the 10-filter Conv2D', () => {
    expect(shapeAfter('DepthwiseConv2D', [])).toEqual([null, 28, 28, 1]);
    expect(shapeAfter('DepthwiseConv2D', [conv10])).toEqual([null, 28, 28, 10]);
    expect(shapeAfter('SeparableConv2D', [])).toEqual([null, 28, 28, 10]);
    expect(shapeAfter('SeparableConv2D', [conv10])).toEqual([null, 28, 28, 10]);
    // The usual upsampling step doubles the grid.
    expect(shapeAfter('Conv2DTranspose', [])).toEqual([null, 56, 56, 10]);
    expect(shapeAfter('Conv2DTranspose', [conv10])).toEqual([null, 56, 56, 10]);
  });
});
