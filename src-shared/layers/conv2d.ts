import { z } from 'zod';
import type { LayerKind } from './types';
import { activation, bool, initializer, pair, padding, positiveInt } from './params';
import { outputLength, effectiveKernel, same } from './spatial';
import { fail, ok, requireImage } from './checks';
import { formatPair, product } from './format';
import { kerasInitializer, pick, py, readActivation, readInitializer } from './keras-values';

const schema = z.object({
  filters: positiveInt('filters'),
  kernel_size: pair('kernel_size'),
  strides: pair('strides').default([1, 1]),
  padding: padding.default('valid'),
  dilation_rate: pair('dilation_rate').default([1, 1]),
  activation: activation.default('linear'),
  use_bias: bool('use_bias').default(true),
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
    { name: 'filters', kind: 'int', help: 'Number of kernels, i.e. output channels (feature maps).' },
    { name: 'kernel_size', kind: 'pair', help: 'Height and width of each kernel.' },
    { name: 'strides', kind: 'pair', help: 'Step of the sliding window along height and width.' },
    {
      name: 'padding',
      kind: 'enum',
      options: ['valid', 'same'],
      help: "'valid': no padding; 'same': zero-pad so the output is ceil(n / stride).",
    },
    { name: 'dilation_rate', kind: 'pair', help: 'Spacing between kernel taps; >1 widens the view without more weights.' },
    { name: 'activation', kind: 'enum', help: 'Function applied to each output value.' },
    { name: 'use_bias', kind: 'bool', help: 'Add one learned bias per filter.' },
    { name: 'kernel_initializer', kind: 'enum', help: 'How kernel weights start.' },
    { name: 'bias_initializer', kind: 'enum', help: 'How biases start.' },
  ],
  check(p) {
    if ((p.strides[0] > 1 || p.strides[1] > 1) && (p.dilation_rate[0] > 1 || p.dilation_rate[1] > 1)) {
      return {
        message: 'strides > 1 cannot be combined with dilation_rate > 1 (Keras forbids it) — set one of them to 1',
        param: 'strides',
      };
    }
    return undefined;
  },
  inferShape(input, p) {
    const wrong = requireImage(input, 'Conv2D');
    if (wrong) return fail(wrong);
    const [h, w, c] = input as [number, number, number];
    const rows = outputLength(h, p.kernel_size[0], p.strides[0], p.dilation_rate[0], p.padding);
    const cols = outputLength(w, p.kernel_size[1], p.strides[1], p.dilation_rate[1], p.padding);
    if (rows.value < 1 || cols.value < 1) {
      const eff: [number, number] = [
        effectiveKernel(p.kernel_size[0], p.dilation_rate[0]),
        effectiveKernel(p.kernel_size[1], p.dilation_rate[1]),
      ];
      const dilated = p.dilation_rate[0] > 1 || p.dilation_rate[1] > 1 ? ` (${formatPair(eff)} once dilated)` : '';
      return fail({
        message: `a ${formatPair(p.kernel_size)} kernel${dilated} does not fit its ${h}×${w} input with padding 'valid' — use padding 'same' or a smaller kernel`,
        param: 'kernel_size',
      });
    }
    void c;
    return ok({ shape: [rows.value, cols.value, p.filters], dims: [rows, cols, same(p.filters, 'filters')] });
  },
  countParams(input, _output, p) {
    const cin = input[2] ?? 0;
    const weights = p.kernel_size[0] * p.kernel_size[1] * cin * p.filters;
    const value = weights + (p.use_bias ? p.filters : 0);
    const formula = `${p.kernel_size[0]}·${p.kernel_size[1]}·${cin}·${p.filters}${p.use_bias ? ` + ${p.filters}` : ''} = ${value}`;
    return { trainable: { value, formula }, nonTrainable: { value: 0, formula: '0' } };
  },
  macs(input, output, p) {
    const factors = [output[0] ?? 0, output[1] ?? 0, p.filters, p.kernel_size[0], p.kernel_size[1], input[2] ?? 0];
    const value = product(factors);
    return { value, formula: `${factors.join('·')} = ${value}` };
  },
  describe(p) {
    const parts = [`${p.filters} × ${formatPair(p.kernel_size)}`];
    if (p.strides[0] !== 1 || p.strides[1] !== 1) parts.push(`stride ${formatPair(p.strides)}`);
    if (p.dilation_rate[0] !== 1 || p.dilation_rate[1] !== 1) parts.push(`dilation ${formatPair(p.dilation_rate)}`);
    parts.push(p.padding);
    if (p.activation !== 'linear') parts.push(p.activation);
    return parts.join(', ');
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
    const args = [String(p.filters), py(p.kernel_size)];
    if (p.strides[0] !== 1 || p.strides[1] !== 1) args.push(`strides=${py(p.strides)}`);
    if (p.padding !== 'valid') args.push(`padding=${py(p.padding)}`);
    if (p.dilation_rate[0] !== 1 || p.dilation_rate[1] !== 1) args.push(`dilation_rate=${py(p.dilation_rate)}`);
    if (p.activation !== 'linear') args.push(`activation=${py(p.activation)}`);
    if (!p.use_bias) args.push('use_bias=False');
    if (p.kernel_initializer !== 'glorot_uniform') args.push(`kernel_initializer=${py(p.kernel_initializer)}`);
    if (p.bias_initializer !== 'zeros') args.push(`bias_initializer=${py(p.bias_initializer)}`);
    return `Conv2D(${args.join(', ')})`;
  },
};
