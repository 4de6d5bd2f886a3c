import { z } from 'zod';
import { says } from './params';
import { py } from './keras-values';

/** ((top, bottom), (left, right)): how Keras stores ZeroPadding2D's padding and Cropping2D's cropping. */
export type Sides = [[number, number], [number, number]];

const amount = z.number(says('sides')).int(says('sides')).min(0, says('sides'));
// Keras standardizes each entry on its own, so (1, (2, 3)) is as valid as ((1, 1), (2, 3)).
const axisSides = z.union([amount, z.tuple([amount, amount])]);

/** Keras's three forms: 1, (symmetric height, symmetric width), or ((top, bottom), (left, right)); each amount ≥ 0. */
export const sides = () =>
  z.union([amount, z.tuple([axisSides, axisSides])], says('sides')).transform((v): Sides => {
    if (typeof v === 'number')
      return [
        [v, v],
        [v, v],
      ];
    const each = (a: number | [number, number]): [number, number] => (typeof a === 'number' ? [a, a] : [a[0], a[1]]);
    return [each(v[0]), each(v[1])];
  });

/** The shortest form Keras reads back as the same sides: 1, (1, 2) or ((1, 2), (3, 4)). */
export function shortestSides(s: Sides): number | [number, number] | Sides {
  const [[t, b], [l, r]] = s;
  if (t === b && l === r) return t === l ? t : [t, l];
  return s;
}

/** Python's spelling of the sides in their shortest form, for code and node descriptions. */
export function sidesText(s: Sides): string {
  return py(shortestSides(s));
}

/** A fresh copy, so a default is never shared between layers' params. */
export function copySides(s: Sides): Sides {
  return [
    [s[0][0], s[0][1]],
    [s[1][0], s[1][1]],
  ];
}

/** True when two sides are the same amounts. */
export function sameSides(a: Sides, b: Sides): boolean {
  return a[0][0] === b[0][0] && a[0][1] === b[0][1] && a[1][0] === b[1][0] && a[1][1] === b[1][1];
}
