import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  channelImage,
  colourImage,
  filterColourImage,
  hasColourFilters,
  inputImage,
  topClasses,
  channelRange,
  depthwiseImage,
  depthwiseRange,
  depthwiseSlice,
  depthwiseSource,
  filterImage,
  filterRange,
  formatValue,
  grayLevel,
  kernelDims,
  kernelSlice,
  mapDims,
  pointwiseImage,
  pointwiseMatrix,
  roleOf,
  sliceGrid,
  tileCount,
  toProbabilities,
} from '../../../src-renderer/inspect/tensor-image';
import type { TensorView } from '../../../src-shared/engine/protocol';

function view(shape: number[], values: number[]): TensorView {
  const data = Float32Array.from(values);
  return { shape, data, min: Math.min(...values), max: Math.max(...values) };
}

describe('mapDims', () => {
  it('reads [h, w, c], [h, w] and a flat 28·28 vector', () => {
    expect(mapDims([14, 12, 3])).toEqual({ height: 14, width: 12, channels: 3 });
    expect(mapDims([5, 4])).toEqual({ height: 5, width: 4, channels: 1 });
    expect(mapDims([784])).toEqual({ height: 28, width: 28, channels: 1 });
    expect(mapDims([10])).toEqual({ height: 1, width: 10, channels: 1 });
  });
});

describe('grayLevel', () => {
  it('maps the range onto 0–255 and a flat range to black', () => {
    expect(grayLevel(0, { min: 0, max: 2 })).toBe(0);
    expect(grayLevel(1, { min: 0, max: 2 })).toBe(128);
    expect(grayLevel(2, { min: 0, max: 2 })).toBe(255);
    expect(grayLevel(5, { min: 0, max: 2 })).toBe(255);
    expect(grayLevel(3, { min: 3, max: 3 })).toBe(0);
    expect(grayLevel(Number.NaN, { min: 0, max: 1 })).toBe(0);
  });
});

describe('channelImage', () => {
  // A 2×2 map with 2 channels, channel-last: pixel (y, x) channel c at ((y*2)+x)*2 + c.
  const map = view([2, 2, 2], [0, 10, 1, 20, 2, 30, 3, 40]);

  it('takes one channel and normalises it by the layer range', () => {
    const { width, height, pixels } = channelImage(map, 0);
    expect([width, height]).toEqual([2, 2]);
    const grays = [0, 1, 2, 3].map((i) => pixels[i * 4]);
    expect(grays).toEqual([0, Math.round((1 / 40) * 255), Math.round((2 / 40) * 255), Math.round((3 / 40) * 255)]);
    expect(pixels[3]).toBe(255);
  });

  it('can use the channel’s own range instead', () => {
    const own = channelRange(map, 1);
    expect(own).toEqual({ min: 10, max: 40 });
    const grays = [0, 1, 2, 3].map((i) => channelImage(map, 1, own).pixels[i * 4]);
    expect(grays).toEqual([0, 85, 170, 255]);
  });
});

describe('kernels', () => {
  // kh=2, kw=1, cin=2, cout=3: index ((y*kw + x)*cin + c)*cout + f = value 100y + 10c + f.
  const values: number[] = [];
  for (let y = 0; y < 2; y++) for (let c = 0; c < 2; c++) for (let f = 0; f < 3; f++) values.push(100 * y + 10 * c + f);
  const kernel = view([2, 1, 2, 3], values);

  it('slices one filter for one input channel', () => {
    expect(Array.from(kernelSlice(kernel, 2, 1))).toEqual([12, 112]);
    expect(Array.from(kernelSlice(kernel, 0, 0))).toEqual([0, 100]);
  });

  it('lays the input channels of a filter out in a grid with 1-pixel gaps', () => {
    expect(sliceGrid(1)).toEqual({ cols: 1, rows: 1 });
    expect(sliceGrid(10)).toEqual({ cols: 4, rows: 3 });
    const img = filterImage(kernel, 1);
    expect([img.width, img.height]).toEqual([3, 2]);
    // The gap column is transparent.
    expect(img.pixels[1 * 4 + 3]).toBe(0);
    expect(img.pixels[0 * 4 + 3]).toBe(255);
    expect(filterRange(kernel, 1)).toEqual({ min: 1, max: 111 });
  });
});

