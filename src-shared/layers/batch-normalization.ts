import { z } from 'zod';
import type { LayerKind } from './types';
import { bool, says } from './params';
import { fail, unchangedShape, zero } from './checks';
import { product, productFormula } from './format';
import { pick, py } from './keras-values';

const schema = z.object({
  momentum: z.number(says('not-number')).min(0, says('between-0-and-1')).max(1, says('between-0-and-1')).default(0.99),
  epsilon: z.number(says('not-number')).positive(says('not-positive')).default(0.001),
  center: bool().default(true),
  scale: bool().default(true),
});
export type BatchNormalizationParams = z.output<typeof schema>;

/** Normalises each channel (the last axis) with batch statistics while training and moving averages after. */
export const batchNormalization: LayerKind<BatchNormalizationParams> = {
  kind: 'BatchNormalization',
  group: 'Normalization',
  namePrefix: 'batch_normalization',
  schema,
  fields: [
    { name: 'momentum', kind: 'number', help: 'BatchNormalization.momentum' },
    { name: 'epsilon', kind: 'number', help: 'BatchNormalization.epsilon' },
    { name: 'center', kind: 'bool', help: 'BatchNormalization.center' },
    { name: 'scale', kind: 'bool', help: 'BatchNormalization.scale' },
  ],
  inferShape(input) {
    if (input.length === 0) return fail({ code: 'needs-dimension', values: { kind: 'BatchNormalization' } });
    return unchangedShape(input);
  },
  countParams(input, _output, p) {
    const c = input[input.length - 1] ?? 0;
    const learned = (p.scale ? 1 : 0) + (p.center ? 1 : 0);
    const names = [p.scale ? 'gamma' : '', p.center ? 'beta' : ''].filter(Boolean).join(' + ');
    return {
      trainable:
        learned === 0
          ? zero({ code: 'no-gamma-beta', values: {} })
          : { value: learned * c, formula: productFormula([learned, c]), caption: { code: 'learned', values: { names } } },
      nonTrainable: { value: 2 * c, formula: productFormula([2, c]), caption: { code: 'moving-stats', values: {} } },
    };
  },
  macs(_input, output) {
    // At inference BN folds into one multiply-add per value.
    return { value: product(output), formula: productFormula(output), caption: { code: 'multiply-add', values: {} } };
  },
  describe(p) {
    return [{ code: 'momentum', values: { momentum: String(p.momentum) } }];
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
