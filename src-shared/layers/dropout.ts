import { z } from 'zod';
import type { LayerKind } from './types';
import { says } from './params';
import { noMacs, noWeights, unchangedShape } from './checks';
import { py } from './keras-values';

const schema = z.object({
  rate: z.number(says('not-number')).min(0, says('rate-negative')).lt(1, says('rate-one')).default(0.5),
});
export type DropoutParams = z.output<typeof schema>;

/** Zeroes a random fraction `rate` of its inputs during training only. */
export const dropout: LayerKind<DropoutParams> = {
  kind: 'Dropout',
  group: 'Regularization',
  namePrefix: 'dropout',
  schema,
  fields: [{ name: 'rate', kind: 'number', help: 'Dropout.rate' }],
  inferShape(input) {
    return unchangedShape(input);
  },
  countParams: noWeights,
  macs: noMacs,
  describe(p) {
    return [{ code: 'rate', values: { rate: String(p.rate) } }];
  },
  toKerasConfig(p) {
    return { rate: p.rate, seed: null, noise_shape: null };
  },
  fromKerasConfig(config) {
    return 'rate' in config ? { rate: config['rate'] } : {};
  },
  toPython(p) {
    return `Dropout(${py(p.rate)})`;
  },
};
