/**
 * ZeroPadding2D by Keras 3's rules: (h, w, c) → (h + top + bottom, w + left + right, c), no weights.
 * Expected values come from Keras's documentation and that rule, never from Convas.
 */
import { describe, expect, it } from 'vitest';
import { zeroPadding2d } from '../../../src-shared/layers/zero-padding2d';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { describeText, formulaText } from '../../../src-shared/i18n/layer-text';
import type { Shape } from '../../../src-shared/layers/types';

const params = (raw: Record<string, unknown>) => zeroPadding2d.schema.parse(raw);

function out(input: Shape, raw: Record<string, unknown>) {
  const r = zeroPadding2d.inferShape(input, params(raw));
  if (!r.ok) throw new Error(problemText('en', r.problem));
  return r.value;
}

describe('ZeroPadding2D', () => {
  it('defaults to padding=(1, 1), i.e. one zero on every side', () =>
    expect(params({})).toEqual({
      padding: [
        [1, 1],
        [1, 1],
      ],
    }));

  // Keras docs: input_shape = (1, 1, 2, 2); ZeroPadding2D(padding=1) → shape (1, 3, 4, 2).
  it('padding=1 on 1×2×2 → 3×4×2', () => expect(out([1, 2, 2], { padding: 1 }).shape).toEqual([3, 4, 2]));
  it('padding=(1, 2) on 28×28×1 → 30×32×1', () => expect(out([28, 28, 1], { padding: [1, 2] }).shape).toEqual([30, 32, 1]));
  it('padding=((1, 2), (3, 4)) on 5×5×3 → 8×12×3', () =>
    expect(
      out([5, 5, 3], {
        padding: [
          [1, 2],
          [3, 4],
        ],
      }).shape,
    ).toEqual([8, 12, 3]));

  it('explains each dimension with its real numbers', () => {
    const dims = out([28, 28, 10], {
      padding: [
        [1, 2],
        [0, 3],
      ],
    }).dims.map((d) => formulaText('en', d));
    expect(dims).toEqual([
      '28 + 1 + 2 = 31 (rows of zeros added at the top and bottom)',
      '28 + 0 + 3 = 31 (columns of zeros added on the left and right)',
      '10 (channels)',
    ]);
  });

  it('has no weights and no multiply-accumulates', () => {
    const p = params({});
    const c = zeroPadding2d.countParams([4, 4, 3], [6, 6, 3], p);
    expect([c.trainable.value, c.nonTrainable.value, zeroPadding2d.macs([4, 4, 3], [6, 6, 3], p).value]).toEqual([0, 0, 0]);
  });

  it('needs an image', () => {
    const r = zeroPadding2d.inferShape([784], params({}));
    expect(!r.ok && problemText('en', r.problem)).toMatch(
      /^ZeroPadding2D needs a 3-D input \(height, width, channels\) but receives \(None, 784\) — /,
    );
  });

  it('describes itself in the shortest Keras form', () => {
    expect(describeText('en', zeroPadding2d.describe(params({})))).toBe('pad 1');
    expect(describeText('ko', zeroPadding2d.describe(params({ padding: [1, 2] })))).toBe('패딩 (1, 2)');
  });

  it("writes Keras 3's config, ((top, bottom), (left, right)) as model.to_json() does", () =>
    expect(zeroPadding2d.toKerasConfig(params({ padding: 2 }))).toEqual({
      padding: [
        [2, 2],
        [2, 2],
      ],
      data_format: 'channels_last',
    }));

  it('reads Keras 3, tf.keras 2 and TensorFlow.js configs (all write the nested form)', () => {
    const config = {
      name: 'zero_padding2d',
      trainable: true,
      padding: [
        [1, 2],
        [3, 4],
      ],
      data_format: 'channels_last',
    };
    expect(params(zeroPadding2d.fromKerasConfig(config))).toEqual({
      padding: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(params(zeroPadding2d.fromKerasConfig({ name: 'z' }))).toEqual(params({}));
  });

  it('writes Python with only what differs from the default', () => {
    expect(zeroPadding2d.toPython(params({}))).toBe('ZeroPadding2D()');
    expect(zeroPadding2d.toPython(params({ padding: 3 }))).toBe('ZeroPadding2D(padding=3)');
    expect(zeroPadding2d.toPython(params({ padding: [0, 2] }))).toBe('ZeroPadding2D(padding=(0, 2))');
    expect(
      zeroPadding2d.toPython(
        params({
          padding: [
            [1, 0],
            [0, 1],
          ],
        }),
      ),
    ).toBe('ZeroPadding2D(padding=((1, 0), (0, 1)))');
  });
});