/** A kernel of `shape` whose every weight is distinct, as the engine sends it and as a tensor to slice. */
function numbered(shape: [number, number, number, number]): { view: TensorView; tensor: tf.Tensor4D } {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, (_, i) => i - n / 2);
  return { view: view(shape, values), tensor: tf.tensor4d(values, shape) };
}

/** Weights [y, x] of kernel[:, :, a, b] (TensorFlow's own indexing), row-major. */
function tfSlice(kernel: tf.Tensor4D, a: number, b: number): number[] {
  const [kh, kw] = kernel.shape;
  return Array.from(tf.slice(kernel, [0, 0, a, b], [kh, kw, 1, 1]).dataSync());
}

describe('kernels of every role, read as TensorFlow lays them out', () => {
  it('takes the role an older engine left out as conv', () => {
    expect(roleOf({})).toBe('conv');
    expect(roleOf({ role: 'pointwise' })).toBe('pointwise');
  });

  it('transposed [kh, kw, filters, in]: filter f over input channel c is kernel[:, :, f, c]', () => {
    const { view: k, tensor } = numbered([3, 2, 4, 5]);
    expect(kernelDims(k.shape, 'transpose')).toEqual({ kh: 3, kw: 2, cin: 5, cout: 4 });
    expect(tileCount(k.shape, 'transpose')).toBe(4);
    for (const [f, c] of [
      [0, 0],
      [3, 1],
      [2, 4],
    ] as const)
      expect(Array.from(kernelSlice(k, f, c, 'transpose'))).toEqual(tfSlice(tensor, f, c));
    // Read as a plain conv kernel, the same numbers would be other weights.
    expect(Array.from(kernelSlice(k, 3, 1))).not.toEqual(tfSlice(tensor, 3, 1));
    // A tile per filter with a square per input channel (5 → 3×2 squares of 2×3), one pixel apart.
    const img = filterImage(k, 2, k, 'transpose');
    expect([img.width, img.height]).toEqual([3 * 2 + 2, 2 * 3 + 1]);
    const range = filterRange(k, 2, 'transpose');
    const all = Array.from({ length: 5 }, (_, c) => tfSlice(tensor, 2, c)).flat();
    expect(range).toEqual({ min: Math.min(...all), max: Math.max(...all) });
  });

  it('depthwise [kh, kw, in, multiplier]: a tile per input channel and multiplier, output channel c·dm + m', () => {
    const { view: k, tensor } = numbered([2, 3, 3, 2]);
    expect(tileCount(k.shape, 'depthwise')).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((o) => depthwiseSource(o, 2))).toEqual([
      { channel: 0, multiplier: 0 },
      { channel: 0, multiplier: 1 },
      { channel: 1, multiplier: 0 },
      { channel: 1, multiplier: 1 },
      { channel: 2, multiplier: 0 },
      { channel: 2, multiplier: 1 },
    ]);
    expect(Array.from(depthwiseSlice(k, 3))).toEqual(tfSlice(tensor, 1, 1));
    expect(Array.from(depthwiseSlice(k, 4))).toEqual(tfSlice(tensor, 2, 0));
    const img = depthwiseImage(k, 3);
    expect([img.width, img.height]).toEqual([3, 2]);
    // Gray levels on the whole kernel's scale: the tile of output channel 3 shows exactly kernel[:, :, 1, 1].
    expect(Array.from({ length: 6 }, (_, i) => img.pixels[i * 4])).toEqual(tfSlice(tensor, 1, 1).map((v) => grayLevel(v, k)));
    const own = tfSlice(tensor, 1, 1);
    expect(depthwiseRange(k, 3)).toEqual({ min: Math.min(...own), max: Math.max(...own) });
  });

  it('pointwise [1, 1, in, filters]: a matrix with a row per input channel and a column per filter', () => {
    const { view: k, tensor } = numbered([1, 1, 6, 4]);
    expect(tileCount(k.shape, 'pointwise')).toBe(1);
    const m = pointwiseMatrix(k);
    expect([m.rows, m.cols]).toEqual([6, 4]);
    expect(m.at(5, 2)).toBe(tfSlice(tensor, 5, 2)[0]);
    expect(m.at(1, 3)).toBe(tfSlice(tensor, 1, 3)[0]);
    const img = pointwiseImage(k);
    expect([img.width, img.height]).toEqual([4, 6]);
    // Pixel (x = filter 2, y = input channel 5).
    expect(img.pixels[(5 * 4 + 2) * 4]).toBe(grayLevel(m.at(5, 2), k));
    expect(img.pixels[0]).toBe(0);
    expect(img.pixels[(6 * 4 - 1) * 4]).toBe(255);
  });
});

