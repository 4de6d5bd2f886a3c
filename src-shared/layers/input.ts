import { z } from 'zod';
import type { LayerKind } from './types';
import { positiveInt } from './params';
import { ok, ZERO } from './checks';
import { batchShape } from './format';

const schema = z.object({
  shape: z
    .array(positiveInt('each dimension of shape'), { error: 'shape must be a list of whole numbers, e.g. 28, 28, 1' })
    .min(1, { error: 'shape needs at least one dimension, e.g. 28, 28, 1' })
    .max(3, { error: 'shape may have at most 3 dimensions (height, width, channels)' }),
});
export type InputParams = z.output<typeof schema>;

/** The network's input: one sample's shape, without the batch dimension. */
export const inputLayer: LayerKind<InputParams> = {
  kind: 'InputLayer',
  group: 'Core',
  namePrefix: 'input_layer',
  schema,
  fields: [
    { name: 'shape', kind: 'shape', help: 'Shape of one sample without the batch dimension: 28, 28, 1 for a grayscale 28×28 image.' },
  ],
  inferShape(_input, p) {
    return ok({ shape: p.shape, dims: p.shape.map((value) => ({ value, formula: `${value} (given)` })) });
  },
  countParams() {
    return { trainable: ZERO, nonTrainable: ZERO };
  },
  macs() {
    return ZERO;
  },
  describe(p) {
    return p.shape.join(' × ');
  },
  toKerasConfig(p) {
    return { batch_shape: batchShape(p.shape), dtype: 'float32', sparse: false };
  },
  fromKerasConfig(config) {
    const shape = config['batch_shape'] ?? config['batch_input_shape'] ?? config['batchInputShape'];
    return { shape: Array.isArray(shape) ? shape.slice(1) : shape };
  },
  toPython(p) {
    return `Input(shape=(${p.shape.join(', ')}${p.shape.length === 1 ? ',' : ''}))`;
  },
};
