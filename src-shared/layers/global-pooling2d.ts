import { z } from 'zod';
import type { LayerKind } from './types';
import { says } from './params';
import { fail, noWeights, ok, requireImage, unchanged, zero } from './checks';

const schema = z.object({
  // Keras 3's keepdims=True keeps a 1×1 map per channel; TensorFlow.js has no such option, so only False is built.
  keepdims: z.literal(false, says('only-false')).default(false),
});
export type GlobalPooling2DParams = z.output<typeof schema>;

/** Global max and average pooling differ only in the reduction; this builds either kind: (h, w, c) → (c). */
function globalPooling2d(kind: 'GlobalAveragePooling2D' | 'GlobalMaxPooling2D', namePrefix: string): LayerKind<GlobalPooling2DParams> {
  const max = kind === 'GlobalMaxPooling2D';
  return {
    kind,
    group: 'Pooling',
    namePrefix,
    schema,
    fields: [],
    inferShape(input) {
      const wrong = requireImage(input, kind);
      if (wrong) return fail(wrong);
      const c = input[2] as number;
      const [h, w] = input as [number, number];
      return ok({ shape: [c], dims: [unchanged(c, { code: max ? 'channel-max' : 'channel-average', values: { h, w } })] });
    },
    countParams: noWeights,
    macs() {
      return zero({ code: max ? 'channel-max-macs' : 'channel-average-macs', values: {} });
    },
    describe() {
      return [{ code: max ? 'max-per-channel' : 'mean-per-channel', values: {} }];
    },
    toKerasConfig() {
      return { data_format: 'channels_last', keepdims: false };
    },
    fromKerasConfig(config) {
      // Passed on so that keepdims=True is refused by the schema rather than silently dropped.
      return 'keepdims' in config ? { keepdims: config['keepdims'] } : {};
    },
    toPython() {
      return `${kind}()`;
    },
  };
}

/** Averages each channel over height and width. */
export const globalAveragePooling2d = globalPooling2d('GlobalAveragePooling2D', 'global_average_pooling2d');
/** Keeps each channel's largest value over height and width. */
export const globalMaxPooling2d = globalPooling2d('GlobalMaxPooling2D', 'global_max_pooling2d');
