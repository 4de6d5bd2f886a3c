import { z } from 'zod';
import type { DescriptionPart, LayerKind } from './types';
import { activation, bool, initializer, optionalPairFromZero, pair, padding, positiveInt } from './params';
import { same } from './spatial';
import { fail, ok, requireImage, ZERO } from './checks';
import { num, product, productFormula } from './format';
import { kerasInitializer, pick, py, readActivation, readInitializer } from './keras-values';
import { dilationActivationArgs, stridePaddingArgs, stridesWithDilation, transposedLength, windowParts } from './convolution';

const schema = z.object({
  filters: positiveInt(),
  kernel_size: pair(),
  strides: pair().default([1, 1]),
  padding: padding.default('valid'),
  // Keras: None lets the output size follow from the padding; a pair fixes the extra rows and columns.
  output_padding: optionalPairFromZero().default(null),
  dilation_rate: pair().default([1, 1]),
  activation: activation.default('linear'),
  use_bias: bool().default(true),
  kernel_initializer: initializer.default('glorot_uniform'),
  bias_initializer: initializer.default('zeros'),
});
export type Conv2DTransposeParams = z.output<typeof schema>;

/** Keras's Conv2DTranspose: the gradient of a convolution run forwards, growing the grid by its strides. */
export const conv2dTranspose: LayerKind<Conv2DTransposeParams> = {
  kind: 'Conv2DTranspose',
  group: 'Convolution',
  namePrefix: 'conv2d_transpose',
  schema,
  fields: [
    { name: 'filters', kind: 'int', help: 'Conv2DTranspose.filters' },
    { name: 'kernel_size', kind: 'pair', help: 'Conv2DTranspose.kernel_size' },
    { name: 'strides', kind: 'pair', help: 'Conv2DTranspose.strides' },
    { name: 'padding', kind: 'enum', options: ['valid', 'same'], help: 'Conv2DTranspose.padding' },
    { name: 'output_padding', kind: 'pair', help: 'Conv2DTranspose.output_padding' },
    { name: 'dilation_rate', kind: 'pair', help: 'Conv2DTranspose.dilation_rate' },
    { name: 'activation', kind: 'enum', help: 'Conv2DTranspose.activation' },
    { name: 'use_bias', kind: 'bool', help: 'Conv2DTranspose.use_bias' },
    { name: 'kernel_initializer', kind: 'enum', help: 'Conv2DTranspose.kernel_initializer' },
    { name: 'bias_initializer', kind: 'enum', help: 'Conv2DTranspose.bias_initializer' },
  ],
  check(p) {
    // Keras checks output_padding against strides first, then strides against dilation.
    const op = p.output_padding;
    if (op && (op[0] >= p.strides[0] || op[1] >= p.strides[1])) {
      return {
        code: 'output-padding-too-large',
        values: { ph: op[0], pw: op[1], sh: p.strides[0], sw: p.strides[1] },
        param: 'output_padding',
      };
    }
    return stridesWithDilation(p);
  },
  inferShape(input, p) {
    const wrong = requireImage(input, 'Conv2DTranspose');
    if (wrong) return fail(wrong);
    const [h, w] = input as [number, number, number];
    const op = p.output_padding;
    const rows = transposedLength(h, p.kernel_size[0], p.strides[0], p.dilation_rate[0], p.padding, op ? op[0] : null);
    const cols = transposedLength(w, p.kernel_size[1], p.strides[1], p.dilation_rate[1], p.padding, op ? op[1] : null);
    if (rows.value < 1 || cols.value < 1) {
      const [kh, kw] = p.kernel_size;
      return fail({ code: 'transposed-output-empty', values: { kh, kw, h, w }, param: 'output_padding' });
    }
    return ok({ shape: [rows.value, cols.value, p.filters], dims: [rows, cols, same(p.filters, 'filters')] });
  },
  countParams(input, _output, p) {
    // Keras: kernel (kh, kw, filters, cin) and one bias per filter.
    const cin = input[2] ?? 0;
    const [kh, kw] = p.kernel_size;
    const value = kh * kw * p.filters * cin + (p.use_bias ? p.filters : 0);
    const formula = `${[kh, kw, p.filters, cin].map(num).join('·')}${p.use_bias ? ` + ${num(p.filters)}` : ''} = ${num(value)}`;
    return { trainable: { value, formula }, nonTrainable: ZERO };
  },
  macs(input, _output, p) {
    // Every input value is multiplied by the whole kh×kw×filters kernel; the products that padding crops away are counted too.
    const factors = [input[0] ?? 0, input[1] ?? 0, input[2] ?? 0, p.kernel_size[0], p.kernel_size[1], p.filters];
    return { value: product(factors), formula: productFormula(factors), caption: { code: 'transposed-macs', values: {} } };
  },
  describe(p) {
    const parts: DescriptionPart[] = [{ code: 'kernels', values: { n: p.filters, kh: p.kernel_size[0], kw: p.kernel_size[1] } }];
    parts.push(...windowParts(p));
    if (p.output_padding) parts.push({ code: 'output-padding', values: { h: p.output_padding[0], w: p.output_padding[1] } });
    return parts;
  },
  toKerasConfig(p) {
    return {
      filters: p.filters,
      kernel_size: p.kernel_size,
      strides: p.strides,
      padding: p.padding,
      // Keras 3's get_config leaves output_padding out (its constructor still takes it); written only when set, so it survives.
      ...(p.output_padding ? { output_padding: p.output_padding } : {}),
      data_format: 'channels_last',
      dilation_rate: p.dilation_rate,
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
    const raw = pick(config, ['filters', 'kernel_size', 'strides', 'padding', 'output_padding', 'dilation_rate', 'use_bias']);
    if ('activation' in config) raw['activation'] = readActivation(config['activation']);
    if ('kernel_initializer' in config) raw['kernel_initializer'] = readInitializer(config['kernel_initializer']);
    if ('bias_initializer' in config) raw['bias_initializer'] = readInitializer(config['bias_initializer']);
    return raw;
  },
  toPython(p) {
    const args = [String(p.filters), py(p.kernel_size), ...stridePaddingArgs(p)];
    if (p.output_padding) args.push(`output_padding=${py(p.output_padding)}`);
    args.push(...dilationActivationArgs(p));
    if (p.kernel_initializer !== 'glorot_uniform') args.push(`kernel_initializer=${py(p.kernel_initializer)}`);
    if (p.bias_initializer !== 'zeros') args.push(`bias_initializer=${py(p.bias_initializer)}`);
    return `Conv2DTranspose(${args.join(', ')})`;
  },
};
