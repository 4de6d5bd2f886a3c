import { z } from 'zod';
import type { LayerKind } from './types';
import { fail, noWeights, ok, requireImage, unchanged, zero } from './checks';

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
    const [h, w] = input as [number, number];
    return ok({ shape: [c], dims: [unchanged(c, { code: 'channel-average', values: { h, w } })] });
  },
  countParams: noWeights,
  macs() {
    return zero({ code: 'channel-average-macs', values: {} });
  },
  describe() {
    return [{ code: 'mean-per-channel', values: {} }];
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
