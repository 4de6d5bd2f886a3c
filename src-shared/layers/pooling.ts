import { z } from 'zod';
import type { LayerKind } from './types';
import { pair, padding } from './params';
import { outputLength, same } from './spatial';
import { fail, ok, requireImage, ZERO } from './checks';
import { formatPair } from './format';
import { pick, py } from './keras-values';

const schema = z
  .object({
    pool_size: pair('pool_size').default([2, 2]),
    // Keras: strides=None means "same as pool_size".
    strides: pair('strides').nullable().default(null),
    padding: padding.default('valid'),
  })
  .transform((p) => ({ ...p, strides: p.strides ?? p.pool_size }));
export type PoolingParams = z.output<typeof schema>;

/** Max and average pooling share everything but the reduction; this builds either kind. */
function pooling(kind: 'MaxPooling2D' | 'AveragePooling2D', namePrefix: string, reduction: string): LayerKind<PoolingParams> {
  return {
    kind,
    group: 'Pooling',
    namePrefix,
    schema,
    fields: [
      { name: 'pool_size', kind: 'pair', help: `Height and width of the window whose ${reduction} is taken.` },
      { name: 'strides', kind: 'pair', nullable: true, help: 'Step of the window; empty means the same as pool_size.' },
      {
        name: 'padding',
        kind: 'enum',
        options: ['valid', 'same'],
        help: "'valid': drop what does not fit; 'same': pad so the output is ceil(n / stride).",
      },
    ],
    inferShape(input, p) {
      const wrong = requireImage(input, kind);
      if (wrong) return fail(wrong);
      const [h, w, c] = input as [number, number, number];
      const rows = outputLength(h, p.pool_size[0], p.strides[0], 1, p.padding);
      const cols = outputLength(w, p.pool_size[1], p.strides[1], 1, p.padding);
      if (rows.value < 1 || cols.value < 1) {
        return fail({
          message: `a ${formatPair(p.pool_size)} pool does not fit its ${h}×${w} input with padding 'valid' — use padding 'same' or a smaller pool_size`,
          param: 'pool_size',
        });
      }
      return ok({ shape: [rows.value, cols.value, c], dims: [rows, cols, same(c)] });
    },
    countParams() {
      return { trainable: { value: 0, formula: 'no weights' }, nonTrainable: ZERO };
    },
    macs() {
      return { value: 0, formula: `no multiplications (a ${reduction} per window)` };
    },
    describe(p) {
      const parts = [formatPair(p.pool_size)];
      if (p.strides[0] !== p.pool_size[0] || p.strides[1] !== p.pool_size[1]) parts.push(`stride ${formatPair(p.strides)}`);
      parts.push(p.padding);
      return parts.join(', ');
    },
    toKerasConfig(p) {
      return { pool_size: p.pool_size, padding: p.padding, strides: p.strides, data_format: 'channels_last' };
    },
    fromKerasConfig(config) {
      return pick(config, ['pool_size', 'strides', 'padding']);
    },
    toPython(p) {
      const args = [py(p.pool_size)];
      if (p.strides[0] !== p.pool_size[0] || p.strides[1] !== p.pool_size[1]) args.push(`strides=${py(p.strides)}`);
      if (p.padding !== 'valid') args.push(`padding=${py(p.padding)}`);
      return `${kind}(${args.join(', ')})`;
    },
  };
}

export const maxPooling2d = pooling('MaxPooling2D', 'max_pooling2d', 'maximum');
export const averagePooling2d = pooling('AveragePooling2D', 'average_pooling2d', 'average');
