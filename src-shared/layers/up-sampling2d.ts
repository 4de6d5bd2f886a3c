import { z } from 'zod';
import type { DescriptionPart, LayerKind } from './types';
import { pair, says } from './params';
import { same } from './spatial';
import { fail, noWeights, ok, requireImage, zero } from './checks';
import { num, product, productFormula } from './format';
import { pick, py } from './keras-values';

export const INTERPOLATIONS = ['nearest', 'bilinear'] as const;

const schema = z.object({
  size: pair().default((): [number, number] => [2, 2]),
  // Keras lower-cases it ('BILINEAR' works too).
  interpolation: z
    .string(says('interpolation'))
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(INTERPOLATIONS, says('interpolation')))
    .default('nearest'),
});
export type UpSampling2DParams = z.output<typeof schema>;

/** Enlarges each feature map by whole factors: repeats rows and columns ('nearest') or interpolates ('bilinear'). */
export const upSampling2d: LayerKind<UpSampling2DParams> = {
  kind: 'UpSampling2D',
  group: 'Reshaping',
  namePrefix: 'up_sampling2d',
  schema,
  fields: [
    { name: 'size', kind: 'pair', help: 'UpSampling2D.size' },
    { name: 'interpolation', kind: 'enum', options: INTERPOLATIONS, help: 'UpSampling2D.interpolation' },
  ],
  inferShape(input, p) {
    const wrong = requireImage(input, 'UpSampling2D');
    if (wrong) return fail(wrong);
    const [h, w, c] = input as [number, number, number];
    const [sh, sw] = p.size;
    const rows = h * sh;
    const cols = w * sw;
    return ok({
      shape: [rows, cols, c],
      dims: [
        { value: rows, formula: `${num(h)}·${num(sh)} = ${num(rows)}` },
        { value: cols, formula: `${num(w)}·${num(sw)} = ${num(cols)}` },
        same(c),
      ],
    });
  },
  countParams: noWeights,
  macs(_input, output, p) {
    if (p.interpolation === 'nearest') return zero({ code: 'upsample-copies', values: {} });
    // TensorFlow's bilinear kernel: top and bottom lerps, then one between them — 3 multiply-adds per value.
    const factors = [3, ...output];
    return { value: product(factors), formula: productFormula(factors), caption: { code: 'upsample-bilinear', values: {} } };
  },
  describe(p) {
    const parts: DescriptionPart[] = [{ code: 'upsample', values: { h: p.size[0], w: p.size[1] } }];
    if (p.interpolation !== 'nearest') parts.push({ code: 'keras', values: { value: p.interpolation } });
    return parts;
  },
  toKerasConfig(p) {
    return { size: p.size, data_format: 'channels_last', interpolation: p.interpolation };
  },
  fromKerasConfig(config) {
    return pick(config, ['size', 'interpolation']);
  },
  toPython(p) {
    const args: string[] = [];
    if (p.size[0] !== 2 || p.size[1] !== 2) args.push(`size=${py(p.size)}`);
    if (p.interpolation !== 'nearest') args.push(`interpolation=${py(p.interpolation)}`);
    return `UpSampling2D(${args.join(', ')})`;
  },
};
