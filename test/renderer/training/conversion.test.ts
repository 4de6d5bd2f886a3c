import { describe, expect, it } from 'vitest';
import { conversionOf, pictureInputOf } from '../../../src-renderer/training/conversion';
import { graphFromLayers } from '../../../src-shared/graph/network';

describe('conversionOf', () => {
  it('says CIFAR-10 is converted to grayscale and resized only when the Input asks for it', () => {
    expect(conversionOf('cifar10', { height: 32, width: 32, channels: 3 })).toBeNull();
    expect(conversionOf('cifar10', { height: 28, width: 28, channels: 1 })).toEqual({
      key: 'convert.cifar10.resizeGray',
      values: { h: 28, w: 28 },
    });
    expect(conversionOf('cifar10', { height: 32, width: 32, channels: 1 })?.key).toBe('convert.cifar10.gray');
    expect(conversionOf('cifar10', { height: 64, width: 48, channels: 3 })).toEqual({
      key: 'convert.cifar10.resize',
      values: { h: 64, w: 48 },
    });
  });

  it('always says how a folder of pictures (size unknown before loading) is fitted, and nothing for IDX files', () => {
    expect(conversionOf('images', { height: 28, width: 28, channels: 1 })?.key).toBe('convert.images.gray');
    expect(conversionOf('images', { height: 64, width: 64, channels: 3 })).toEqual({
      key: 'convert.images.colour',
      values: { h: 64, w: 64 },
    });
    expect(conversionOf('sample', { height: 28, width: 28, channels: 1 })).toBeNull();
    expect(conversionOf('fashion-mnist', { height: 32, width: 32, channels: 3 })).toBeNull();
  });
});

describe('pictureInputOf', () => {
  it("reads the Input's height, width and channels, and null for an Input pictures cannot fill", () => {
    const layers = (shape: number[]) =>
      graphFromLayers([
        { kind: 'InputLayer', params: { shape } },
        { kind: 'Flatten', params: {} },
        { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
      ]);
    expect(pictureInputOf(layers([28, 28, 1]))).toEqual({ height: 28, width: 28, channels: 1 });
    expect(pictureInputOf(layers([64, 48, 3]))).toEqual({ height: 64, width: 48, channels: 3 });
    expect(pictureInputOf(layers([32, 32, 2]))).toBeNull();
  });
});
