import { z } from 'zod';
import type { LayerKind } from './types';
import { positiveInt, says } from './params';
import { ok, unchanged, ZERO } from './checks';
import { batchShape } from './format';

const schema = z.object({
  shape: z.array(positiveInt('dim'), says('shape-not-list')).min(1, says('shape-empty')).max(3, says('shape-too-long')),
});
export type InputParams = z.output<typeof schema>;

/** The network's input: one sample's shape, without the batch dimension. */
export const inputLayer: LayerKind<InputParams> = {
  kind: 'InputLayer',
  group: 'Core',
  namePrefix: 'input_layer',
  schema,
  fields: [{ name: 'shape', kind: 'shape', help: 'InputLayer.shape' }],
  inferShape(_input, p) {
    return ok({ shape: p.shape, dims: p.shape.map((value) => unchanged(value, { code: 'given', values: {} })) });
  },
  countParams() {
    return { trainable: ZERO, nonTrainable: ZERO };
  },
  macs() {
    return ZERO;
  },
  describe(p) {
    return [{ code: 'shape', values: { dims: p.shape.join(' × ') } }];
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
