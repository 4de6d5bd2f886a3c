/**
 * DepthwiseConv2D, SeparableConv2D and Conv2DTranspose. Expected numbers come from Keras, never
 * from Convas: rows that model.summary() prints for Keras's own networks (MobileNet, Xception,
 * the DCGAN generator of TensorFlow's tutorial), the examples in Keras's documentation, or
 * Keras's documented rules:
 *   DepthwiseConv2D  kernel (kh, kw, cin, dm) + bias (cin·dm)
 *   SeparableConv2D  depthwise (kh, kw, cin, dm) + pointwise (1, 1, cin·dm, f) + bias (f)
 *   Conv2DTranspose  kernel (kh, kw, f, cin) + bias (f); output length (TensorFlow's deconv_output_length,
 *                    Keras 3's compute_conv_transpose_output_shape), with k the dilated kernel:
 *                    valid: (n−1)·s + max(k, s), or (n−1)·s + k + output_padding
 *                    same:  n·s,                 or (n−1)·s + k mod 2 + output_padding
 */
import { describe, expect, it } from 'vitest';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { describeText } from '../../../src-shared/i18n/layer-text';
import { countParamsOf, inferOutput, layerKind, macsOf, type AnyLayerKind } from '../../../src-shared/layers/registry';
import type { Shape } from '../../../src-shared/layers/types';

function kind(id: string): AnyLayerKind {
  const k = layerKind(id);
  if (!k) throw new Error(`no layer kind ${id}`);
  return k;
}

