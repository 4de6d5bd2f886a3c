import { describe, expect, it } from 'vitest';
import { graphFromLayers } from '../../../src-shared/graph/sequential';
import { trainabilityOf } from '../../../src-renderer/training/trainability';

describe('whether the network on the canvas can train, before Train is pressed', () => {
  it('refuses a valid network whose output is (None, 28, 28, 100), saying it is the output shape', () => {
    const graph = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
      { kind: 'Dense', params: { units: 100, activation: 'relu' } },
    ]);
    expect(trainabilityOf(graph)).toEqual({
      ok: false,
      kind: 'incompatible',
      problem: { code: 'wrong-output', values: { node: 'dense', classes: 10, shape: '(None, 28, 28, 100)' } },
    });
  });

  it('accepts a network ending in Dense(10) after Flatten, and counts the problems of an invalid one', () => {
    const ok = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]);
    expect(trainabilityOf(ok)).toEqual({ ok: true });
    const invalid = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
      { kind: 'Conv2D', params: { filters: 0, kernel_size: [3, 3] } },
    ]);
    expect(trainabilityOf(invalid)).toMatchObject({ ok: false, kind: 'invalid', problems: 1 });
  });

  it('is the same object for the same graph (memoised per structural change)', () => {
    const graph = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [784] } },
      { kind: 'Dense', params: { units: 10 } },
    ]);
    expect(trainabilityOf(graph)).toBe(trainabilityOf(graph));
  });
});
