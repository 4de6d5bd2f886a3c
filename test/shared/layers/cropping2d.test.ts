/**
 * Cropping2D by Keras 3's rules: (h, w, c) → (h − top − bottom, w − left − right, c), refused when
 * an axis's cropping is not smaller than its size. Expected values come from Keras's documentation.
 */
import { describe, expect, it } from 'vitest';
import { cropping2d } from '../../../src-shared/layers/cropping2d';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { describeText, formulaText } from '../../../src-shared/i18n/layer-text';
import type { Shape } from '../../../src-shared/layers/types';

const params = (raw: Record<string, unknown>) => cropping2d.schema.parse(raw);
const result = (input: Shape, raw: Record<string, unknown>) => cropping2d.inferShape(input, params(raw));
const shape = (input: Shape, raw: Record<string, unknown>) => {
  const r = result(input, raw);
  return r.ok ? r.value.shape : problemText('en', r.problem);
};

describe('Cropping2D', () => {
  it('defaults to cropping=((0, 0), (0, 0))', () =>
    expect(params({})).toEqual({
      cropping: [
        [0, 0],
        [0, 0],
      ],
    }));

  // Keras docs: input_shape = (2, 28, 28, 3); Cropping2D(cropping=((2, 2), (4, 4))) → (2, 24, 20, 3).
  it('((2, 2), (4, 4)) on 28×28×3 → 24×20×3', () =>
    expect(
      shape([28, 28, 3], {
        cropping: [
          [2, 2],
          [4, 4],
        ],
      }),
    ).toEqual([24, 20, 3]));
  it('the default keeps the shape', () => expect(shape([5, 6, 2], {})).toEqual([5, 6, 2]));
  it('an int crops every side: 1 on 5×6×2 → 3×4×2', () => expect(shape([5, 6, 2], { cropping: 1 })).toEqual([3, 4, 2]));
  it('one row may remain: (1, 0) on 3×3 → 1×3', () => expect(shape([3, 3, 1], { cropping: [1, 0] })).toEqual([1, 3, 1]));

  it('explains each dimension with its real numbers', () => {
    const r = result([28, 28, 3], {
      cropping: [
        [2, 2],
        [4, 4],
      ],
    });
    expect(r.ok && r.value.dims.map((d) => formulaText('en', d))).toEqual([
      '28 − 2 − 2 = 24 (rows cut off at the top and bottom)',
      '28 − 4 − 4 = 20 (columns cut off on the left and right)',
      '3 (channels)',
    ]);
  });

  it('refuses a cropping that leaves nothing, saying how much is allowed (Keras: "should be smaller than the spatial dimension")', () => {
    const r = result([4, 4, 1], { cropping: 2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ code: 'crop-too-large', param: 'cropping' });
    expect(problemText('en', r.problem)).toBe(
      'cropping (2, 2), (2, 2) leaves nothing of its 4×4 input — top + bottom must stay below 4 and left + right below 4',
    );
    expect(problemText('ko', r.problem)).toContain('자르기 (2, 2), (2, 2)');
    expect(
      shape([3, 9, 1], {
        cropping: [
          [0, 0],
          [5, 4],
        ],
      }),
    ).toMatch(/^cropping \(0, 0\), \(5, 4\) leaves nothing of its 3×9 input/);
  });

  it('needs an image', () => expect(shape([10, 3], {})).toMatch(/^Cropping2D needs a 3-D input/));

  it('has no weights', () => {
    const c = cropping2d.countParams([4, 4, 3], [2, 2, 3], params({ cropping: 1 }));
    expect([c.trainable.value, c.nonTrainable.value]).toEqual([0, 0]);
  });

  it('describes, writes and reads the cropping as Keras does', () => {
    const p = params({
      cropping: [
        [2, 2],
        [4, 4],
      ],
    });
    expect(describeText('en', cropping2d.describe(p))).toBe('crop (2, 4)');
    expect(cropping2d.toKerasConfig(p)).toEqual({
      cropping: [
        [2, 2],
        [4, 4],
      ],
      data_format: 'channels_last',
    });
    expect(
      params(
        cropping2d.fromKerasConfig({
          name: 'c',
          cropping: [
            [1, 0],
            [0, 1],
          ],
          data_format: 'channels_last',
        }),
      ),
    ).toEqual({
      cropping: [
        [1, 0],
        [0, 1],
      ],
    });
    expect(cropping2d.toPython(p)).toBe('Cropping2D(cropping=(2, 4))');
    expect(cropping2d.toPython(params({}))).toBe('Cropping2D()');
  });
});
