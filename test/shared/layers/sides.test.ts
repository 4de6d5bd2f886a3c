/** The three forms Keras accepts for ZeroPadding2D's padding and Cropping2D's cropping (Keras 3's argument_validation). */
import { describe, expect, it } from 'vitest';
import { sides, sidesText, shortestSides } from '../../../src-shared/layers/sides';

const parse = (v: unknown) => sides().safeParse(v);

describe('sides', () => {
  it('an int is the same amount on all four sides', () =>
    expect(parse(2).data).toEqual([
      [2, 2],
      [2, 2],
    ]));

  it('(sym_h, sym_w) is top = bottom = sym_h and left = right = sym_w', () =>
    expect(parse([1, 3]).data).toEqual([
      [1, 1],
      [3, 3],
    ]));

  it('((top, bottom), (left, right)) is kept as it is', () =>
    expect(
      parse([
        [1, 2],
        [3, 4],
      ]).data,
    ).toEqual([
      [1, 2],
      [3, 4],
    ]));

  it('each entry is standardized on its own, as Keras does: (1, (2, 3))', () =>
    expect(parse([1, [2, 3]]).data).toEqual([
      [1, 1],
      [2, 3],
    ]));

  it('0 is allowed (allow_zero=True)', () =>
    expect(parse(0).data).toEqual([
      [0, 0],
      [0, 0],
    ]));

  it.each([[-1], [[1, 2, 3]], [[[1, 2, 3], 1]], [1.5], ['1'], [null], [[[1, -2], 3]], [[]]])('refuses %j with the code "sides"', (v) => {
    const r = parse(v);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['sides']);
  });
});

describe('the shortest Python form', () => {
  it.each([
    [
      [
        [1, 1],
        [1, 1],
      ],
      1,
      '1',
    ],
    [
      [
        [1, 1],
        [2, 2],
      ],
      [1, 2],
      '(1, 2)',
    ],
    [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 4],
      ],
      '((1, 2), (3, 4))',
    ],
    [
      [
        [0, 1],
        [0, 1],
      ],
      [
        [0, 1],
        [0, 1],
      ],
      '((0, 1), (0, 1))',
    ],
  ] as const)('%j → %j', (s, short, text) => {
    const value = parse(s).data!;
    expect(shortestSides(value)).toEqual(short);
    expect(sidesText(value)).toBe(text);
    // Keras reads the short form back as the same sides.
    expect(parse(short).data).toEqual(value);
  });
});
