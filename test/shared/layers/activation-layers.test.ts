/**
 * The activation layers ReLU, LeakyReLU and Softmax: Keras 3's defaults and validation
 * (keras/src/layers/activations/*.py: max_value, negative_slope and threshold must be ≥ 0;
 * LeakyReLU's negative_slope defaults to 0.3 and was `alpha` in tf.keras 2 and TensorFlow.js),
 * the shape they keep, and the configs each writer uses.
 */
import { describe, expect, it } from 'vitest';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { describeText, formulaText } from '../../../src-shared/i18n/layer-text';
import { leakyReLU, reLU, softmax } from '../../../src-shared/layers/activation-layers';
import type { LayerKind } from '../../../src-shared/layers/types';

/** The code of the first refusal of the schema, or the parsed params. */
function parse<P>(kind: LayerKind<P>, raw: Record<string, unknown>): P | string {
  const r = kind.schema.safeParse(raw);
  return r.success ? r.data : (r.error.issues[0]?.message ?? '');
}

describe('ReLU', () => {
  it('defaults to max_value=None, negative_slope=0, threshold=0, as ReLU() in Keras 3', () => {
    expect(parse(reLU, {})).toEqual({ max_value: null, negative_slope: 0, threshold: 0 });
    expect(parse(reLU, { max_value: 6 })).toEqual({ max_value: 6, negative_slope: 0, threshold: 0 });
  });

  it('refuses negative values and None for the slope and threshold, as Keras raises ValueError', () => {
    expect(parse(reLU, { max_value: -1 })).toBe('negative');
    expect(parse(reLU, { negative_slope: -0.1 })).toBe('negative');
    expect(parse(reLU, { threshold: -2 })).toBe('negative');
    expect(parse(reLU, { negative_slope: null })).toBe('not-number');
    expect(parse(reLU, { max_value: 'six' })).toBe('not-number');
    expect(problemText('en', { code: 'negative', values: { param: 'max_value' } })).toBe('max_value must be at least 0');
    expect(problemText('ko', { code: 'negative', values: { param: 'max_value' } })).toBe('max_value은(는) 0 이상이어야 합니다');
  });

  it('keeps the shape, learns nothing and is described by its settings', () => {
    const p = { max_value: 6, negative_slope: 0.1, threshold: 0.5 };
    const r = reLU.inferShape([28, 28, 10], p);
    expect(r.ok && r.value.shape).toEqual([28, 28, 10]);
    expect(reLU.countParams([28, 28, 10], [28, 28, 10], p).trainable.value).toBe(0);
    expect(formulaText('en', reLU.macs([28, 28, 10], [28, 28, 10], p))).toBe('0 (no multiply-accumulates)');
    expect(describeText('en', reLU.describe(p))).toBe('at most 6, negative slope 0.1, threshold 0.5');
    expect(describeText('en', reLU.describe({ max_value: null, negative_slope: 0, threshold: 0 }))).toBe('negatives to 0');
    expect(describeText('ko', reLU.describe(p))).toBe('최댓값 6, 음수 기울기 0.1, 임계값 0.5');
  });

  it('writes the Keras 3 config, reads Keras 3, tf.keras 2 and TensorFlow.js configs, and writes Python with non-defaults only', () => {
    expect(reLU.toKerasConfig({ max_value: null, negative_slope: 0, threshold: 0 })).toEqual({
      max_value: null,
      negative_slope: 0,
      threshold: 0,
    });
    // Keras 3 and tf.keras 2 write all three; TensorFlow.js writes max_value only, and omits it when unset.
    expect(reLU.fromKerasConfig({ name: 're_lu', max_value: 6.0, negative_slope: 0.0, threshold: 0.0 })).toEqual({
      max_value: 6,
      negative_slope: 0,
      threshold: 0,
    });
    expect(parse(reLU, reLU.fromKerasConfig({ name: 're_lu_ReLU1', trainable: true }))).toEqual({
      max_value: null,
      negative_slope: 0,
      threshold: 0,
    });
    expect(reLU.toPython({ max_value: null, negative_slope: 0, threshold: 0 })).toBe('ReLU()');
    expect(reLU.toPython({ max_value: 10, negative_slope: 0.5, threshold: 0 })).toBe('ReLU(max_value=10, negative_slope=0.5)');
  });
});

