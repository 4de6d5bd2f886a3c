import { describe, expect, it } from 'vitest';
import type { OnnxNode } from '../../../src-shared/onnx/model-proto';
import { withoutInverseTransposes } from '../../../src-shared/onnx/transpose-pairs';

const transpose = (from: string, to: string, perm: number[]): OnnxNode => ({
  op: 'Transpose',
  name: to,
  inputs: [from],
  outputs: [to],
  attributes: [{ name: 'perm', ints: perm }],
});
const op = (kind: string, from: string, to: string): OnnxNode => ({ op: kind, name: to, inputs: [from], outputs: [to] });
const NCHW = [0, 3, 1, 2];
const NHWC = [0, 2, 3, 1];

describe('withoutInverseTransposes', () => {
  it('drops a Transpose back to NHWC followed by one to NCHW, and rewires the pool to the convolution', () => {
    const nodes = [
      transpose('input', 'a', NCHW),
      op('Conv', 'a', 'b'),
      transpose('b', 'c', NHWC),
      transpose('c', 'd', NCHW),
      op('MaxPool', 'd', 'e'),
      transpose('e', 'f', NHWC),
      op('Identity', 'f', 'output'),
    ];
    const kept = withoutInverseTransposes(nodes);
    expect(kept.map((n) => n.op)).toEqual(['Transpose', 'Conv', 'MaxPool', 'Transpose', 'Identity']);
    expect(kept[2]!.inputs).toEqual(['b']);
  });

  it('keeps both when the first also feeds another layer, or when the second is not its inverse', () => {
    const shared = [transpose('x', 'c', NHWC), transpose('c', 'd', NCHW), op('Relu', 'c', 'r')];
    expect(withoutInverseTransposes(shared)).toHaveLength(3);
    const twice = [transpose('x', 'c', NCHW), transpose('c', 'd', NCHW)];
    expect(withoutInverseTransposes(twice)).toHaveLength(2);
  });
});
