import { z } from 'zod';
import type { DescriptionPart, LayerKind } from './types';
import { pair, padding } from './params';
import { outputLength, same } from './spatial';
import { fail, noWeights, ok, requireImage, zero } from './checks';
import { pick, py } from './keras-values';

const schema = z
  .object({
    pool_size: pair().default([2, 2]),
    // Keras: strides=None means "same as pool_size".
    strides: pair().nullable().default(null),
    padding: padding.default('valid'),
  })
  .transform((p) => ({ ...p, strides: p.strides ?? p.pool_size }));
export type PoolingParams = z.output<typeof schema>;

/** Max and average pooling share everything but the reduction; this builds either kind. */
function pooling(kind: 'MaxPooling2D' | 'AveragePooling2D', namePrefix: string): LayerKind<PoolingParams> {
  return {
    kind,
    group: 'Pooling',
    namePrefix,
    schema,
    fields: [
      { name: 'pool_size', kind: 'pair', help: `${kind}.pool_size` },
      { name: 'strides', kind: 'pair', nullable: true, help: `${kind}.strides` },
      { name: 'padding', kind: 'enum', options: ['valid', 'same'], help: `${kind}.padding` },
    ],
    inferShape(input, p) {
      const wrong = requireImage(input, kind);
      if (wrong) return fail(wrong);
      const [h, w, c] = input as [number, number, number];
      const rows = outputLength(h, p.pool_size[0], p.strides[0], 1, p.padding);
      const cols = outputLength(w, p.pool_size[1], p.strides[1], 1, p.padding);
      if (rows.value < 1 || cols.value < 1) {
        return fail({ code: 'pool-too-large', values: { ph: p.pool_size[0], pw: p.pool_size[1], h, w }, param: 'pool_size' });
      }
      return ok({ shape: [rows.value, cols.value, c], dims: [rows, cols, same(c)] });
    },
    countParams: noWeights,
    macs() {
      return zero({ code: kind === 'MaxPooling2D' ? 'pool-max' : 'pool-average', values: {} });
    },
    describe(p) {
      const parts: DescriptionPart[] = [{ code: 'window', values: { h: p.pool_size[0], w: p.pool_size[1] } }];
      if (p.strides[0] !== p.pool_size[0] || p.strides[1] !== p.pool_size[1])
        parts.push({ code: 'stride', values: { h: p.strides[0], w: p.strides[1] } });
      parts.push({ code: 'keras', values: { value: p.padding } });
      return parts;
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

export const maxPooling2d = pooling('MaxPooling2D', 'max_pooling2d');
export const averagePooling2d = pooling('AveragePooling2D', 'average_pooling2d');
