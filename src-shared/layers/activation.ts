import { z } from 'zod';
import type { LayerKind } from './types';
import { activation } from './params';
import { noMacs, noWeights, unchangedShape } from './checks';
import { py, readActivation } from './keras-values';

const schema = z.object({ activation: activation.default('relu') });
export type ActivationParams = z.output<typeof schema>;

/** Applies an activation function element-wise; the shape is unchanged. */
export const activationLayer: LayerKind<ActivationParams> = {
  kind: 'Activation',
  group: 'Core',
  namePrefix: 'activation',
  schema,
  fields: [{ name: 'activation', kind: 'enum', help: 'Activation.activation' }],
  inferShape(input) {
    return unchangedShape(input);
  },
  countParams: noWeights,
  macs: noMacs,
  describe(p) {
    return [{ code: 'keras', values: { value: p.activation } }];
  },
  toKerasConfig(p) {
    return { activation: p.activation };
  },
  fromKerasConfig(config) {
    return 'activation' in config ? { activation: readActivation(config['activation']) } : {};
  },
  toPython(p) {
    return `Activation(${py(p.activation)})`;
  },
};
