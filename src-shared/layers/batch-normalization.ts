import { z } from 'zod';
import type { LayerKind } from './types';
import { bool } from './params';
import { fail, unchangedShape } from './checks';
import { pick, py } from './keras-values';

const schema = z.object({
  momentum: z
    .number({ error: 'momentum must be a number' })
    .min(0, { error: 'momentum must be between 0 and 1' })
    .max(1, { error: 'momentum must be between 0 and 1' })
    .default(0.99),
  epsilon: z.number({ error: 'epsilon must be a number' }).positive({ error: 'epsilon must be greater than 0' }).default(0.001),
  center: bool('center').default(true),
  scale: bool('scale').default(true),
});
export type BatchNormalizationParams = z.output<typeof schema>;

/** Normalises each channel (the last axis) with batch statistics while training and moving averages after. */
export const batchNormalization: LayerKind<BatchNormalizationParams> = {
  kind: 'BatchNormalization',
  group: 'Normalization',
  namePrefix: 'batch_normalization',
  schema,
  fields: [
    { name: 'momentum', kind: 'number', help: 'How slowly the moving mean and variance follow the batches.' },
    { name: 'epsilon', kind: 'number', help: 'Added to the variance so it is never divided by 0.' },
    { name: 'center', kind: 'bool', help: 'Learn an offset beta per channel.' },
    { name: 'scale', kind: 'bool', help: 'Learn a factor gamma per channel.' },
  ],
  inferShape(input) {
    if (input.length === 0) return fail({ message: 'BatchNormalization needs an input with at least one dimension' });
    return unchangedShape(input);
  },
  countParams(input, _output, p) {
    const c = input[input.length - 1] ?? 0;
    const learned = (p.scale ? 1 : 0) + (p.center ? 1 : 0);
    const names = [p.scale ? 'gamma' : '', p.center ? 'beta' : ''].filter(Boolean).join(' + ');
    return {
      trainable: { value: learned * c, formula: learned === 0 ? '0 (no gamma or beta)' : `${learned}·${c} = ${learned * c} (${names})` },
      nonTrainable: { value: 2 * c, formula: `2·${c} = ${2 * c} (moving mean + moving variance)` },
    };
  },
  macs(_input, output) {
    // At inference BN folds into one multiply-add per value.
    const value = output.reduce((a, b) => a * b, 1);
    return { value, formula: `${output.join('·')} = ${value} (one multiply-add per value)` };
  },
  describe(p) {
    return `momentum ${p.momentum}`;
  },
  toKerasConfig(p) {
    return {
      axis: -1,
      momentum: p.momentum,
      epsilon: p.epsilon,
      center: p.center,
      scale: p.scale,
      beta_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
      gamma_initializer: { module: 'keras.initializers', class_name: 'Ones', config: {}, registered_name: null },
      moving_mean_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
      moving_variance_initializer: { module: 'keras.initializers', class_name: 'Ones', config: {}, registered_name: null },
      beta_regularizer: null,
      gamma_regularizer: null,
      beta_constraint: null,
      gamma_constraint: null,
      synchronized: false,
    };
  },
  fromKerasConfig(config) {
    return pick(config, ['momentum', 'epsilon', 'center', 'scale']);
  },
  toPython(p) {
    const args: string[] = [];
    if (p.momentum !== 0.99) args.push(`momentum=${py(p.momentum)}`);
    if (p.epsilon !== 0.001) args.push(`epsilon=${py(p.epsilon)}`);
    if (!p.center) args.push('center=False');
    if (!p.scale) args.push('scale=False');
    return `BatchNormalization(${args.join(', ')})`;
  },
};
