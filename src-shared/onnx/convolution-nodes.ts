import type { NetworkLayer } from '../graph/network';
import type { ActivationName, Padding } from '../layers/params';
import type { Conv2DParams } from '../layers/conv2d';
import type { DepthwiseConv2DParams } from '../layers/depthwise-conv2d';
import type { SeparableConv2DParams } from '../layers/separable-conv2d';
import type { Conv2DTransposeParams } from '../layers/conv2d-transpose';
import type { GraphBuilder } from './graph-builder';
import { permute, type FloatTensor } from './tensor-layout';

/** TensorFlow's 'same' padding of one axis: the total the window needs, the odd one at the end. */
function samePads(n: number, k: number, s: number, d: number): [number, number] {
  const effective = (k - 1) * d + 1;
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + effective - n, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** ONNX's pads ([top, left, bottom, right]) for a window over an h×w map. */
export function windowPads(
  padding: Padding,
  [h, w]: readonly number[],
  k: readonly [number, number],
  s: readonly [number, number],
  d: readonly [number, number] = [1, 1],
): number[] {
  if (padding === 'valid') return [0, 0, 0, 0];
  const [top, bottom] = samePads(h!, k[0], s[0], d[0]);
  const [left, right] = samePads(w!, k[1], s[1], d[1]);
  return [top, left, bottom, right];
}

/** Depthwise kernel (kh, kw, c, m) → ONNX grouped Conv weights (c·m, 1, kh, kw), channel c·m + j as TensorFlow orders them. */
function depthwiseWeights(k: FloatTensor): FloatTensor {
  const [kh, kw, c, m] = k.shape as [number, number, number, number];
  return { data: permute(k, [2, 3, 0, 1]).data, shape: [c * m, 1, kh, kw] };
}

/**
 * A convolution run in NCHW with its activation: an elementwise one stays in NCHW too, so that two
 * convolutions or pools in a row need no Transposes between them (withoutInverseTransposes drops
 * them); softmax, over the channels, runs on the NHWC result.
 */
function convolved(b: GraphBuilder, x: string, name: string, activation: ActivationName, apply: (nchw: string) => string): string {
  if (activation === 'softmax') return b.activation(b.nchw(x, name, apply), activation, name);
  return b.nchw(x, name, (t) => b.activation(apply(t), activation, name));
}

/** The ONNX nodes of one of the four convolution kinds, its activation included; returns its NHWC output. */
export function convLayer(b: GraphBuilder, layer: NetworkLayer, x: string): string {
  const name = layer.name;
  const [h, w, c] = layer.inputShapes[0]!;
  switch (layer.kind) {
    case 'Conv2D': {
      const p = layer.params as Conv2DParams;
      const [kh, kw] = p.kernel_size;
      const kernel = b.weight(name, 'kernel', [kh, kw, c!, p.filters]);
      const inputs = [b.floats(`${name}/W`, permute(kernel, [3, 2, 0, 1]))];
      if (p.use_bias) inputs.push(b.floats(`${name}/B`, b.weight(name, 'bias', [p.filters])));
      return convolved(b, x, name, p.activation, (t) =>
        b.op('Conv', [t, ...inputs], `${name}/conv`, [
          { name: 'kernel_shape', ints: [kh, kw] },
          { name: 'strides', ints: p.strides },
          { name: 'dilations', ints: p.dilation_rate },
          { name: 'pads', ints: windowPads(p.padding, [h!, w!], p.kernel_size, p.strides, p.dilation_rate) },
        ]),
      );
    }
    case 'DepthwiseConv2D': {
      const p = layer.params as DepthwiseConv2DParams;
      const [kh, kw] = p.kernel_size;
      const kernel = b.weight(name, 'depthwise_kernel', [kh, kw, c!, p.depth_multiplier]);
      const inputs = [b.floats(`${name}/W`, depthwiseWeights(kernel))];
      if (p.use_bias) inputs.push(b.floats(`${name}/B`, b.weight(name, 'bias', [c! * p.depth_multiplier])));
      return convolved(b, x, name, p.activation, (t) =>
        b.op('Conv', [t, ...inputs], `${name}/conv`, [
          { name: 'group', int: c! },
          { name: 'kernel_shape', ints: [kh, kw] },
          { name: 'strides', ints: p.strides },
          { name: 'pads', ints: windowPads(p.padding, [h!, w!], p.kernel_size, p.strides) },
        ]),
      );
    }
    case 'SeparableConv2D': {
      const p = layer.params as SeparableConv2DParams;
      const [kh, kw] = p.kernel_size;
      const middle = c! * p.depth_multiplier;
      const depthwise = b.floats(
        `${name}/depthwise`,
        depthwiseWeights(b.weight(name, 'depthwise_kernel', [kh, kw, c!, p.depth_multiplier])),
      );
      const pointwise = b.floats(`${name}/pointwise`, permute(b.weight(name, 'pointwise_kernel', [1, 1, middle, p.filters]), [3, 2, 0, 1]));
      const bias = p.use_bias ? [b.floats(`${name}/B`, b.weight(name, 'bias', [p.filters]))] : [];
      return convolved(b, x, name, p.activation, (t) => {
        const spread = b.op('Conv', [t, depthwise], `${name}/depthwise_conv`, [
          { name: 'group', int: c! },
          { name: 'kernel_shape', ints: [kh, kw] },
          { name: 'strides', ints: p.strides },
          { name: 'dilations', ints: p.dilation_rate },
          { name: 'pads', ints: windowPads(p.padding, [h!, w!], p.kernel_size, p.strides, p.dilation_rate) },
        ]);
        return b.op('Conv', [spread, pointwise, ...bias], `${name}/pointwise_conv`, [{ name: 'kernel_shape', ints: [1, 1] }]);
      });
    }
    case 'Conv2DTranspose': {
      const p = layer.params as Conv2DTransposeParams;
      const [kh, kw] = p.kernel_size;
      const [sh, sw] = p.strides;
      // TensorFlow keeps (kh, kw, filters, channels); ONNX's ConvTranspose wants (channels, filters, kh, kw).
      const inputs = [b.floats(`${name}/W`, permute(b.weight(name, 'kernel', [kh, kw, p.filters, c!]), [3, 2, 0, 1]))];
      if (p.use_bias) inputs.push(b.floats(`${name}/B`, b.weight(name, 'bias', [p.filters])));
      // The gradient of a 'same' convolution over the n·s output: its pads, and zeros at the end where the kernel is shorter than the stride.
      const pads = p.padding === 'same' ? windowPads('same', [h! * sh, w! * sw], p.kernel_size, p.strides) : [0, 0, 0, 0];
      return convolved(b, x, name, p.activation, (t) =>
        b.op('ConvTranspose', [t, ...inputs], `${name}/conv_transpose`, [
          { name: 'kernel_shape', ints: [kh, kw] },
          { name: 'strides', ints: p.strides },
          { name: 'pads', ints: pads },
          { name: 'output_padding', ints: [Math.max(sh - kh, 0), Math.max(sw - kw, 0)] },
        ]),
      );
    }
    default:
      throw new Error(`${layer.kind} is not a convolution`);
  }
}
