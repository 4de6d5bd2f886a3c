import { z } from 'zod';
import type { LayerKind } from './types';
import { noMacs, noWeights, unchangedShape } from './checks';
import { py } from './keras-values';

const schema = z.object({
  rate: z
    .number({ error: 'rate must be a number' })
    .min(0, { error: 'rate must be at least 0 (0 keeps every unit)' })
    .lt(1, { error: 'rate must be below 1 (1 would drop every unit) — use a value such as 0.5' })
    .default(0.5),
});
export type DropoutParams = z.output<typeof schema>;

/** Zeroes a random fraction `rate` of its inputs during training only. */
export const dropout: LayerKind<DropoutParams> = {
  kind: 'Dropout',
  group: 'Regularization',
  namePrefix: 'dropout',
  schema,
  fields: [{ name: 'rate', kind: 'number', help: 'Fraction of inputs set to 0 while training (the rest are scaled by 1 / (1 − rate)).' }],
  inferShape(input) {
    return unchangedShape(input);
  },
  countParams: noWeights,
  macs: noMacs,
  describe(p) {
    return `rate ${p.rate}`;
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
