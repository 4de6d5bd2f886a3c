/**
 * Keras's bilinear UpSampling2D resizes with tf.image.resize, whose bilinear kernel samples output i
 * at (i + 0.5) / s − 0.5 (half-pixel centres) and clamps at the edges. The expected values below are
 * that rule worked by hand, and TensorFlow.js's port of the same kernel (resizeBilinear with
 * halfPixelCenters), never this module's output.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { BilinearUpSampling2D, bilinearWeights } from '../../../../src-main/engine/model/bilinear-up-sampling';

const BACKENDS = ['cpu', 'wasm'] as const;

function upsample(x: tf.Tensor4D, size: [number, number]): tf.Tensor4D {
  const layer = new BilinearUpSampling2D({ size });
  return layer.apply(x) as tf.Tensor4D;
}

describe('bilinearWeights', () => {
  it('2 → 4 samples the input at −0.25, 0.25, 0.75, 1.25: clamped, then a quarter and three quarters between', () => {
    // Row k holds input k's weight in each of the 4 outputs.
    expect(Array.from(bilinearWeights(2, 2))).toEqual([1, 0.75, 0.25, 0, 0, 0.25, 0.75, 1]);
  });

  it('a factor of 1 is the identity', () => {
    expect(Array.from(bilinearWeights(3, 1))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('every output is a weighted average: its weights add up to 1', () => {
    const n = 5;
    const s = 3;
    const m = bilinearWeights(n, s);
    for (let i = 0; i < n * s; i++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += m[k * n * s + i]!;
      expect(sum).toBeCloseTo(1, 6);
    }
  });
});

describe.each(BACKENDS)('BilinearUpSampling2D on %s', (backend) => {
  it("gives tf.image.resize's values for [[1, 2], [3, 4]] upsampled 2×2", async () => {
    await initBackend(backend);
    const y = tf.tidy(() =>
      upsample(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]), [2, 2])
        .reshape([4, 4])
        .arraySync(),
    ) as number[][];
    const expected = [
      [1, 1.25, 1.75, 2],
      [1.5, 1.75, 2.25, 2.5],
      [2.5, 2.75, 3.25, 3.5],
      [3, 3.25, 3.75, 4],
    ];
    y.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 6)));
  });

  it('agrees with TensorFlow.js’s port of the half-pixel kernel on random maps, with different factors per axis', async () => {
    await initBackend(backend);
    const [ours, reference] = tf.tidy(() => {
      const x = tf.randomNormal([2, 5, 7, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
      return [upsample(x, [3, 2]).dataSync(), tf.image.resizeBilinear(x, [15, 14], false, true).dataSync()];
    });
    expect(ours.length).toBe(2 * 15 * 14 * 3);
    ours.forEach((v, i) => expect(v).toBeCloseTo(reference[i]!, 5));
  });

  it('has the exact gradient: dL/dx = Σ rows(h, i)·cols(w, j)·dL/dy(i, j)', async () => {
    await initBackend(backend);
    const [h, w, sh, sw] = [3, 4, 2, 3];
    const r = tf.tidy(() => tf.randomNormal([1, h * sh, w * sw, 2], 0, 1, 'float32', 5).dataSync());
    const grad = tf.tidy(() => {
      const x = tf.randomNormal([1, h, w, 2], 0, 1, 'float32', 6) as tf.Tensor4D;
      const upstream = tf.tensor4d(r, [1, h * sh, w * sw, 2]);
      return tf
        .grad((input: tf.Tensor) => tf.sum(tf.mul(upsample(input as tf.Tensor4D, [sh, sw]), upstream)))(x)
        .dataSync();
    });
    const rows = bilinearWeights(h, sh);
    const cols = bilinearWeights(w, sw);
    for (let a = 0; a < h; a++)
      for (let b = 0; b < w; b++)
        for (let c = 0; c < 2; c++) {
          let expected = 0;
          for (let i = 0; i < h * sh; i++)
            for (let j = 0; j < w * sw; j++) expected += rows[a * h * sh + i]! * cols[b * w * sw + j]! * r[(i * w * sw + j) * 2 + c]!;
          expect(grad[(a * w + b) * 2 + c]).toBeCloseTo(expected, 4);
        }
  });
});

describe('why not TensorFlow.js’s own bilinear UpSampling2D', () => {
  it('samples at i / s without half-pixel centres, so it differs from Keras on [1, 2]: 1, 1.5, 2, 2 instead of 1, 1.25, 1.75, 2', async () => {
    await initBackend('cpu');
    const stock = tf.tidy(() =>
      (
        tf.layers.upSampling2d({ size: [1, 2], interpolation: 'bilinear' }).apply(tf.tensor4d([1, 2], [1, 1, 2, 1])) as tf.Tensor
      ).dataSync(),
    );
    expect(Array.from(stock)).toEqual([1, 1.5, 2, 2]);
    const ours = tf.tidy(() => upsample(tf.tensor4d([1, 2], [1, 1, 2, 1]), [1, 2]).dataSync());
    expect(Array.from(ours)).toEqual([1, 1.25, 1.75, 2]);
  });
});

describe('serialization', () => {
  it("is written as TensorFlow.js's UpSampling2D with interpolation 'bilinear', so the saved model.json loads anywhere", async () => {
    await initBackend('cpu');
    const model = tf.sequential({ layers: [new BilinearUpSampling2D({ size: [2, 3], name: 'up', batchInputShape: [null, 4, 4, 1] })] });
    expect(model.outputs[0]!.shape).toEqual([null, 8, 12, 1]);
    const topology = model.toJSON(undefined, false) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    const layer = topology.config.layers.find((l) => l.class_name !== 'InputLayer')!;
    expect(layer.class_name).toBe('UpSampling2D');
    expect(layer.config).toMatchObject({ name: 'up', size: [2, 3], interpolation: 'bilinear', data_format: 'channels_last' });
    const loaded = await tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON);
    expect(loaded.outputs[0]!.shape).toEqual([null, 8, 12, 1]);
    model.dispose();
    loaded.dispose();
  });
});
