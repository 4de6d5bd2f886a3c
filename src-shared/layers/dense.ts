import { z } from 'zod';
import type { LayerKind } from './types';
import { activation, bool, initializer, positiveInt } from './params';
import { fail, ok } from './checks';
import { product } from './format';
import { kerasInitializer, pick, py, readActivation, readInitializer } from './keras-values';

const schema = z.object({
  units: positiveInt('units'),
  activation: activation.default('linear'),
  use_bias: bool('use_bias').default(true),
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
    { name: 'units', kind: 'int', help: 'Number of neurons, i.e. the size of the output vector.' },
    { name: 'activation', kind: 'enum', help: 'Function applied to each output.' },
    { name: 'use_bias', kind: 'bool', help: 'Add one learned bias per unit.' },
    { name: 'kernel_initializer', kind: 'enum', help: 'How weights start.' },
    { name: 'bias_initializer', kind: 'enum', help: 'How biases start.' },
  ],
  inferShape(input, p) {
    if (input.length === 0) return fail({ message: 'Dense needs an input with at least one dimension' });
    const lead = input.slice(0, -1);
    const shape = [...lead, p.units];
    const dims = [
      ...lead.map((value) => ({ value, formula: `${value} (unchanged: Dense acts on the last axis)` })),
      { value: p.units, formula: `${p.units} (units)` },
    ];
    return ok({ shape, dims });
  },
  countParams(input, _output, p) {
    const fanIn = input[input.length - 1] ?? 0;
    const value = fanIn * p.units + (p.use_bias ? p.units : 0);
    const formula = `${fanIn}·${p.units}${p.use_bias ? ` + ${p.units}` : ''} = ${value}`;
    return { trainable: { value, formula }, nonTrainable: { value: 0, formula: '0' } };
  },
  macs(input, _output, p) {
    const factors = [...input.slice(0, -1), input[input.length - 1] ?? 0, p.units];
    const value = product(factors);
    return { value, formula: `${factors.join('·')} = ${value}` };
  },
  describe(p) {
    return p.activation === 'linear' ? `${p.units} units` : `${p.units} units, ${p.activation}`;
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
