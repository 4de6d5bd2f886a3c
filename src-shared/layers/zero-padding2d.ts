import { z } from 'zod';
import type { LayerKind } from './types';
import { copySides, sameSides, sides, sidesText, type Sides } from './sides';
import { same } from './spatial';
import { fail, noMacs, noWeights, ok, requireImage } from './checks';
import { num } from './format';

const DEFAULT: Sides = [
  [1, 1],
  [1, 1],
];

const schema = z.object({ padding: sides().default(() => copySides(DEFAULT)) });
export type ZeroPadding2DParams = z.output<typeof schema>;

/** Adds rows and columns of zeros around each feature map: (h, w, c) → (h + top + bottom, w + left + right, c). */
export const zeroPadding2d: LayerKind<ZeroPadding2DParams> = {
  kind: 'ZeroPadding2D',
  group: 'Reshaping',
  namePrefix: 'zero_padding2d',
  schema,
  fields: [{ name: 'padding', kind: 'sides', help: 'ZeroPadding2D.padding' }],
  inferShape(input, p) {
    const wrong = requireImage(input, 'ZeroPadding2D');
    if (wrong) return fail(wrong);
    const [h, w, c] = input as [number, number, number];
    const [[top, bottom], [left, right]] = p.padding;
    const rows = h + top + bottom;
    const cols = w + left + right;
    return ok({
      shape: [rows, cols, c],
      dims: [
        { value: rows, formula: `${num(h)} + ${num(top)} + ${num(bottom)} = ${num(rows)}`, caption: { code: 'padded-rows', values: {} } },
        { value: cols, formula: `${num(w)} + ${num(left)} + ${num(right)} = ${num(cols)}`, caption: { code: 'padded-cols', values: {} } },
        same(c),
      ],
    });
  },
  countParams: noWeights,
  macs: noMacs,
  describe(p) {
    return [{ code: 'pad', values: { sides: sidesText(p.padding) } }];
  },
  toKerasConfig(p) {
    return { padding: p.padding, data_format: 'channels_last' };
  },
  fromKerasConfig(config) {
    return 'padding' in config ? { padding: config['padding'] } : {};
  },
  toPython(p) {
    return sameSides(p.padding, DEFAULT) ? 'ZeroPadding2D()' : `ZeroPadding2D(padding=${sidesText(p.padding)})`;
  },
};
