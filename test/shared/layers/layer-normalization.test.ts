/**
 * LayerNormalization by Keras 3's rules: the shape is unchanged; gamma and beta span the normalized
 * axes (2·C for the default axis -1); nothing is non-trainable. Expected values from Keras's docs.
 */
import { describe, expect, it } from 'vitest';
import { layerNormalization } from '../../../src-shared/layers/layer-normalization';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { describeText, formulaText } from '../../../src-shared/i18n/layer-text';
import type { Shape } from '../../../src-shared/layers/types';

const params = (raw: Record<string, unknown>) => layerNormalization.schema.parse(raw);
function weights(input: Shape, raw: Record<string, unknown>): [number, number] {
  const p = params(raw);
  const r = layerNormalization.inferShape(input, p);
  if (!r.ok) throw new Error(problemText('en', r.problem));
  const c = layerNormalization.countParams(input, r.value.shape, p);
  return [c.trainable.value, c.nonTrainable.value];
}
const problem = (input: Shape, raw: Record<string, unknown>) => {
  const r = layerNormalization.inferShape(input, params(raw));
  return r.ok ? undefined : problemText('en', r.problem);
};

describe('LayerNormalization', () => {
  it('LayerNormalization(axis=-1, epsilon=1e-3, center=True, scale=True, rms_scaling=False)', () =>
    expect(params({})).toEqual({ axis: -1, epsilon: 0.001, center: true, scale: true, rms_scaling: false }));

  it('keeps the shape', () => {
    const r = layerNormalization.inferShape([7, 7, 32], params({}));
    expect(r.ok && r.value.shape).toEqual([7, 7, 32]);
  });

  it('axis -1 on 32 channels: gamma + beta = 2·32 = 64 trainable, 0 non-trainable', () => {
    expect(weights([7, 7, 32], {})).toEqual([64, 0]);
    const c = layerNormalization.countParams([7, 7, 32], [7, 7, 32], params({}));
    expect(formulaText('en', c.trainable)).toBe('2·32 = 64 (gamma + beta)');
    expect(formulaText('en', c.nonTrainable)).toBe('0 (none: each sample is normalized with its own mean and variance)');
  });

  // Keras docs: LayerNormalization(axis=[1, 2, 3]).build([5, 20, 30, 40]) → beta and gamma of shape (20, 30, 40).
  it('axis [1, 2, 3] on 20×30×40: gamma and beta of shape (20, 30, 40)', () =>
    expect(weights([20, 30, 40], { axis: [1, 2, 3] })).toEqual([48000, 0]));
  it('axis 1 counts from the first dimension after the batch', () => expect(weights([5, 6], { axis: 1 })).toEqual([10, 0]));
  it('center or scale off drops beta or gamma', () => {
    expect(weights([10], { center: false })).toEqual([10, 0]);
    expect(weights([10], { scale: false })).toEqual([10, 0]);
    expect(weights([10], { center: false, scale: false })).toEqual([0, 0]);
  });

  it('refuses an axis the input does not have, and the batch axis, saying which exist', () => {
    expect(problem([7, 7, 32], { axis: 4 })).toBe(
      'axis 4 does not exist in an input of shape (None, 7, 7, 32) — use -1 (the last axis) or a number from 1 to 3',
    );
    expect(problem([7, 7, 32], { axis: 0 })).toMatch(/^axis 0 does not exist/);
    expect(problem([7, 7, 32], { axis: -4 })).toMatch(/^axis -4 does not exist/);
    expect(problem([7, 7, 32], { axis: -3 })).toBeUndefined();
  });

  it('refuses the same axis named twice (-1 and 3 on a rank-3 sample)', () =>
    expect(problem([4, 5, 6], { axis: [3, -1] })).toBe(
      'axis -1 names an axis of (None, 4, 5, 6) that the list already names — list each axis once',
    ));

  it('refuses rms_scaling=True (TensorFlow.js has no such option) and non-integer axes', () => {
    expect(layerNormalization.schema.safeParse({ rms_scaling: true }).error?.issues.map((i) => i.message)).toEqual(['only-false']);
    expect(layerNormalization.schema.safeParse({ axis: 1.5 }).error?.issues.map((i) => i.message)).toEqual(['axis']);
  });

  it('costs two multiply-adds per value', () => {
    const m = layerNormalization.macs([7, 7, 32], [7, 7, 32], params({}));
    expect(m.value).toBe(2 * 7 * 7 * 32);
  });

  it("writes Keras 3's config, the axis as the list Keras keeps once built", () =>
    expect(layerNormalization.toKerasConfig(params({ epsilon: 1e-5 }))).toEqual({
      axis: [-1],
      epsilon: 1e-5,
      center: true,
      scale: true,
      rms_scaling: false,
      beta_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
      gamma_initializer: { module: 'keras.initializers', class_name: 'Ones', config: {}, registered_name: null },
      beta_regularizer: null,
      gamma_regularizer: null,
      beta_constraint: null,
      gamma_constraint: null,
    }));

  it('reads Keras 3 (axis as a list), tf.keras 2 (an int) and TensorFlow.js (resolved axes) configs', () => {
    expect(
      params(layerNormalization.fromKerasConfig({ name: 'l', axis: [-1], epsilon: 0.001, center: true, scale: true, rms_scaling: false })),
    ).toEqual(params({}));
    expect(params(layerNormalization.fromKerasConfig({ name: 'l', axis: -1, epsilon: 1e-6, center: false, scale: true }))).toEqual(
      params({ epsilon: 1e-6, center: false }),
    );
    expect(params(layerNormalization.fromKerasConfig({ name: 'l', axis: [1, 2], epsilon: 0.001, center: true, scale: true }))).toEqual(
      params({ axis: [1, 2] }),
    );
  });

  it('describes itself and speaks Python with only what differs', () => {
    expect(describeText('en', layerNormalization.describe(params({})))).toBe('axis -1');
    expect(describeText('ko', layerNormalization.describe(params({ axis: [1, 2] })))).toBe('축 1, 2');
    expect(layerNormalization.toPython(params({}))).toBe('LayerNormalization()');
    expect(layerNormalization.toPython(params({ axis: [1, 2, 3], epsilon: 1e-5, center: false, scale: false }))).toBe(
      'LayerNormalization(axis=[1, 2, 3], epsilon=0.00001, center=False, scale=False)',
    );
  });
});
