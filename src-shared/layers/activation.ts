import { z } from 'zod';
import type { LayerKind } from './types';
import { activation } from './params';
import { ok, ZERO } from './checks';
import { py, readActivation } from './keras-values';

const schema = z.object({ activation: activation.default('relu') });
export type ActivationParams = z.output<typeof schema>;

/** Applies an activation function element-wise; the shape is unchanged. */
export const activationLayer: LayerKind<ActivationParams> = {
  kind: 'Activation',
  group: 'Core',
  namePrefix: 'activation',
  schema,
  fields: [{ name: 'activation', kind: 'enum', help: 'Function applied to every value.' }],
  inferShape(input) {
    return ok({ shape: input, dims: input.map((value) => ({ value, formula: `${value} (unchanged)` })) });
  },
  countParams() {
    return { trainable: { value: 0, formula: 'no weights' }, nonTrainable: ZERO };
  },
  macs() {
    return { value: 0, formula: 'no multiply-accumulates' };
  },
  describe(p) {
    return p.activation;
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