describe('toProbabilities', () => {
  it('keeps a softmax output and applies softmax to logits', () => {
    expect(toProbabilities([0.2, 0.8])).toEqual([0.2, 0.8]);
    const p = toProbabilities([1, 1, -3]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p[0]).toBeCloseTo(p[1]!, 9);
    expect(toProbabilities([])).toEqual([]);
  });
});

describe('formatValue', () => {
  it('is short and readable', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(0.7281)).toBe('0.728');
    expect(formatValue(-1.5)).toBe('-1.5');
    expect(formatValue(0.00001234)).toBe('1.23e-5');
  });
});

describe('colour inputs and filters', () => {
  it('draws a 3-channel map as red, green and blue', () => {
    // 1×2 pixels: pure red, then (0, 0.5, 1).
    const v = view([1, 2, 3], [1, 0, 0, 0, 0.5, 1]);
    const img = colourImage(v, { min: 0, max: 1 });
    expect([img.width, img.height]).toEqual([2, 1]);
    expect(Array.from(img.pixels)).toEqual([255, 0, 0, 255, 0, 128, 255, 255]);
  });

  it('shows an input in colour only when it has 3 channels, on the 0–1 scale unless values leave it', () => {
    const rgb = inputImage(view([1, 1, 3], [0.2, 0.4, 0.6]));
    expect(Array.from(rgb.pixels)).toEqual([51, 102, 153, 255]);
    const gray = inputImage(view([1, 2, 1], [0, 0.5]));
    expect(Array.from(gray.pixels)).toEqual([0, 0, 0, 255, 128, 128, 128, 255]);
    // A standardised input (values below 0) is stretched over its own range.
    const std = inputImage(view([1, 2, 1], [-2, 2]));
    expect(Array.from(std.pixels)).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });

  it('makes a colour patch of a filter over 3 input channels, matching the per-channel slices', () => {
    // A 1×2 kernel, 3 input channels, 2 filters: [kh, kw, cin, cout].
    const t = tf.randomUniform([1, 2, 3, 2], -1, 1, 'float32', 7);
    const data = Float32Array.from(t.dataSync());
    t.dispose();
    const v: TensorView = { shape: [1, 2, 3, 2], data, min: Math.min(...data), max: Math.max(...data) };
    expect(hasColourFilters(v.shape, 'conv')).toBe(true);
    expect(hasColourFilters([3, 3, 1, 8], 'conv')).toBe(false);
    expect(hasColourFilters([3, 3, 3, 8], 'depthwise')).toBe(false);
    const patch = filterColourImage(v, 1);
    expect([patch.width, patch.height]).toEqual([2, 1]);
    for (let c = 0; c < 3; c++) {
      const slice = kernelSlice(v, 1, c);
      for (let x = 0; x < 2; x++) expect(patch.pixels[x * 4 + c]).toBe(grayLevel(slice[x]!, v));
    }
  });

  it('picks the top classes, most probable first', () => {
    expect(topClasses([0.1, 0.5, 0.05, 0.3, 0.05], 3)).toEqual([1, 3, 0]);
    expect(topClasses([0.5, 0.5], 5)).toEqual([0, 1]);
  });
});
