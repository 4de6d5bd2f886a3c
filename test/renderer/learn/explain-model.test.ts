import { describe, expect, it } from 'vitest';
import {
  agrees,
  cellSize,
  channelOf,
  dimsOf,
  firstCovering,
  maxOf,
  patchOf,
  rangeOf,
  startingAt,
  toImage,
  toKernels,
} from '../../../src-renderer/learn/explain-model';

describe('the arithmetic of Explain this layer', () => {
  it('reads [h, w, c] and [h, w] shapes, nothing else', () => {
    expect(dimsOf([4, 5, 3])).toEqual({ h: 4, w: 5, c: 3 });
    expect(dimsOf([4, 5])).toEqual({ h: 4, w: 5, c: 1 });
    expect(dimsOf([10])).toBeNull();
  });

  it('turns flat row-major tensors into the nested arrays the shared arithmetic takes', () => {
    const data = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(toImage({ shape: [2, 2, 2], data }, { h: 2, w: 2, c: 2 })).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    // [kh=1, kw=2, in=2, out=2]
    expect(toKernels({ shape: [1, 2, 2, 2], data })).toEqual([
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
    ]);
    expect(Array.from(channelOf(data, 4, 2, 1))).toEqual([2, 4, 6, 8]);
  });

  it('spans a heat map from at most 0 and never over an empty range', () => {
    expect(rangeOf([2, 5, 3, 9], 2, 0)).toEqual({ min: 0, max: 3 });
    expect(rangeOf([2, 5, 3, 9], 2, 1)).toEqual({ min: 0, max: 9 });
    expect(rangeOf([-1, -1], 1, 0)).toEqual({ min: -1, max: 0 });
    expect(rangeOf([], 1, 0)).toEqual({ min: 0, max: 1 });
  });

  it('sizes cells so a map fits, between 4 and 34 pixels', () => {
    expect(cellSize(28, 28)).toBe(10);
    expect(cellSize(3, 3)).toBe(34);
    expect(cellSize(200, 10)).toBe(4);
  });

  it('a click on an input pixel goes to the first output that covers it (convolution) or starts there (pooling)', () => {
    const conv = { size: 3, stride: 1, before: 0, outputs: 26 };
    expect(firstCovering(0, conv)).toBe(0);
    expect(firstCovering(5, conv)).toBe(3);
    expect(firstCovering(27, conv)).toBe(25);
    const pool = { size: 2, stride: 2, before: 0, outputs: 13 };
    expect(startingAt(5, pool)).toBe(2);
    expect(startingAt(99, pool)).toBe(12);
  });

  it('marks padding as null in a pooling window and finds its first maximum', () => {
    const image = [
      [[4], [3]],
      [[2], [1]],
    ];
    const patch = patchOf(image, 1, 1, 2, 2, 0);
    expect(patch).toEqual([
      [1, null],
      [null, null],
    ]);
    expect(maxOf(patchOf(image, 0, 0, 2, 2, 0), 4)).toEqual([0, 0]);
    expect(maxOf(patch, 7)).toBeNull();
  });

  it('agrees with the engine within float32 rounding, not beyond', () => {
    expect(agrees(0.123456, 0.12345)).toBe(true);
    expect(agrees(1000.4, 1000)).toBe(true);
    expect(agrees(0.2, 0.1)).toBe(false);
  });
});
