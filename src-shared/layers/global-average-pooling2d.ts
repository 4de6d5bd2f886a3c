import { z } from 'zod';
import type { LayerKind } from './types';
import { fail, ok, requireImage } from './checks';

const schema = z.object({});
export type GlobalAveragePooling2DParams = z.output<typeof schema>;

/** Averages each channel over height and width: (h, w, c) → (c). */
export const globalAveragePooling2d: LayerKind<GlobalAveragePooling2DParams> = {
  kind: 'GlobalAveragePooling2D',
  group: 'Pooling',
  namePrefix: 'global_average_pooling2d',
  schema,
  fields: [],
  inferShape(input) {
    const wrong = requireImage(input, 'GlobalAveragePooling2D');
    if (wrong) return fail(wrong);
    const c = input[2] as number;
    return ok({ shape: [c], dims: [{ value: c, formula: `${c} (one average per channel over ${input[0]}×${input[1]})` }] });
  },
  countParams() {
    return { trainable: { value: 0, formula: 'no weights' }, nonTrainable: { value: 0, formula: '0' } };
  },
  macs() {
    return { value: 0, formula: 'no multiply-accumulates (one average per channel)' };
  },
  describe() {
    return 'mean per channel';
  },
  toKerasConfig() {
    return { data_format: 'channels_last', keepdims: false };
  },
  fromKerasConfig() {
    return {};
  },
  toPython() {
    return 'GlobalAveragePooling2D()';
  },
};
