import { describe, expect, it } from 'vitest';
import { axisPadding, conv1d, conv2d, conv2dPlain, window1d, window2d } from '../../../src-shared/learn/convolution';
import { pool2d, poolWindow } from '../../../src-shared/learn/pooling';

// The lecture's 1-D example; expected values are SciPy's (np.convolve / np.correlate).
const x = [2, 8, 3, 7, 1, 2, 0, 4, 5];
const w = [2, 1, 5, 3];

describe('1-D convolution and cross-correlation (SciPy values)', () => {
  it('convolve valid', () => expect(conv1d(x, w, { op: 'convolve', padding: 'valid' })).toEqual([63, 48, 49, 28, 21, 20]));
  it('correlate valid', () => expect(conv1d(x, w, { op: 'correlate', padding: 'valid' })).toEqual([48, 57, 24, 25, 16, 39]));
  it('correlate full', () =>
    expect(conv1d(x, w, { op: 'correlate', padding: 'full' })).toEqual([6, 34, 51, 48, 57, 24, 25, 16, 39, 29, 13, 10]));
  it('correlate same', () => expect(conv1d(x, w, { op: 'correlate', padding: 'same' })).toEqual([34, 51, 48, 57, 24, 25, 16, 39, 29]));

  it('explains an output as its window: flipped kernel, products and sum', () => {
    const first = window1d(x, w, { op: 'convolve', padding: 'valid' }, 0);
    expect(first.weights).toEqual([3, 5, 1, 2]);
    expect(first.products).toEqual([6, 40, 3, 14]);
    expect(first.sum).toBe(63);
    const padded = window1d(x, w, { op: 'correlate', padding: 'full' }, 0);
    expect(padded.positions).toEqual([-1, -1, -1, 0]);
    expect(padded.sum).toBe(6);
  });

  it('fills in the output-size formula (N − F) / stride + 1', () => {
    expect(axisPadding(9, 4, 'valid', 1).formula).toBe('(N − F) / stride + 1 = floor((9 − 4) / 1) + 1 = 6');
    expect(axisPadding(7, 3, 'valid', 2).outLength).toBe(3);
    expect(conv1d([1, 2, 3, 4, 5, 6, 7], [1, 1, 1], { op: 'correlate', padding: 'valid', stride: 2 })).toEqual([6, 12, 18]);
  });
});

describe('2-D convolution', () => {
  const image = [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ];
  const ones = [
    [1, 1],
    [1, 1],
  ];

  it("Keras 'same' puts the extra padding at the bottom and right (the lecture's example)", () => {
    expect(conv2dPlain(image, ones, { op: 'correlate', padding: 'same', sameStyle: 'keras' })).toEqual([
      [12, 16, 9],
      [24, 28, 15],
      [15, 17, 9],
    ]);
    expect(axisPadding(3, 2, 'same', 1, 'keras')).toMatchObject({ before: 0, after: 1 });
  });

  it("SciPy 'same' centres on the full result, so the extra padding goes top and left", () => {
    // scipy.signal.correlate2d(image, ones, 'same')
    expect(conv2dPlain(image, ones, { op: 'correlate', padding: 'same', sameStyle: 'scipy' })).toEqual([
      [1, 3, 5],
      [5, 12, 16],
      [11, 24, 28],
    ]);
  });

  const grid5 = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => r * 5 + c + 1));
  const ones3 = [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ];

  it('valid with stride 2 sums the 3×3 blocks at every other position', () => {
    expect(conv2dPlain(grid5, ones3, { op: 'correlate', padding: 'valid', strides: [2, 2] })).toEqual([
      [63, 81],
      [153, 171],
    ]);
  });

  it("Keras 'same' with stride 2: ceil(5 / 2) = 3 and one zero on each side", () => {
    expect(conv2dPlain(grid5, ones3, { op: 'correlate', padding: 'same', sameStyle: 'keras', strides: [2, 2] })).toEqual([
      [16, 33, 28],
      [69, 117, 87],
      [76, 123, 88],
    ]);
  });

  it('full padding and true convolution flip the kernel in both axes', () => {
    const k = [
      [1, 2],
      [3, 4],
    ];
    // Convolution = correlation with the kernel rotated by 180°.
    expect(conv2dPlain(image, k, { op: 'convolve', padding: 'valid' })).toEqual(
      conv2dPlain(
        image,
        [
          [4, 3],
          [2, 1],
        ],
        { op: 'correlate', padding: 'valid' },
      ),
    );
    expect(conv2dPlain([[1]], k, { op: 'convolve', padding: 'full' })).toEqual(k);
  });

  it("sums over channels, one output per filter, plus each filter's bias", () => {
    const img = [
      [
        [1, 10],
        [2, 20],
      ],
      [
        [3, 30],
        [4, 40],
      ],
    ];
    // kernels[kh][kw][channel][filter]: filter 0 = all ones, filter 1 = ones on channel 0 only.
    const kernels = Array.from({ length: 2 }, () =>
      Array.from({ length: 2 }, () => [
        [1, 1],
        [1, 0],
      ]),
    );
    expect(conv2d(img, kernels, { op: 'correlate', padding: 'valid', bias: [1, -1] })).toEqual([[[111, 9]]]);
    const win = window2d(img, kernels, { op: 'correlate', padding: 'valid', bias: [1, -1] }, 0, 0, 0);
    expect(win.channels.map((c) => c.sum)).toEqual([10, 100]);
    expect(win.bias).toBe(1);
    expect(win.sum).toBe(111);
  });

  it('refuses kernels whose channels do not match the image', () => {
    expect(() => conv2d([[[1, 2]]], [[[[1]]]], { op: 'correlate', padding: 'valid' })).toThrow(/channel/);
  });
});

