import { z } from 'zod';
import type { DescriptionPart, LayerKind } from './types';
import { activation, bool, initializer, pair, padding, positiveInt } from './params';
import { same } from './spatial';
import { fail, ok, requireImage, ZERO } from './checks';
import { num, product } from './format';
import { kerasInitializer, pick, py, readActivation, readInitializer } from './keras-values';
import { convolvedSize, dilationActivationArgs, stridePaddingArgs, stridesWithDilation, windowParts } from './convolution';

const schema = z.object({
  filters: positiveInt(),
  kernel_size: pair(),
  strides: pair().default([1, 1]),
  padding: padding.default('valid'),
  dilation_rate: pair().default([1, 1]),
  depth_multiplier: positiveInt().default(1),
  activation: activation.default('linear'),
  use_bias: bool().default(true),
  depthwise_initializer: initializer.default('glorot_uniform'),
  pointwise_initializer: initializer.default('glorot_uniform'),
  bias_initializer: initializer.default('zeros'),
});
export type SeparableConv2DParams = z.output<typeof schema>;

const factors = (values: readonly number[]) => values.map(num).join('·');

/**
 * Keras's SeparableConv2D: a depthwise convolution (each channel on its own, depth_multiplier
 * kernels each) followed by a 1×1 pointwise convolution that mixes the channels into `filters`.
 */
export const separableConv2d: LayerKind<SeparableConv2DParams> = {
  kind: 'SeparableConv2D',
  group: 'Convolution',
  namePrefix: 'separable_conv2d',
  schema,
  fields: [
    { name: 'filters', kind: 'int', help: 'SeparableConv2D.filters' },
    { name: 'kernel_size', kind: 'pair', help: 'SeparableConv2D.kernel_size' },
    { name: 'strides', kind: 'pair', help: 'SeparableConv2D.strides' },
    { name: 'padding', kind: 'enum', options: ['valid', 'same'], help: 'SeparableConv2D.padding' },
    { name: 'dilation_rate', kind: 'pair', help: 'SeparableConv2D.dilation_rate' },
    { name: 'depth_multiplier', kind: 'int', help: 'SeparableConv2D.depth_multiplier' },
    { name: 'activation', kind: 'enum', help: 'SeparableConv2D.activation' },
    { name: 'use_bias', kind: 'bool', help: 'SeparableConv2D.use_bias' },
    { name: 'depthwise_initializer', kind: 'enum', help: 'SeparableConv2D.depthwise_initializer' },
    { name: 'pointwise_initializer', kind: 'enum', help: 'SeparableConv2D.pointwise_initializer' },
    { name: 'bias_initializer', kind: 'enum', help: 'SeparableConv2D.bias_initializer' },
  ],
  check: stridesWithDilation,
  inferShape(input, p) {
    const wrong = requireImage(input, 'SeparableConv2D');
    if (wrong) return fail(wrong);
    const [h, w] = input as [number, number, number];
    const size = convolvedSize(h, w, p);
    if (!size.ok) return fail(size.problem);
    const [rows, cols] = size.value;
    return ok({ shape: [rows.value, cols.value, p.filters], dims: [rows, cols, same(p.filters, 'filters')] });
  },
  countParams(input, _output, p) {
    // Keras: depthwise kernel (kh, kw, cin, dm), pointwise kernel (1, 1, cin·dm, filters), bias (filters).
    const cin = input[2] ?? 0;
    const [kh, kw] = p.kernel_size;
    const dm = p.depth_multiplier;
    const value = kh * kw * cin * dm + cin * dm * p.filters + (p.use_bias ? p.filters : 0);
    const bias = p.use_bias ? ` + ${num(p.filters)}` : '';
    const formula = `${factors([kh, kw, cin, dm])} + ${factors([cin, dm, p.filters])}${bias} = ${num(value)}`;
    return { trainable: { value, formula, caption: { code: 'depthwise-pointwise', values: {} } }, nonTrainable: ZERO };
  },
  macs(input, output, p) {
    const grid = [output[0] ?? 0, output[1] ?? 0, input[2] ?? 0, p.depth_multiplier];
    const depthwise = [...grid, p.kernel_size[0], p.kernel_size[1]];
    const pointwise = [...grid, p.filters];
    const value = product(depthwise) + product(pointwise);
    return {
      value,
      formula: `${factors(depthwise)} + ${factors(pointwise)} = ${num(value)}`,
      caption: { code: 'depthwise-pointwise', values: {} },
    };
  },
  describe(p) {
    const parts: DescriptionPart[] = [{ code: 'kernels', values: { n: p.filters, kh: p.kernel_size[0], kw: p.kernel_size[1] } }];
    if (p.depth_multiplier !== 1) parts.push({ code: 'depth-multiplier', values: { n: p.depth_multiplier } });
    return [...parts, ...windowParts(p)];
  },
  toKerasConfig(p) {
    return {
      depth_multiplier: p.depth_multiplier,
      filters: p.filters,
      kernel_size: p.kernel_size,
      strides: p.strides,
      padding: p.padding,
      data_format: 'channels_last',
      dilation_rate: p.dilation_rate,
      activation: p.activation,
      use_bias: p.use_bias,
      depthwise_initializer: kerasInitializer(p.depthwise_initializer),
      pointwise_initializer: kerasInitializer(p.pointwise_initializer),
      bias_initializer: kerasInitializer(p.bias_initializer),
      depthwise_regularizer: null,
      pointwise_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      depthwise_constraint: null,
      pointwise_constraint: null,
      bias_constraint: null,
    };
  },
  fromKerasConfig(config) {
    const raw = pick(config, ['filters', 'kernel_size', 'strides', 'padding', 'dilation_rate', 'depth_multiplier', 'use_bias']);
    if ('activation' in config) raw['activation'] = readActivation(config['activation']);
    for (const key of ['depthwise_initializer', 'pointwise_initializer', 'bias_initializer'] as const) {
      if (key in config) raw[key] = readInitializer(config[key]);
    }
    return raw;
  },
  toPython(p) {
    const args = [String(p.filters), py(p.kernel_size), ...stridePaddingArgs(p)];
    if (p.depth_multiplier !== 1) args.push(`depth_multiplier=${p.depth_multiplier}`);
    args.push(...dilationActivationArgs(p));
    if (p.depthwise_initializer !== 'glorot_uniform') args.push(`depthwise_initializer=${py(p.depthwise_initializer)}`);
    if (p.pointwise_initializer !== 'glorot_uniform') args.push(`pointwise_initializer=${py(p.pointwise_initializer)}`);
    if (p.bias_initializer !== 'zeros') args.push(`bias_initializer=${py(p.bias_initializer)}`);
    return `SeparableConv2D(${args.join(', ')})`;
  },
};
