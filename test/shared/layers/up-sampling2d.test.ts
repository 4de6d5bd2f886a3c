/** UpSampling2D by Keras 3's rules: (h, w, c) → (h·size_h, w·size_w, c), no weights; interpolation 'nearest' or 'bilinear'. */
import { describe, expect, it } from 'vitest';
import { upSampling2d } from '../../../src-shared/layers/up-sampling2d';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { describeText, formulaText } from '../../../src-shared/i18n/layer-text';
import type { Shape } from '../../../src-shared/layers/types';

const params = (raw: Record<string, unknown>) => upSampling2d.schema.parse(raw);
function out(input: Shape, raw: Record<string, unknown>) {
  const r = upSampling2d.inferShape(input, params(raw));
  if (!r.ok) throw new Error(problemText('en', r.problem));
  return r.value;
}

describe('UpSampling2D', () => {
  it('defaults to size=(2, 2), interpolation="nearest"; an int means both, any case is read as Keras lower-cases it', () => {
    expect(params({})).toEqual({ size: [2, 2], interpolation: 'nearest' });
    expect(params({ size: 3, interpolation: 'BILINEAR' })).toEqual({ size: [3, 3], interpolation: 'bilinear' });
  });

  it('refuses other interpolations and factors below 1', () => {
    expect(upSampling2d.schema.safeParse({ interpolation: 'bicubic' }).error?.issues.map((i) => i.message)).toEqual(['interpolation']);
    expect(upSampling2d.schema.safeParse({ size: 0 }).success).toBe(false);
  });

  // Keras docs: input_shape = (2, 2, 1, 3); UpSampling2D(size=(1, 2)) → (2, 2, 2, 3).
  it('size=(1, 2) on 2×1×3 → 2×2×3', () => expect(out([2, 1, 3], { size: [1, 2] }).shape).toEqual([2, 2, 3]));
  it('the default on 14×14×10 → 28×28×10, explained', () => {
    const r = out([14, 14, 10], {});
    expect(r.shape).toEqual([28, 28, 10]);
    expect(r.dims.map((d) => formulaText('en', d))).toEqual(['14·2 = 28', '14·2 = 28', '10 (channels)']);
  });

  it('has no weights; nearest only copies, bilinear does 3 multiply-adds per output value', () => {
    const nearest = params({});
    const bilinear = params({ interpolation: 'bilinear' });
    const c = upSampling2d.countParams([7, 7, 4], [14, 14, 4], bilinear);
    expect([c.trainable.value, c.nonTrainable.value]).toEqual([0, 0]);
    expect(formulaText('en', upSampling2d.macs([7, 7, 4], [14, 14, 4], nearest))).toBe('0 (no multiplications: each value is copied)');
    const macs = upSampling2d.macs([7, 7, 4], [14, 14, 4], bilinear);
    expect(macs.value).toBe(3 * 14 * 14 * 4);
    expect(macs.formula).toBe('3·14·14·4 = 2,352');
  });

  it('needs an image', () => {
    const r = upSampling2d.inferShape([5, 5], params({}));
    expect(!r.ok && problemText('en', r.problem)).toMatch(/^UpSampling2D needs a 3-D input/);
  });

  it('describes, writes and reads itself as Keras does', () => {
    const p = params({ size: [1, 2], interpolation: 'bilinear' });
    expect(describeText('en', upSampling2d.describe(p))).toBe('upsample 1×2, bilinear');
    expect(describeText('en', upSampling2d.describe(params({})))).toBe('upsample 2×2');
    expect(upSampling2d.toKerasConfig(p)).toEqual({ size: [1, 2], data_format: 'channels_last', interpolation: 'bilinear' });
    expect(
      params(upSampling2d.fromKerasConfig({ name: 'u', size: [3, 3], data_format: 'channels_last', interpolation: 'nearest' })),
    ).toEqual({
      size: [3, 3],
      interpolation: 'nearest',
    });
    expect(upSampling2d.toPython(params({}))).toBe('UpSampling2D()');
    expect(upSampling2d.toPython(p)).toBe("UpSampling2D(size=(1, 2), interpolation='bilinear')");
  });
});
