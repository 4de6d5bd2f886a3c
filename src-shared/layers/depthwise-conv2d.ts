import { z } from 'zod';
import type { DescriptionPart, Explained, LayerKind } from './types';
import { activation, bool, initializer, pair, padding, positiveInt } from './params';
import { same } from './spatial';
import { fail, ok, requireImage, ZERO } from './checks';
import { num, product, productFormula } from './format';
import { kerasInitializer, pick, py, readActivation, readInitializer } from './keras-values';
import { convolvedSize, dilationActivationArgs, stridePaddingArgs, stridesWithDilation, windowParts } from './convolution';

const schema = z.object({
  kernel_size: pair(),
  strides: pair().default([1, 1]),
  padding: padding.default('valid'),
  depth_multiplier: positiveInt().default(1),
  dilation_rate: pair().default([1, 1]),
  activation: activation.default('linear'),
  use_bias: bool().default(true),
  depthwise_initializer: initializer.default('glorot_uniform'),
  bias_initializer: initializer.default('zeros'),
});
export type DepthwiseConv2DParams = z.output<typeof schema>;

/** Output channels of a depthwise convolution: each input channel gives depth_multiplier maps. */
function channelsOut(cin: number, dm: number): Explained {
  if (dm === 1) return same(cin);
  return { value: cin * dm, formula: productFormula([cin, dm]), caption: { code: 'depth-multiplied', values: {} } };
}

/** Keras's DepthwiseConv2D: each input channel convolved with its own depth_multiplier kernels, channels never mixed. */
export const depthwiseConv2d: LayerKind<DepthwiseConv2DParams> = {
  kind: 'DepthwiseConv2D',
  group: 'Convolution',
  namePrefix: 'depthwise_conv2d',
  schema,
  fields: [
    { name: 'kernel_size', kind: 'pair', help: 'DepthwiseConv2D.kernel_size' },
    { name: 'strides', kind: 'pair', help: 'DepthwiseConv2D.strides' },
    { name: 'padding', kind: 'enum', options: ['valid', 'same'], help: 'DepthwiseConv2D.padding' },
    { name: 'depth_multiplier', kind: 'int', help: 'DepthwiseConv2D.depth_multiplier' },
    { name: 'dilation_rate', kind: 'pair', help: 'DepthwiseConv2D.dilation_rate' },
    { name: 'activation', kind: 'enum', help: 'DepthwiseConv2D.activation' },
    { name: 'use_bias', kind: 'bool', help: 'DepthwiseConv2D.use_bias' },
    { name: 'depthwise_initializer', kind: 'enum', help: 'DepthwiseConv2D.depthwise_initializer' },
    { name: 'bias_initializer', kind: 'enum', help: 'DepthwiseConv2D.bias_initializer' },
  ],
  check: stridesWithDilation,
  inferShape(input, p) {
    const wrong = requireImage(input, 'DepthwiseConv2D');
    if (wrong) return fail(wrong);
    const [h, w, c] = input as [number, number, number];
    const size = convolvedSize(h, w, p);
    if (!size.ok) return fail(size.problem);
    const [rows, cols] = size.value;
    const channels = channelsOut(c, p.depth_multiplier);
    return ok({ shape: [rows.value, cols.value, channels.value], dims: [rows, cols, channels] });
  },
  countParams(input, _output, p) {
    // Keras: kernel (kh, kw, cin, depth_multiplier) and one bias per output channel (cin·depth_multiplier).
    const cin = input[2] ?? 0;
    const [kh, kw] = p.kernel_size;
    const dm = p.depth_multiplier;
    const value = kh * kw * cin * dm + (p.use_bias ? cin * dm : 0);
    const formula = `${[kh, kw, cin, dm].map(num).join('·')}${p.use_bias ? ` + ${num(cin)}·${num(dm)}` : ''} = ${num(value)}`;
    return { trainable: { value, formula }, nonTrainable: ZERO };
  },
  macs(input, output, p) {
    const factors = [output[0] ?? 0, output[1] ?? 0, input[2] ?? 0, p.depth_multiplier, p.kernel_size[0], p.kernel_size[1]];
    return { value: product(factors), formula: productFormula(factors) };
  },
  describe(p) {
    const parts: DescriptionPart[] = [{ code: 'depthwise', values: { kh: p.kernel_size[0], kw: p.kernel_size[1] } }];
    if (p.depth_multiplier !== 1) parts.push({ code: 'depth-multiplier', values: { n: p.depth_multiplier } });
    return [...parts, ...windowParts(p)];
  },
  toKerasConfig(p) {
    return {
      kernel_size: p.kernel_size,
      strides: p.strides,
      padding: p.padding,
      depth_multiplier: p.depth_multiplier,
      data_format: 'channels_last',
      dilation_rate: p.dilation_rate,
      activation: p.activation,
      use_bias: p.use_bias,
      depthwise_initializer: kerasInitializer(p.depthwise_initializer),
      bias_initializer: kerasInitializer(p.bias_initializer),
      depthwise_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      depthwise_constraint: null,
      bias_constraint: null,
    };
  },
  fromKerasConfig(config) {
    const raw = pick(config, ['kernel_size', 'strides', 'padding', 'depth_multiplier', 'dilation_rate', 'use_bias']);
    if ('activation' in config) raw['activation'] = readActivation(config['activation']);
    if ('depthwise_initializer' in config) raw['depthwise_initializer'] = readInitializer(config['depthwise_initializer']);
    if ('bias_initializer' in config) raw['bias_initializer'] = readInitializer(config['bias_initializer']);
    return raw;
  },
  toPython(p) {
    const args = [py(p.kernel_size), ...stridePaddingArgs(p)];
    if (p.depth_multiplier !== 1) args.push(`depth_multiplier=${p.depth_multiplier}`);
    args.push(...dilationActivationArgs(p));
    if (p.depthwise_initializer !== 'glorot_uniform') args.push(`depthwise_initializer=${py(p.depthwise_initializer)}`);
    if (p.bias_initializer !== 'zeros') args.push(`bias_initializer=${py(p.bias_initializer)}`);
    return `DepthwiseConv2D(${args.join(', ')})`;
  },
};