describe('LeakyReLU', () => {
  it("defaults to Keras 3's negative_slope=0.3 and refuses a negative one", () => {
    expect(parse(leakyReLU, {})).toEqual({ negative_slope: 0.3 });
    expect(parse(leakyReLU, { negative_slope: -0.3 })).toBe('negative');
  });

  it('reads negative_slope (Keras 3) and alpha (tf.keras 2, TensorFlow.js), and writes Keras 3', () => {
    expect(leakyReLU.fromKerasConfig({ negative_slope: 0.2 })).toEqual({ negative_slope: 0.2 });
    expect(leakyReLU.fromKerasConfig({ alpha: 0.1, name: 'leaky_re_lu' })).toEqual({ negative_slope: 0.1 });
    expect(leakyReLU.fromKerasConfig({ name: 'leaky_re_lu' })).toEqual({});
    expect(leakyReLU.toKerasConfig({ negative_slope: 0.2 })).toEqual({ negative_slope: 0.2 });
  });

  it('writes Python that runs on Keras 3 and tf.keras 2 alike (the slope as first argument)', () => {
    expect(leakyReLU.toPython({ negative_slope: 0.3 })).toBe('LeakyReLU()');
    expect(leakyReLU.toPython({ negative_slope: 0.1 })).toBe('LeakyReLU(0.1)');
    expect(describeText('en', leakyReLU.describe({ negative_slope: 0.1 }))).toBe('negative slope 0.1');
  });
});

describe('Softmax', () => {
  it('defaults to the last axis and keeps the shape', () => {
    expect(parse(softmax, {})).toEqual({ axis: -1 });
    const r = softmax.inferShape([10], { axis: -1 });
    expect(r.ok && r.value.shape).toEqual([10]);
    expect(softmax.inferShape([4, 10], { axis: 1 }).ok).toBe(true);
    expect(softmax.inferShape([4, 10], { axis: -2 }).ok).toBe(true);
  });

  it('refuses the batch axis, axes the input lacks, and a scalar input', () => {
    expect(softmax.check?.({ axis: 0 })).toEqual({ code: 'batch-axis', values: { kind: 'Softmax' }, param: 'axis' });
    expect(problemText('en', softmax.check!({ axis: 0 })!)).toBe(
      'axis 0 is the batch, across samples, and Softmax works within each sample — use -1 for the last axis, or another axis from 1',
    );
    const r = softmax.inferShape([10], { axis: 2 });
    expect(!r.ok && problemText('en', r.problem)).toBe(
      'axis 2 does not exist in an input of shape (None, 10) — use an axis from 1 to 1, or -1 for the last one (axis 0 is the batch)',
    );
    expect(!r.ok && problemText('ko', r.problem)).toBe(
      '축 2은(는) (None, 10) 형태의 입력에 없습니다 — 1부터 1까지의 축이나, 마지막 축을 뜻하는 -1을 쓰세요 (축 0은 배치입니다)',
    );
    expect(softmax.inferShape([10], { axis: -2 }).ok).toBe(false);
    expect(softmax.inferShape([], { axis: -1 }).ok).toBe(false);
  });

  it('reads and writes the axis in every format, and Python names it only when it is not the last', () => {
    expect(softmax.fromKerasConfig({ axis: 1, name: 'softmax' })).toEqual({ axis: 1 });
    expect(softmax.toKerasConfig({ axis: -1 })).toEqual({ axis: -1 });
    expect(softmax.toPython({ axis: -1 })).toBe('Softmax()');
    expect(softmax.toPython({ axis: 1 })).toBe('Softmax(axis=1)');
    expect(describeText('ko', softmax.describe({ axis: -1 }))).toBe('축 -1');
  });
});