function params(id: string, raw: Record<string, unknown>): unknown {
  const parsed = kind(id).schema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

/** The zod message (our problem code) of the first refusal. */
function refusal(id: string, raw: Record<string, unknown>): string | undefined {
  const parsed = kind(id).schema.safeParse(raw);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

function out(id: string, input: Shape, raw: Record<string, unknown>): Shape | string {
  const r = inferOutput(kind(id), [input], params(id, raw));
  return r.ok ? r.value.shape : problemText('en', r.problem);
}

/** Output shape, trainable and non-trainable weights, MACs and their formulas of one layer on one input. */
function layer(id: string, input: Shape, raw: Record<string, unknown>) {
  const p = params(id, raw);
  const r = inferOutput(kind(id), [input], p);
  if (!r.ok) throw new Error(problemText('en', r.problem));
  const c = countParamsOf(kind(id), [input], r.value.shape, p);
  const m = macsOf(kind(id), [input], r.value.shape, p);
  return {
    shape: r.value.shape,
    dims: r.value.dims.map((d) => d.formula),
    weights: [c.trainable.value, c.nonTrainable.value],
    paramsFormula: c.trainable.formula,
    macs: m.value,
    macsFormula: m.formula,
  };
}

describe("Keras 3's defaults", () => {
  it('DepthwiseConv2D(kernel_size, strides=(1, 1), padding="valid", depth_multiplier=1, dilation_rate=(1, 1), ...)', () => {
    expect(params('DepthwiseConv2D', { kernel_size: 3 })).toEqual({
      kernel_size: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      depth_multiplier: 1,
      dilation_rate: [1, 1],
      activation: 'linear',
      use_bias: true,
      depthwise_initializer: 'glorot_uniform',
      bias_initializer: 'zeros',
    });
  });

  it('SeparableConv2D(filters, kernel_size, ..., depth_multiplier=1, pointwise_initializer="glorot_uniform", ...)', () => {
    expect(params('SeparableConv2D', { filters: 4, kernel_size: [3, 5] })).toEqual({
      filters: 4,
      kernel_size: [3, 5],
      strides: [1, 1],
      padding: 'valid',
      dilation_rate: [1, 1],
      depth_multiplier: 1,
      activation: 'linear',
      use_bias: true,
      depthwise_initializer: 'glorot_uniform',
      pointwise_initializer: 'glorot_uniform',
      bias_initializer: 'zeros',
    });
  });

  it('Conv2DTranspose(filters, kernel_size, strides=(1, 1), padding="valid", output_padding=None, ...)', () => {
    expect(params('Conv2DTranspose', { filters: 4, kernel_size: 3 })).toEqual({
      filters: 4,
      kernel_size: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      output_padding: null,
      dilation_rate: [1, 1],
      activation: 'linear',
      use_bias: true,
      kernel_initializer: 'glorot_uniform',
      bias_initializer: 'zeros',
    });
  });

  it('output_padding takes an int or a pair, zeros included (standardize_tuple with allow_zero=True), and None', () => {
    const op = (v: unknown) =>
      (params('Conv2DTranspose', { filters: 1, kernel_size: 3, strides: 2, output_padding: v }) as { output_padding: unknown })
        .output_padding;
    expect(op(1)).toEqual([1, 1]);
    expect(op(0)).toEqual([0, 0]);
    expect(op([1, 0])).toEqual([1, 0]);
    expect(op(null)).toBeNull();
    expect(refusal('Conv2DTranspose', { filters: 1, kernel_size: 3, output_padding: -1 })).toBe('pair-non-negative');
    expect(refusal('Conv2DTranspose', { filters: 1, kernel_size: 3, output_padding: [1, 1, 1] })).toBe('pair-non-negative');
    expect(refusal('Conv2DTranspose', { filters: 1, kernel_size: 3, output_padding: 0.5 })).toBe('pair-non-negative');
  });

  it('depth_multiplier must be a whole number ≥ 1, as Keras requires a strictly positive value', () => {
    expect(refusal('DepthwiseConv2D', { kernel_size: 3, depth_multiplier: 0 })).toBe('below-one');
    expect(refusal('SeparableConv2D', { filters: 1, kernel_size: 3, depth_multiplier: 1.5 })).toBe('not-whole');
  });
});

describe('DepthwiseConv2D', () => {
  // Keras MobileNet (224×224×3, alpha 1.0): conv_dw_1 (DepthwiseConv2D) (None, 112, 112, 32) 288
  it('MobileNet conv_dw_1: 3×3, same, no bias on 112×112×32 → 112×112×32, 288 weights', () => {
    const l = layer('DepthwiseConv2D', [112, 112, 32], { kernel_size: 3, padding: 'same', use_bias: false });
    expect([l.shape, l.weights]).toEqual([
      [112, 112, 32],
      [288, 0],
    ]);
  });
  // ... conv_pad_2 (ZeroPadding2D) (None, 113, 113, 64); conv_dw_2 (DepthwiseConv2D) (None, 56, 56, 64) 576
  it('MobileNet conv_dw_2: 3×3, strides 2, valid, no bias on 113×113×64 → 56×56×64, 576 weights', () => {
    const l = layer('DepthwiseConv2D', [113, 113, 64], { kernel_size: 3, strides: 2, use_bias: false });
    expect([l.shape, l.weights]).toEqual([
      [56, 56, 64],
      [576, 0],
    ]);
  });

  it('depth_multiplier 2 on 28×28×3: 6 output channels, 3·3·3·2 kernel weights + 3·2 biases', () => {
    const l = layer('DepthwiseConv2D', [28, 28, 3], { kernel_size: 3, depth_multiplier: 2 });
    expect(l.shape).toEqual([26, 26, 6]);
    expect(l.dims).toEqual(['floor((28 − 3) / 1) + 1 = 26', 'floor((28 − 3) / 1) + 1 = 26', '3·2 = 6']);
    expect(l.weights).toEqual([60, 0]);
    expect(l.paramsFormula).toBe('3·3·3·2 + 3·2 = 60');
    // Each of the 26·26·6 outputs is a 3×3 window of one channel.
    expect(l.macs).toBe(26 * 26 * 3 * 2 * 3 * 3);
    expect(l.macsFormula).toBe('26·26·3·2·3·3 = 36,504');
  });

  it('dilation widens the window, not the weights: 3×3 dilated by 2 on 10×10 → 6×6', () => {
    const l = layer('DepthwiseConv2D', [10, 10, 4], { kernel_size: 3, dilation_rate: 2 });
    expect([l.shape, l.weights]).toEqual([
      [6, 6, 4],
      [3 * 3 * 4 + 4, 0],
    ]);
  });

  it('says what to do when the kernel does not fit, and needs an image', () => {
    expect(out('DepthwiseConv2D', [2, 5, 3], { kernel_size: 3 })).toBe(
      "a 3×3 kernel does not fit its 2×5 input with padding 'valid' — use padding 'same' or a smaller kernel",
    );
    expect(out('DepthwiseConv2D', [784], { kernel_size: 3 })).toMatch(/^DepthwiseConv2D needs a 3-D input/);
  });
});

describe('SeparableConv2D', () => {
  // Keras Xception (299×299×3): block2_sepconv1 (SeparableConv2D) (None, 147, 147, 128) 8,768
  it('Xception block2_sepconv1: 128 filters, 3×3, same, no bias on 147×147×64 → 147×147×128, 8,768 weights', () => {
    const l = layer('SeparableConv2D', [147, 147, 64], { filters: 128, kernel_size: 3, padding: 'same', use_bias: false });
    expect([l.shape, l.weights]).toEqual([
      [147, 147, 128],
      [8768, 0],
    ]);
    expect(l.paramsFormula).toBe('3·3·64·1 + 64·1·128 = 8,768');
  });
  // ... block2_sepconv2 (SeparableConv2D) (None, 147, 147, 128) 17,536
  it('Xception block2_sepconv2: on 147×147×128 → 17,536 weights', () => {
    expect(layer('SeparableConv2D', [147, 147, 128], { filters: 128, kernel_size: 3, padding: 'same', use_bias: false }).weights).toEqual([
      17536, 0,
    ]);
  });

  it('with depth_multiplier 2 and a bias: 3·3·3·2 + 3·2·8 + 8 = 110 weights; depthwise then pointwise MACs', () => {
    const l = layer('SeparableConv2D', [28, 28, 3], { filters: 8, kernel_size: 3, depth_multiplier: 2 });
    expect([l.shape, l.weights]).toEqual([
      [26, 26, 8],
      [110, 0],
    ]);
    expect(l.macs).toBe(26 * 26 * 3 * 2 * 3 * 3 + 26 * 26 * 3 * 2 * 8);
    expect(l.macsFormula).toBe('26·26·3·2·3·3 + 26·26·3·2·8 = 68,952');
  });

  it('strides 2 with same padding: ceil(28 / 2) = 14', () =>
    expect(out('SeparableConv2D', [28, 28, 1], { filters: 4, kernel_size: 3, strides: 2, padding: 'same' })).toEqual([14, 14, 4]));
});

describe('Conv2DTranspose', () => {
  // Keras 3 Conv2DTranspose docs: x of shape (4, 10, 8, 128); Conv2DTranspose(32, 2, 2, activation='relu') → (4, 20, 16, 32)
  it('Keras docs: Conv2DTranspose(32, 2, 2) on 10×8×128 → 20×16×32, 2·2·32·128 + 32 weights', () => {
    const l = layer('Conv2DTranspose', [10, 8, 128], { filters: 32, kernel_size: 2, strides: 2, activation: 'relu' });
    expect([l.shape, l.weights]).toEqual([
      [20, 16, 32],
      [16416, 0],
    ]);
    expect(l.paramsFormula).toBe('2·2·32·128 + 32 = 16,416');
  });

  // TensorFlow's DCGAN tutorial, make_generator_model().summary()
  it.each([
    [[7, 7, 256], 128, 1, [7, 7, 128], 819200],
    [[7, 7, 128], 64, 2, [14, 14, 64], 204800],
    [[14, 14, 64], 1, 2, [28, 28, 1], 1600],
  ])('DCGAN generator: %j, %i filters 5×5, strides %i, same, no bias → %j, %i weights', (input, filters, strides, shape, weights) => {
    const l = layer('Conv2DTranspose', input, { filters, kernel_size: 5, strides, padding: 'same', use_bias: false });
    expect([l.shape, l.weights]).toEqual([shape, [weights, 0]]);
  });

  it("output lengths by TensorFlow's rule, with the formula of each", () => {
    const rows = (raw: Record<string, unknown>, n = 7) => layer('Conv2DTranspose', [n, n, 1], { filters: 1, ...raw }).dims[0];
    // valid without output_padding: (n−1)·s + max(k, s)
    expect(rows({ kernel_size: 3, strides: 2 })).toBe('(7 − 1)·2 + max(3, 2) = 15');
    // a kernel smaller than its stride leaves the gaps: (4−1)·3 + max(2, 3) = 12 = 4·3
    expect(rows({ kernel_size: 2, strides: 3 }, 4)).toBe('(4 − 1)·3 + max(2, 3) = 12');
    // valid with output_padding 1: (n−1)·s + k + 1
    expect(rows({ kernel_size: 3, strides: 2, output_padding: 1 })).toBe('(7 − 1)·2 + 3 + 1 = 16');
    // same without output_padding: n·s
    expect(rows({ kernel_size: 3, strides: 2, padding: 'same' })).toBe('7·2 = 14');
    // same with output_padding: (n−1)·s + k mod 2 + output_padding
    expect(rows({ kernel_size: 3, strides: 2, padding: 'same', output_padding: 1 })).toBe('(7 − 1)·2 + 3 mod 2 + 1 = 14');
    expect(rows({ kernel_size: 3, strides: 2, padding: 'same', output_padding: 0 })).toBe('(7 − 1)·2 + 3 mod 2 + 0 = 13');
    expect(rows({ kernel_size: 4, strides: 2, padding: 'same', output_padding: 1 })).toBe('(7 − 1)·2 + 4 mod 2 + 1 = 13');
    // dilation 2 makes a 3-tap kernel 5 wide: (5−1)·1 + max(5, 1) = 9
    expect(rows({ kernel_size: 3, dilation_rate: 2 }, 5)).toBe('(5 − 1)·1 + max(((3−1)·2+1), 1) = 9');
  });

  it('each output padding on its own axis, and the weights do not depend on it', () => {
    const l = layer('Conv2DTranspose', [7, 7, 3], { filters: 4, kernel_size: 3, strides: 2, output_padding: [1, 0] });
    expect(l.shape).toEqual([16, 15, 4]);
    expect(l.weights).toEqual([3 * 3 * 4 * 3 + 4, 0]);
  });

  it('counts its MACs on the input grid: every input value times the whole kernel', () => {
    const l = layer('Conv2DTranspose', [7, 7, 3], { filters: 4, kernel_size: 3, strides: 2, padding: 'same' });
    expect(l.macs).toBe(7 * 7 * 3 * 3 * 3 * 4);
    expect(l.macsFormula).toBe('7·7·3·3·3·4 = 5,292');
  });

  it("an even kernel with padding 'same' and output_padding 0 on a 1-pixel axis gives nothing, and says so", () => {
    expect(out('Conv2DTranspose', [1, 5, 2], { filters: 1, kernel_size: 2, padding: 'same', output_padding: 0 })).toBe(
      "with padding 'same' and output_padding 0, a 2×2 kernel on a 1×5 input gives an output of size 0 — leave output_padding empty or use an odd kernel_size",
    );
    expect(out('Conv2DTranspose', [1, 5, 2], { filters: 1, kernel_size: 2, padding: 'same' })).toEqual([1, 5, 1]);
  });
});

describe("Keras's cross-parameter rules", () => {
  it.each([
    ['DepthwiseConv2D', { kernel_size: 3 }],
    ['SeparableConv2D', { filters: 1, kernel_size: 3 }],
    ['Conv2DTranspose', { filters: 1, kernel_size: 3 }],
  ])('%s: strides > 1 with dilation_rate > 1 is refused, naming strides', (id, base) => {
    const check = (raw: Record<string, unknown>) => kind(id).check?.(params(id, { ...base, ...raw }));
    expect(check({ strides: [1, 2], dilation_rate: [2, 1] })).toEqual({ code: 'strides-with-dilation', values: {}, param: 'strides' });
    expect(check({ strides: 2 })).toBeUndefined();
    expect(check({ dilation_rate: 2 })).toBeUndefined();
  });

  it('Conv2DTranspose: output_padding must be below strides on each axis', () => {
    const check = (raw: Record<string, unknown>) =>
      kind('Conv2DTranspose').check?.(params('Conv2DTranspose', { filters: 1, kernel_size: 3, ...raw }));
    const problem = check({ strides: [2, 3], output_padding: [1, 3] });
    expect(problem).toEqual({ code: 'output-padding-too-large', values: { ph: 1, pw: 3, sh: 2, sw: 3 }, param: 'output_padding' });
    expect(problemText('en', problem!)).toBe(
      'output_padding 1×3 must be smaller than strides 2×3 in each direction (Keras requires it) — lower output_padding, raise strides, or leave output_padding empty',
    );
    // strides 1 allows only 0
    expect(check({ output_padding: 1 })).toMatchObject({ code: 'output-padding-too-large' });
    expect(check({ output_padding: 0 })).toBeUndefined();
    expect(check({ strides: [2, 3], output_padding: [1, 2] })).toBeUndefined();
  });
});

describe('descriptions, Keras configs and Python', () => {
  it('describes each kind in a few words', () => {
    const text = (id: string, raw: Record<string, unknown>) => describeText('en', kind(id).describe(params(id, raw)));
    expect(text('DepthwiseConv2D', { kernel_size: 3, depth_multiplier: 2, strides: 2, padding: 'same', activation: 'relu' })).toBe(
      'depthwise 3×3, ×2 per channel, stride 2×2, same, relu',
    );
    expect(text('SeparableConv2D', { filters: 8, kernel_size: 3 })).toBe('8 × 3×3, valid');
    expect(text('Conv2DTranspose', { filters: 4, kernel_size: 3, strides: 2, output_padding: 1 })).toBe(
      '4 × 3×3, stride 2×2, valid, output padding 1×1',
    );
    expect(describeText('ko', kind('DepthwiseConv2D').describe(params('DepthwiseConv2D', { kernel_size: 3, depth_multiplier: 2 })))).toBe(
      '깊이별 3×3, 채널마다 ×2, valid',
    );
  });

  const cases: [string, Record<string, unknown>][] = [
    [
      'DepthwiseConv2D',
      {
        kernel_size: [3, 5],
        strides: 2,
        padding: 'same',
        depth_multiplier: 3,
        activation: 'relu',
        use_bias: false,
        depthwise_initializer: 'he_normal',
        bias_initializer: 'ones',
      },
    ],
    [
      'SeparableConv2D',
      { filters: 6, kernel_size: 3, dilation_rate: 2, depth_multiplier: 2, pointwise_initializer: 'lecun_uniform', activation: 'tanh' },
    ],
    [
      'Conv2DTranspose',
      { filters: 5, kernel_size: 4, strides: [2, 3], padding: 'same', output_padding: [1, 2], kernel_initializer: 'orthogonal' },
    ],
    ['Conv2DTranspose', { filters: 5, kernel_size: 4 }],
  ];

  it.each(cases)('%s %j reads back from its own Keras config', (id, raw) => {
    const p = params(id, raw);
    expect(params(id, kind(id).fromKerasConfig(kind(id).toKerasConfig(p)))).toEqual(p);
  });

  it('writes output_padding only when set (Keras 3 leaves it out of get_config; its constructor still takes it)', () => {
    expect(kind('Conv2DTranspose').toKerasConfig(params('Conv2DTranspose', { filters: 1, kernel_size: 3 }))).not.toHaveProperty(
      'output_padding',
    );
    expect(
      kind('Conv2DTranspose').toKerasConfig(params('Conv2DTranspose', { filters: 1, kernel_size: 3, strides: 2, output_padding: 1 })),
    ).toMatchObject({
      output_padding: [1, 1],
    });
  });

  it('reads a tf.keras 2 / TensorFlow.js config with VarianceScaling initializers and null activation', () => {
    const glorot = { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } };
    const tfjs = {
      kernel_size: [3, 3],
      strides: [2, 2],
      padding: 'same',
      depth_multiplier: 2,
      dilation_rate: [1, 1],
      activation: 'linear',
      use_bias: true,
      depthwise_initializer: glorot,
      bias_initializer: { class_name: 'Zeros', config: {} },
      data_format: 'channels_last',
    };
    expect(params('DepthwiseConv2D', kind('DepthwiseConv2D').fromKerasConfig(tfjs))).toMatchObject({
      depth_multiplier: 2,
      strides: [2, 2],
      depthwise_initializer: 'glorot_uniform',
    });
    const keras2 = { filters: 3, kernel_size: [3, 3], output_padding: null, activation: null, kernel_initializer: glorot };
    expect(params('Conv2DTranspose', kind('Conv2DTranspose').fromKerasConfig(keras2))).toMatchObject({
      output_padding: null,
      activation: 'linear',
      kernel_initializer: 'glorot_uniform',
    });
  });

  it('writes the keras.layers call with only what differs from the defaults', () => {
    const python = (id: string, raw: Record<string, unknown>) => kind(id).toPython(params(id, raw));
    expect(python('DepthwiseConv2D', { kernel_size: 3 })).toBe('DepthwiseConv2D((3, 3))');
    expect(python(...cases[0]!)).toBe(
      "DepthwiseConv2D((3, 5), strides=(2, 2), padding='same', depth_multiplier=3, activation='relu', use_bias=False, depthwise_initializer='he_normal', bias_initializer='ones')",
    );
    expect(python(...cases[1]!)).toBe(
      "SeparableConv2D(6, (3, 3), depth_multiplier=2, dilation_rate=(2, 2), activation='tanh', pointwise_initializer='lecun_uniform')",
    );
    expect(python(...cases[2]!)).toBe(
      "Conv2DTranspose(5, (4, 4), strides=(2, 3), padding='same', output_padding=(1, 2), kernel_initializer='orthogonal')",
    );
  });
});
