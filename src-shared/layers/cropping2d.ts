import { z } from 'zod';
import type { LayerKind } from './types';
import { copySides, sameSides, sides, sidesText, type Sides } from './sides';
import { same } from './spatial';
import { fail, noMacs, noWeights, ok, requireImage } from './checks';
import { num } from './format';

const NONE: Sides = [
  [0, 0],
  [0, 0],
];

const schema = z.object({ cropping: sides().default(() => copySides(NONE)) });
export type Cropping2DParams = z.output<typeof schema>;

/** Cuts rows and columns off each feature map's edges: (h, w, c) → (h − top − bottom, w − left − right, c). */
export const cropping2d: LayerKind<Cropping2DParams> = {
  kind: 'Cropping2D',
  group: 'Reshaping',
  namePrefix: 'cropping2d',
  schema,
  fields: [{ name: 'cropping', kind: 'sides', help: 'Cropping2D.cropping' }],
  inferShape(input, p) {
    const wrong = requireImage(input, 'Cropping2D');
    if (wrong) return fail(wrong);
    const [h, w, c] = input as [number, number, number];
    const [[top, bottom], [left, right]] = p.cropping;
    const rows = h - top - bottom;
    const cols = w - left - right;
    // Keras refuses a cropping that leaves no row or no column (sum of one axis's cropping ≥ its size).
    if (rows < 1 || cols < 1) return fail({ code: 'crop-too-large', values: { top, bottom, left, right, h, w }, param: 'cropping' });
    return ok({
      shape: [rows, cols, c],
      dims: [
        { value: rows, formula: `${num(h)} − ${num(top)} − ${num(bottom)} = ${num(rows)}`, caption: { code: 'cropped-rows', values: {} } },
        { value: cols, formula: `${num(w)} − ${num(left)} − ${num(right)} = ${num(cols)}`, caption: { code: 'cropped-cols', values: {} } },
        same(c),
      ],
    });
  },
  countParams: noWeights,
  macs: noMacs,
  describe(p) {
    return [{ code: 'crop', values: { sides: sidesText(p.cropping) } }];
  },
  toKerasConfig(p) {
    return { cropping: p.cropping, data_format: 'channels_last' };
  },
  fromKerasConfig(config) {
    return 'cropping' in config ? { cropping: config['cropping'] } : {};
  },
  toPython(p) {
    return sameSides(p.cropping, NONE) ? 'Cropping2D()' : `Cropping2D(cropping=${sidesText(p.cropping)})`;
  },
};
