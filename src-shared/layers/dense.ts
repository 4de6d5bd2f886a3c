import { z } from 'zod';
import type { DescriptionPart, LayerKind } from './types';
import { activation, bool, initializer, positiveInt } from './params';
import { fail, ok, unchanged, ZERO } from './checks';
import { num, product, productFormula } from './format';
import { kerasInitializer, pick, py, readActivation, readInitializer } from './keras-values';

const schema = z.object({
  units: positiveInt(),
  activation: activation.default('linear'),
  use_bias: bool().default(true),
  kernel_initializer: initializer.default('glorot_uniform'),
  bias_initializer: initializer.default('zeros'),
});
export type DenseParams = z.output<typeof schema>;

/** A fully connected layer; like Keras, on an input of rank > 1 it acts on the last axis only. */
export const dense: LayerKind<DenseParams> = {
  kind: 'Dense',
  group: 'Core',
  namePrefix: 'dense',
  schema,
  fields: [
    { name: 'units', kind: 'int', help: 'Dense.units' },
    { name: 'activation', kind: 'enum', help: 'Dense.activation' },
    { name: 'use_bias', kind: 'bool', help: 'Dense.use_bias' },
    { name: 'kernel_initializer', kind: 'enum', help: 'Dense.kernel_initializer' },
    { name: 'bias_initializer', kind: 'enum', help: 'Dense.bias_initializer' },
  ],
  inferShape(input, p) {
    if (input.length === 0) return fail({ code: 'needs-dimension', values: { kind: 'Dense' } });
    const lead = input.slice(0, -1);
    const shape = [...lead, p.units];
    const dims = [
      ...lead.map((value) => unchanged(value, { code: 'last-axis', values: {} })),
      unchanged(p.units, { code: 'units', values: {} }),
    ];
    return ok({ shape, dims });
  },
  countParams(input, _output, p) {
    const fanIn = input[input.length - 1] ?? 0;
    const value = fanIn * p.units + (p.use_bias ? p.units : 0);
    const formula = `${num(fanIn)}·${num(p.units)}${p.use_bias ? ` + ${num(p.units)}` : ''} = ${num(value)}`;
    return { trainable: { value, formula }, nonTrainable: ZERO };
  },
  macs(input, _output, p) {
    const factors = [...input.slice(0, -1), input[input.length - 1] ?? 0, p.units];
    return { value: product(factors), formula: productFormula(factors) };
  },
  describe(p) {
    const units: DescriptionPart = { code: 'units', values: { n: p.units } };
    return p.activation === 'linear' ? [units] : [units, { code: 'keras', values: { value: p.activation } }];
  },
  toKerasConfig(p) {
    return {
      units: p.units,
      activation: p.activation,
      use_bias: p.use_bias,
      kernel_initializer: kerasInitializer(p.kernel_initializer),
      bias_initializer: kerasInitializer(p.bias_initializer),
      kernel_regularizer: null,
      bias_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
    };
  },
  fromKerasConfig(config) {
    const raw = pick(config, ['units', 'use_bias']);
    if ('activation' in config) raw['activation'] = readActivation(config['activation']);
    if ('kernel_initializer' in config) raw['kernel_initializer'] = readInitializer(config['kernel_initializer']);
    if ('bias_initializer' in config) raw['bias_initializer'] = readInitializer(config['bias_initializer']);
    return raw;
  },
  toPython(p) {
    const args = [String(p.units)];
    if (p.activation !== 'linear') args.push(`activation=${py(p.activation)}`);
    if (!p.use_bias) args.push('use_bias=False');
    if (p.kernel_initializer !== 'glorot_uniform') args.push(`kernel_initializer=${py(p.kernel_initializer)}`);
    if (p.bias_initializer !== 'zeros') args.push(`bias_initializer=${py(p.bias_initializer)}`);
    return `Dense(${args.join(', ')})`;
  },
};