describe('pooling (TensorFlow rules)', () => {
  const grid4 = [
    Array.from({ length: 4 }, (_, c) => [c + 1]),
    Array.from({ length: 4 }, (_, c) => [c + 5]),
    Array.from({ length: 4 }, (_, c) => [c + 9]),
    Array.from({ length: 4 }, (_, c) => [c + 13]),
  ];
  const grid5 = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => [r * 5 + c + 1]));

  it('max and average 2×2, valid', () => {
    expect(pool2d(grid4, { kind: 'max', poolSize: [2, 2], padding: 'valid' })).toEqual([
      [[6], [8]],
      [[14], [16]],
    ]);
    expect(pool2d(grid4, { kind: 'average', poolSize: [2, 2], padding: 'valid' })).toEqual([
      [[3.5], [5.5]],
      [[11.5], [13.5]],
    ]);
  });

  it("'same' pads bottom/right and never counts the padding in an average", () => {
    const max = pool2d(grid5, { kind: 'max', poolSize: [2, 2], padding: 'same' });
    expect(max.length).toBe(3);
    expect(max[0]![0]![0]).toBe(7);
    expect(max[0]![2]![0]).toBe(10);
    expect(max[2]![2]![0]).toBe(25);
    const avg = pool2d(grid5, { kind: 'average', poolSize: [2, 2], padding: 'same' });
    expect(avg[2]![2]![0]).toBe(25);
    expect(avg[0]![2]![0]).toBe(7.5);
    expect(poolWindow(grid5, { kind: 'average', poolSize: [2, 2], padding: 'same' }, 0, 2, 0).values).toEqual([5, 10]);
  });

  it('strides other than the pool size overlap windows', () => {
    expect(pool2d(grid4, { kind: 'max', poolSize: [2, 2], strides: [1, 1], padding: 'valid' }).map((r) => r.map((p) => p[0]))).toEqual([
      [6, 7, 8],
      [10, 11, 12],
      [14, 15, 16],
    ]);
  });
});

/** Evaluates one side of a formula string: − as minus, floor and ceil as Math's, N/F/stride filled in. */
function evaluate(expression: string, vars: { N: number; F: number; stride: number }): number {
  const js = expression
    .replace(/−/g, '-')
    .replace(/\b(floor|ceil)\(/g, 'Math.$1(')
    .replace(/\bN\b/g, String(vars.N))
    .replace(/\bF\b/g, String(vars.F))
    .replace(/\bstride\b/g, String(vars.stride));
  expect(js).toMatch(/^[\d\s()+\-*/.Mathflorcei]+$/);
  return Number(new Function(`return (${js});`)());
}

describe('the output-size formulas the lab shows', () => {
  it('writes full padding as (N + F − 2) / stride + 1: F − 1 zeros on each side, N + F − 1 outputs at stride 1', () => {
    const full = axisPadding(9, 4, 'full', 1);
    expect(full.formula).toBe('(N + F − 2) / stride + 1 = floor((9 + 4 − 2) / 1) + 1 = 12');
    expect(full).toMatchObject({ before: 3, after: 3, outLength: 9 + 4 - 1 });
  });

  it('every formula, in symbols and in numbers, gives the output length the arithmetic computes', () => {
    for (const padding of ['valid', 'same', 'full'] as const)
      for (const sameStyle of ['scipy', 'keras'] as const)
        for (let n = 1; n <= 9; n++)
          for (let k = 1; k <= 5; k++)
            for (let stride = 1; stride <= 3; stride++) {
              const pad = axisPadding(n, k, padding, stride, sameStyle);
              if (pad.outLength === 0) continue;
              const [symbols, numbers, result] = pad.formula.split(' = ');
              expect(Number(result), pad.formula).toBe(pad.outLength);
              expect(evaluate(numbers!, { N: n, F: k, stride }), pad.formula).toBe(pad.outLength);
              expect(Math.floor(evaluate(symbols!, { N: n, F: k, stride })), pad.formula).toBe(pad.outLength);
              // The padded length less the kernel, over the stride, plus one: what window1d slides over.
              expect(Math.floor((pad.before + n + pad.after - k) / stride) + 1, pad.formula).toBe(pad.outLength);
            }
  });
});
