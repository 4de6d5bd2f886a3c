import { z } from 'zod';
import type { DescriptionPart, LayerKind } from './types';
import { activation, bool, initializer, pair, padding, positiveInt } from './params';
import { same } from './spatial';
import { fail, ok, requireImage, ZERO } from './checks';
import { num, product, productFormula } from './format';
import { kerasInitializer, pick, py, readActivation, readInitializer } from './keras-values';
import { convolvedSize, dilationActivationArgs, stridePaddingArgs, stridesWithDilation, windowParts } from './convolution';

const schema = z.object({
  filters: positiveInt(),
  kernel_size: pair(),
  strides: pair().default([1, 1]),
  padding: padding.default('valid'),
  dilation_rate: pair().default([1, 1]),
  activation: activation.default('linear'),
  use_bias: bool().default(true),
  kernel_initializer: initializer.default('glorot_uniform'),
  bias_initializer: initializer.default('zeros'),
});
export type Conv2DParams = z.output<typeof schema>;

/** Keras's Conv2D: a 2-D cross-correlation of `filters` kernels over the input's channels. */
export const conv2d: LayerKind<Conv2DParams> = {
  kind: 'Conv2D',
  group: 'Convolution',
  namePrefix: 'conv2d',
  schema,
  fields: [
    { name: 'filters', kind: 'int', help: 'Conv2D.filters' },
    { name: 'kernel_size', kind: 'pair', help: 'Conv2D.kernel_size' },
    { name: 'strides', kind: 'pair', help: 'Conv2D.strides' },
    { name: 'padding', kind: 'enum', options: ['valid', 'same'], help: 'Conv2D.padding' },
    { name: 'dilation_rate', kind: 'pair', help: 'Conv2D.dilation_rate' },
    { name: 'activation', kind: 'enum', help: 'Conv2D.activation' },
    { name: 'use_bias', kind: 'bool', help: 'Conv2D.use_bias' },
    { name: 'kernel_initializer', kind: 'enum', help: 'Conv2D.kernel_initializer' },
    { name: 'bias_initializer', kind: 'enum', help: 'Conv2D.bias_initializer' },
  ],
  check: stridesWithDilation,
  inferShape(input, p) {
    const wrong = requireImage(input, 'Conv2D');
    if (wrong) return fail(wrong);
    const [h, w] = input as [number, number, number];
    const size = convolvedSize(h, w, p);
    if (!size.ok) return fail(size.problem);
    const [rows, cols] = size.value;
    return ok({ shape: [rows.value, cols.value, p.filters], dims: [rows, cols, same(p.filters, 'filters')] });
  },
  countParams(input, _output, p) {
    const cin = input[2] ?? 0;
    const weights = p.kernel_size[0] * p.kernel_size[1] * cin * p.filters;
    const value = weights + (p.use_bias ? p.filters : 0);
    const factors = [p.kernel_size[0], p.kernel_size[1], cin, p.filters].map(num).join('·');
    const formula = `${factors}${p.use_bias ? ` + ${num(p.filters)}` : ''} = ${num(value)}`;
    return { trainable: { value, formula }, nonTrainable: ZERO };
  },
  macs(input, output, p) {
    const factors = [output[0] ?? 0, output[1] ?? 0, p.filters, p.kernel_size[0], p.kernel_size[1], input[2] ?? 0];
    return { value: product(factors), formula: productFormula(factors) };
  },
  describe(p) {
    const kernels: DescriptionPart = { code: 'kernels', values: { n: p.filters, kh: p.kernel_size[0], kw: p.kernel_size[1] } };
    return [kernels, ...windowParts(p)];
  },
  toKerasConfig(p) {
    return {
      filters: p.filters,
      kernel_size: p.kernel_size,
      strides: p.strides,
      padding: p.padding,
      data_format: 'channels_last',
      dilation_rate: p.dilation_rate,
      groups: 1,
      activation: p.activation,
      use_bias: p.use_bias,
      kernel_initializer: kerasInitializer(p.kernel_initializer),
      bias_initializer: kerasInitializer(p.bias_initializer),
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
    };
  },
  fromKerasConfig(config) {
    const raw = pick(config, ['filters', 'kernel_size', 'strides', 'padding', 'dilation_rate', 'use_bias']);
    if ('activation' in config) raw['activation'] = readActivation(config['activation']);
    if ('kernel_initializer' in config) raw['kernel_initializer'] = readInitializer(config['kernel_initializer']);
    if ('bias_initializer' in config) raw['bias_initializer'] = readInitializer(config['bias_initializer']);
    return raw;
  },
  toPython(p) {
    const args = [String(p.filters), py(p.kernel_size), ...stridePaddingArgs(p), ...dilationActivationArgs(p)];
    if (p.kernel_initializer !== 'glorot_uniform') args.push(`kernel_initializer=${py(p.kernel_initializer)}`);
    if (p.bias_initializer !== 'zeros') args.push(`bias_initializer=${py(p.bias_initializer)}`);
    return `Conv2D(${args.join(', ')})`;
  },
};
