/**
 * Each layer module on its own: Keras's documented defaults, and the shapes and weights of the
 * examples in Keras's documentation (tf.keras 2 and Keras 3 API pages). Expected values are copied
 * from those pages or derived by their rules, never computed with Convas.
 */
import { KERAS_PREFIX } from '../support/keras-prefixes';
import { describe, expect, it } from 'vitest';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { allLayerKinds, countParamsOf, inferOutput, layerKind, type AnyLayerKind } from '../../../src-shared/layers/registry';
import { LAYER_KIND_IDS, type Shape } from '../../../src-shared/layers/types';

function kind(id: string): AnyLayerKind {
  const k = layerKind(id);
  if (!k) throw new Error(`no layer kind ${id}`);
  return k;
}

/** Parses params with the kind's schema (Keras defaults filled in). */
function params(id: string, raw: Record<string, unknown>): unknown {
  const parsed = kind(id).schema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

/** Output shape (without batch) of one layer on one input, or the problem's English sentence. */
function out(id: string, input: Shape, raw: Record<string, unknown>): Shape | string {
  const r = inferOutput(kind(id), [input], params(id, raw));
  return r.ok ? r.value.shape : problemText('en', r.problem);
}

/** [trainable, non-trainable] weights of one layer on one input. */
function weights(id: string, input: Shape, raw: Record<string, unknown>): [number, number] {
  const p = params(id, raw);
  const r = inferOutput(kind(id), [input], p);
  if (!r.ok) throw new Error(problemText('en', r.problem));
  const c = countParamsOf(kind(id), [input], r.value.shape, p);
  return [c.trainable.value, c.nonTrainable.value];
}

describe('the registry', () => {
  it('has one module per Keras class, with the prefixes Keras 3 uses for automatic names', () => {
    expect(
      allLayerKinds()
        .map((k) => k.kind)
        .sort(),
    ).toEqual([...LAYER_KIND_IDS].sort());
    // Keras 3 names layers after their class in snake case: conv2d, max_pooling2d, input_layer, ...
    expect(Object.fromEntries(allLayerKinds().map((k) => [k.kind, k.namePrefix]))).toEqual(KERAS_PREFIX);
  });

  it('knows no other class (the importer turns those into a clear error)', () => {
    expect(layerKind('Conv3D')).toBeUndefined();
    expect(layerKind('conv2d')).toBeUndefined();
  });
});

describe("Keras's defaults", () => {
  it('Conv2D(filters, kernel_size, strides=(1, 1), padding="valid", dilation_rate=(1, 1), activation=None, use_bias=True, ...)', () => {
    expect(params('Conv2D', { filters: 10, kernel_size: 3 })).toEqual({
      filters: 10,
      kernel_size: [3, 3], // Keras: an int means the same value for both dimensions
      strides: [1, 1],
      padding: 'valid',
      dilation_rate: [1, 1],
      activation: 'linear', // Keras: activation=None applies no activation, i.e. linear
      use_bias: true,
      kernel_initializer: 'glorot_uniform',
      bias_initializer: 'zeros',
    });
  });

  it.each(['MaxPooling2D', 'AveragePooling2D'])(
    '%s(pool_size=(2, 2), strides=None, padding="valid"): strides=None means pool_size',
    (id) => {
      expect(params(id, {})).toEqual({ pool_size: [2, 2], strides: [2, 2], padding: 'valid' });
      expect(params(id, { pool_size: 3 })).toEqual({ pool_size: [3, 3], strides: [3, 3], padding: 'valid' });
      expect(params(id, { pool_size: 3, strides: null })).toMatchObject({ strides: [3, 3] });
      expect(params(id, { pool_size: 3, strides: 1 })).toMatchObject({ strides: [1, 1] });
    },
  );

  it('Dense(units, activation=None, use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros")', () => {
    expect(params('Dense', { units: 5 })).toEqual({
      units: 5,
      activation: 'linear',
      use_bias: true,
      kernel_initializer: 'glorot_uniform',
      bias_initializer: 'zeros',
    });
    expect(params('Dense', { units: 5, activation: null })).toMatchObject({ activation: 'linear' });
  });

  it('BatchNormalization(momentum=0.99, epsilon=0.001, center=True, scale=True)', () => {
    expect(params('BatchNormalization', {})).toEqual({ momentum: 0.99, epsilon: 0.001, center: true, scale: true });
  });

  it("padding is case-insensitive, as Keras's standardize_padding lower-cases it", () => {
    expect(params('Conv2D', { filters: 1, kernel_size: 1, padding: 'SAME' })).toMatchObject({ padding: 'same' });
  });
});

describe("shapes of Keras's documentation examples", () => {
  // tf.keras Conv2D docs: x = tf.random.normal((4, 28, 28, 3)); Conv2D(2, 3, activation='relu') → (4, 26, 26, 2)
  it('Conv2D(2, 3) on 28×28×3 → 26×26×2', () =>
    expect(out('Conv2D', [28, 28, 3], { filters: 2, kernel_size: 3, activation: 'relu' })).toEqual([26, 26, 2]));
  // ... with dilation_rate=2 → (4, 24, 24, 2)
  it('dilation_rate=2 → 24×24×2', () =>
    expect(out('Conv2D', [28, 28, 3], { filters: 2, kernel_size: 3, dilation_rate: 2 })).toEqual([24, 24, 2]));
  // ... with padding="same" → (4, 28, 28, 2)
  it('padding="same" → 28×28×2', () =>
    expect(out('Conv2D', [28, 28, 3], { filters: 2, kernel_size: 3, padding: 'same' })).toEqual([28, 28, 2]));
  // Keras 3 Conv2D docs: x of shape (4, 10, 10, 128), Conv2D(32, 3) → (4, 8, 8, 32)
  it('Conv2D(32, 3) on 10×10×128 → 8×8×32', () =>
    expect(out('Conv2D', [10, 10, 128], { filters: 32, kernel_size: 3 })).toEqual([8, 8, 32]));

  // MaxPooling2D / AveragePooling2D docs: a 3×3 image with pool (2, 2)
  describe.each(['MaxPooling2D', 'AveragePooling2D'])('%s', (id) => {
    it('strides (1, 1), "valid": 3×3 → 2×2', () => expect(out(id, [3, 3, 1], { pool_size: 2, strides: 1 })).toEqual([2, 2, 1]));
    it('strides (2, 2), "valid": 3×4 → 1×2', () => expect(out(id, [3, 4, 1], { pool_size: 2, strides: 2 })).toEqual([1, 2, 1]));
    it('strides (1, 1), "same": 3×3 → 3×3', () =>
      expect(out(id, [3, 3, 1], { pool_size: 2, strides: 1, padding: 'same' })).toEqual([3, 3, 1]));
    // AlexNet's overlapping pooling (Krizhevsky et al. 2012): 55×55×96, 3×3 window, stride 2 → 27×27×96
    it('pool 3, stride 2 on 55×55×96 → 27×27×96', () => expect(out(id, [55, 55, 96], { pool_size: 3, strides: 2 })).toEqual([27, 27, 96]));
    it('pooling keeps the channels and has no weights', () => expect(weights(id, [8, 8, 7], {})).toEqual([0, 0]));
  });

  // GlobalAveragePooling2D docs: input_shape = (2, 4, 5, 3) → (2, 3)
  it('GlobalAveragePooling2D on 4×5×3 → 3', () => expect(out('GlobalAveragePooling2D', [4, 5, 3], {})).toEqual([3]));
  // Keras 3 Flatten docs: keras.Input(shape=(10, 64)) → Flatten → (None, 640)
  it('Flatten on 10×64 → 640', () => expect(out('Flatten', [10, 64], {})).toEqual([640]));
  // Dense docs: Input(shape=(16,)) → Dense(32) → (None, 32); on (batch, d0, d1) the kernel is (d1, units) → (batch, d0, units)
  it('Dense(32) on 16 → 32', () => expect(out('Dense', [16], { units: 32 })).toEqual([32]));
  it('Dense(8) on 5×20 → 5×8 with a 20×8 kernel + 8 biases', () => {
    expect(out('Dense', [5, 20], { units: 8 })).toEqual([5, 8]);
    expect(weights('Dense', [5, 20], { units: 8 })).toEqual([20 * 8 + 8, 0]);
  });
  it.each(['Activation', 'Dropout', 'BatchNormalization'])('%s keeps the shape', (id) => expect(out(id, [6, 5, 4], {})).toEqual([6, 5, 4]));
  it('the Input layer gives the shape it is given', () => expect(out('InputLayer', [], { shape: [32, 32, 3] })).toEqual([32, 32, 3]));
});

describe("weights, by Keras's rules", () => {
  // Conv2D kernel (kh, kw, cin, filters) + bias (filters)
  it('Conv2D: kh·kw·cin·filters + filters; without bias kh·kw·cin·filters', () => {
    expect(weights('Conv2D', [28, 28, 3], { filters: 2, kernel_size: 3 })).toEqual([3 * 3 * 3 * 2 + 2, 0]); // 56
    expect(weights('Conv2D', [28, 28, 3], { filters: 2, kernel_size: [5, 1], use_bias: false })).toEqual([5 * 1 * 3 * 2, 0]); // 30
  });
  // Dilation and strides change the output, not the number of weights.
  it('dilation and strides do not change the weights', () => {
    expect(weights('Conv2D', [28, 28, 3], { filters: 2, kernel_size: 3, dilation_rate: 2 })).toEqual([56, 0]);
    expect(weights('Conv2D', [28, 28, 3], { filters: 2, kernel_size: 3, strides: 2 })).toEqual([56, 0]);
  });
  // BatchNormalization: gamma (if scale) and beta (if center) are trainable; moving_mean and moving_variance are not.
  it.each([
    [{}, [64, 64]],
    [{ center: false }, [32, 64]],
    [{ scale: false }, [32, 64]],
    [{ center: false, scale: false }, [0, 64]],
  ])('BatchNormalization %j on 32 channels → %j', (raw, expected) =>
    expect(weights('BatchNormalization', [7, 7, 32], raw)).toEqual(expected),
  );
  it('BatchNormalization normalises the last axis of any rank: 100 features → 200 + 200', () =>
    expect(weights('BatchNormalization', [100], {})).toEqual([200, 200]));
  it.each(['Activation', 'Dropout', 'Flatten', 'GlobalAveragePooling2D'])('%s has no weights', (id) =>
    expect(weights(id, [4, 4, 3], {})).toEqual([0, 0]),
  );
});

describe('cross-parameter rules and shape errors are returned, not thrown', () => {
  it('strides > 1 with dilation_rate > 1 is a problem naming strides', () => {
    const p = params('Conv2D', { filters: 1, kernel_size: 3, strides: [2, 1], dilation_rate: [1, 2] });
    const problem = kind('Conv2D').check?.(p);
    expect(problem).toEqual({ code: 'strides-with-dilation', values: {}, param: 'strides' });
    expect(problemText('en', problem!)).toMatch(/set one of them to 1$/);
    expect(kind('Conv2D').check?.(params('Conv2D', { filters: 1, kernel_size: 3, strides: 2 }))).toBeUndefined();
    expect(kind('Conv2D').check?.(params('Conv2D', { filters: 1, kernel_size: 3, dilation_rate: 2 }))).toBeUndefined();
  });

  it('a dilated kernel that does not fit says its dilated size', () => {
    // 3×3 dilated by 3 covers (3−1)·3+1 = 7 > 6
    expect(out('Conv2D', [6, 6, 1], { filters: 1, kernel_size: 3, dilation_rate: 3 })).toBe(
      "a 3×3 kernel (7×7 once dilated) does not fit its 6×6 input with padding 'valid' — use padding 'same' or a smaller kernel",
    );
    // ... while 'same' always fits: ceil(6 / 1) = 6
    expect(out('Conv2D', [6, 6, 1], { filters: 1, kernel_size: 3, dilation_rate: 3, padding: 'same' })).toEqual([6, 6, 1]);
  });

  it('a pool larger than its input with padding "valid" says what to do', () => {
    expect(out('MaxPooling2D', [2, 5, 1], { pool_size: 3 })).toBe(
      "a 3×3 pool does not fit its 2×5 input with padding 'valid' — use padding 'same' or a smaller pool_size",
    );
    expect(out('MaxPooling2D', [2, 5, 1], { pool_size: 3, padding: 'same' })).toEqual([1, 2, 1]); // ceil(2/3), ceil(5/3)
  });

  it.each(['Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D'])('%s on a vector needs a 3-D input', (id) => {
    const raw = id === 'Conv2D' ? { filters: 1, kernel_size: 1 } : {};
    expect(out(id, [784], raw)).toMatch(
      new RegExp(`^${id} needs a 3-D input \\(height, width, channels\\) but receives \\(None, 784\\) — `),
    );
  });
});
