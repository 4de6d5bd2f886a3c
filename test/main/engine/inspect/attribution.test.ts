/**
 * Grad-CAM and saliency on a network that can only be right by looking at one place: generated
 * images whose class is the corner a bright patch is in (and a fifth class of noise alone). Trained
 * with the real engine; the maps must point at the patch. Plus a residual network, and the
 * gradients against finite differences.
 *
 * The network ends in global average pooling: Grad-CAM weighs each channel by its spatially
 * averaged gradient, which only means something when channels stand for classes. Behind a
 * Flatten→Dense head, channels that fire on "bright" everywhere get a corner's weight positive and
 * the three others' negative, their average ≈ 0 with a random sign, and the map says nothing
 * (measured while writing this test: all-zero maps). The patches touch the border so that the
 * last convolution's 5×5 view, zero padding included, can tell the corners apart.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attribute,
  AttributionRequestError,
  convolutionLayers,
  inputGradient,
  layerGradient,
  scoreOf,
  type Attribution,
} from '../../../../src-main/engine/inspect/attribution';
import { TrainingSession } from '../../../../src-main/engine/training/session';
import { compileModel } from '../../../../src-main/engine/model/compile';
import { exampleValues, examplesOf, type Examples } from '../../../../src-main/engine/training/examples';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../../../src-shared/graph/network';
import type { EngineEvent, TensorView } from '../../../../src-shared/engine/protocol';
import type { Normalization } from '../../../../src-shared/training/normalization';
import { testSettings, useWasm } from '../training/harness';
import { seededRandom } from '../../../../src-shared/util/random';

const layer = (kind: string, name: string, params: Record<string, unknown>, ...inbound: string[]): RawLayer =>
  ({ kind, name, params, ...(inbound.length ? { inbound } : {}) }) as RawLayer;

function networkOf(layers: readonly RawLayer[]): Network {
  const net = toNetwork(graphFromLayers(layers));
  if (!net.ok) throw new Error(JSON.stringify(net.issues));
  return net.model;
}

const SIDE = 28;
const PATCH = 6;
/** Each class's patch corner (row, column) before a jitter of up to ±1 pixel. */
const CORNERS: readonly (readonly [number, number])[] = [
  [1, 1], // class 0: top-left
  [21, 21], // class 1: bottom-right
  [1, 21], // class 2: top-right
  [21, 1], // class 3: bottom-left
];
/** The last class: noise alone, no patch. */
const CLASSES = CORNERS.length + 1;

/** Dim noise images with one bright patch each at the corner of its class (none for the last class), and where each patch is. */
function patchImages(count: number, seed: number): { examples: Examples; patches: ([number, number] | undefined)[] } {
  const next = seededRandom(seed);
  const pixels = new Uint8Array(count * SIDE * SIDE);
  const labels = new Uint8Array(count);
  const patches: ([number, number] | undefined)[] = [];
  for (let n = 0; n < count; n++) {
    const label = n % CLASSES;
    labels[n] = label;
    patches.push(undefined);
    const base = n * SIDE * SIDE;
    for (let i = 0; i < SIDE * SIDE; i++) pixels[base + i] = Math.floor(next() * 40);
    const corner = CORNERS[label];
    if (!corner) continue;
    const [r0, c0] = corner;
    const r = r0 + Math.floor(next() * 3) - 1;
    const c = c0 + Math.floor(next() * 3) - 1;
    patches[n] = [r, c];
    for (let y = r; y < r + PATCH; y++) for (let x = c; x < c + PATCH; x++) pixels[base + y * SIDE + x] = 255;
  }
  return {
    examples: examplesOf(
      pixels,
      labels,
      Array.from({ length: count }, (_, i) => i),
      [SIDE, SIDE, 1],
    ),
    patches,
  };
}

/** The row and column of a map's largest value. */
function peak(map: TensorView): [number, number] {
  let best = 0;
  map.data.forEach((v, i) => {
    if (v > map.data[best]!) best = i;
  });
  return [Math.floor(best / map.shape[1]!), best % map.shape[1]!];
}

/** Pixels from the patch to a point: 0 inside it. */
function distanceToPatch([r, c]: [number, number], [pr, pc]: [number, number]): number {
  const dr = Math.max(pr - r, 0, r - (pr + PATCH - 1));
  const dc = Math.max(pc - c, 0, c - (pc + PATCH - 1));
  return Math.max(dr, dc);
}

/** The share of a map's total that lies on the patch. */
function shareOnPatch(map: TensorView, [pr, pc]: [number, number]): number {
  let on = 0;
  let all = 0;
  map.data.forEach((v, i) => {
    const r = Math.floor(i / SIDE);
    const c = i % SIDE;
    all += v;
    if (r >= pr && r < pr + PATCH && c >= pc && c < pc + PATCH) on += v;
  });
  return on / all;
}

const PATCH_NET = networkOf([
  layer('InputLayer', 'input_layer', { shape: [SIDE, SIDE, 1] }),
  layer('Conv2D', 'conv_a', { filters: 8, kernel_size: 3, padding: 'same', activation: 'relu' }),
  layer('MaxPooling2D', 'pool_a', { pool_size: 2 }),
  layer('Conv2D', 'conv_b', { filters: 16, kernel_size: 5, padding: 'same', activation: 'relu' }),
  layer('GlobalAveragePooling2D', 'gap', {}),
  layer('Dense', 'dense', { units: CLASSES, activation: 'softmax' }),
]);

describe('a network trained to find a patch looks at the patch', () => {
  const train = patchImages(400, 1);
  const test = patchImages(40, 2);
  let session: TrainingSession;
  let accuracy = 0;
  /** Each test image with a patch: its explanation and where its patch is. */
  const results: { r: Attribution; patch: [number, number] }[] = [];

  beforeAll(async () => {
    await useWasm();
    let finished: Extract<EngineEvent, { type: 'finished' }> | undefined;
    session = new TrainingSession({
      runId: 'patch',
      model: PATCH_NET,
      settings: testSettings({ epochs: 8, batchSize: 16, learningRate: 0.003 }),
      data: { train: train.examples, validation: null, test: test.examples, classNames: ['0', '1', '2', '3', '4'] },
      outputIsProbability: true,
      emit: (e) => {
        if (e.type === 'finished') finished = e;
      },
    });
    await session.run();
    accuracy = finished?.testAccuracy ?? 0;
    for (const [i, patch] of test.patches.entries())
      if (patch)
        results.push({ r: await attribute(session.model, exampleValues(test.examples, i), [SIDE, SIDE, 1], session.normalization), patch });
  }, 60_000);
  afterAll(() => session.dispose());

  it('learns the task', () => {
    expect(accuracy).toBeGreaterThan(0.95);
  });

  it('takes Grad-CAM at the last convolution by default, of the predicted class, on the logit', () => {
    const { r } = results[0]!;
    expect(r.convLayers).toEqual(['conv_a', 'conv_b']);
    expect(r.layer).toBe('conv_b');
    expect(r.classIndex).toBe(r.predicted);
    expect(r.score).toBe('logit');
    expect(r.gradCam!.shape).toEqual([SIDE, SIDE]);
    expect(r.saliency.shape).toEqual([SIDE, SIDE]);
    expect(r.gradCam!.max).toBeCloseTo(1, 5);
    expect(r.gradCam!.min).toBeGreaterThanOrEqual(0);
  });

  it('puts the Grad-CAM peak on the patch (within two pixels), at the last convolution and at the first', async () => {
    const far = results.map(({ r, patch }) => distanceToPatch(peak(r.gradCam!), patch));
    expect(Math.max(...far)).toBeLessThanOrEqual(2);
    for (const [i, patch] of test.patches.entries()) {
      if (!patch) continue;
      const first = await attribute(session.model, exampleValues(test.examples, i), [SIDE, SIDE, 1], session.normalization, {
        layer: 'conv_a',
      });
      expect(distanceToPatch(peak(first.gradCam!), patch)).toBeLessThanOrEqual(2);
    }
  });

  it('puts the saliency mass on the patch far above its share of the area', () => {
    const area = (PATCH * PATCH) / (SIDE * SIDE);
    const shares = results.map(({ r, patch }) => shareOnPatch(r.saliency, patch));
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    expect(mean).toBeGreaterThan(2 * area);
    expect(Math.min(...shares)).toBeGreaterThan(area);
  });

  it('explains another class when asked, and names what it cannot explain', async () => {
    const x = exampleValues(test.examples, 0);
    const other = (results[0]!.r.predicted + 1) % CLASSES;
    const r = await attribute(session.model, x, [SIDE, SIDE, 1], session.normalization, { classIndex: other, layer: 'conv_a' });
    expect(r.classIndex).toBe(other);
    expect(r.layer).toBe('conv_a');
    expect(Array.from(r.gradCam!.data)).not.toEqual(Array.from(results[0]!.r.gradCam!.data));
    await expect(attribute(session.model, x, [SIDE, SIDE, 1], session.normalization, { layer: 'dense' })).rejects.toThrow(
      AttributionRequestError,
    );
    await expect(attribute(session.model, x, [SIDE, SIDE, 1], session.normalization, { classIndex: CLASSES })).rejects.toThrow(
      AttributionRequestError,
    );
  });
});

/** A residual block: the convolution's output joins the input of the block again. */
const RESIDUAL_NET = networkOf([
  layer('InputLayer', 'input_layer', { shape: [12, 12, 3] }),
  layer('Conv2D', 'stem', { filters: 4, kernel_size: 3, padding: 'same', activation: 'relu' }, 'input_layer'),
  layer('Conv2D', 'branch', { filters: 4, kernel_size: 3, padding: 'same', activation: 'relu' }, 'stem'),
  layer('Add', 'join', {}, 'stem', 'branch'),
  layer('MaxPooling2D', 'pool', { pool_size: 2 }, 'join'),
  layer('DepthwiseConv2D', 'dw', { kernel_size: 3, padding: 'same' }, 'pool'),
  layer('GlobalAveragePooling2D', 'gap', {}, 'dw'),
  layer('Dense', 'logits', { units: 3 }, 'gap'),
  layer('Softmax', 'softmax', { axis: -1 }, 'logits'),
]);

describe('Grad-CAM of a functional (residual) network', () => {
  let model: tf.LayersModel;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    model = compileModel(RESIDUAL_NET, 3);
  });
  afterAll(() => model.dispose());

  it('runs at any convolution, the maps at the input’s size, and agrees with the model’s own prediction', async () => {
    const x = tf.tidy(() => tf.randomUniform([12, 12, 3], 0, 1, 'float32', 9).dataSync() as Float32Array);
    expect(convolutionLayers(model)).toEqual(['stem', 'branch', 'dw']);
    for (const name of ['stem', 'branch', 'dw']) {
      const r = await attribute(model, x, [12, 12, 3], { kind: 'unit' }, { layer: name });
      expect(r.layer).toBe(name);
      expect(r.gradCam!.shape).toEqual([12, 12]);
      expect(r.saliency.shape).toEqual([12, 12]);
      expect(r.score).toBe('logit');
      const expected = tf.tidy(() => Array.from((model.predict(tf.tensor(x, [1, 12, 12, 3])) as tf.Tensor).dataSync()));
      r.prediction.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 5));
    }
  });

  it('leaves no tensor behind', async () => {
    const x = new Float32Array(12 * 12 * 3).fill(0.5);
    await attribute(model, x, [12, 12, 3]);
    const before = tf.memory().numTensors;
    await attribute(model, x, [12, 12, 3], { kind: 'unit' }, { classIndex: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('a network without a convolution', () => {
  it('gives the saliency map as a square and no Grad-CAM', async () => {
    await tf.setBackend('cpu');
    const model = compileModel(
      networkOf([
        layer('InputLayer', 'input_layer', { shape: [784] }),
        layer('Dense', 'hidden', { units: 8, activation: 'relu' }),
        layer('Dense', 'out', { units: 10, activation: 'softmax' }),
      ]),
      1,
    );
    const x = tf.tidy(() => tf.randomUniform([784], 0, 1, 'float32', 2).dataSync() as Float32Array);
    const r = await attribute(model, x, [784]);
    expect(r.convLayers).toEqual([]);
    expect(r.layer).toBeUndefined();
    expect(r.gradCam).toBeUndefined();
    expect(r.saliency.shape).toEqual([28, 28]);
    expect(r.score).toBe('logit');
    model.dispose();
  });
});

describe('the gradients against finite differences', () => {
  const TINY = networkOf([
    layer('InputLayer', 'input_layer', { shape: [5, 5, 2] }),
    layer('Conv2D', 'conv', { filters: 3, kernel_size: 3, activation: 'tanh' }, 'input_layer'),
    layer('Conv2D', 'side', { filters: 3, kernel_size: 3, activation: 'tanh' }, 'input_layer'),
    layer('Multiply', 'mix', {}, 'conv', 'side'),
    layer('Flatten', 'flatten', {}, 'mix'),
    layer('Dense', 'dense', { units: 4, activation: 'softmax' }, 'flatten'),
  ]);
  let model: tf.LayersModel;
  const normalization: Normalization = { kind: 'standardize', mean: [0.4, 0.6], std: [0.5, 2] };
  beforeAll(async () => {
    await tf.setBackend('cpu');
    model = compileModel(TINY, 7);
  });
  afterAll(() => model.dispose());

  /** Central differences of f at every entry of x, in float64 arithmetic on float32 evaluations. */
  function finiteDifferences(x: Float32Array, f: (x: Float32Array) => number, h = 1e-2): number[] {
    return Array.from(x, (_, i) => {
      const up = Float32Array.from(x);
      const down = Float32Array.from(x);
      up[i]! += h;
      down[i]! -= h;
      return (f(up) - f(down)) / (2 * h);
    });
  }

  const close = (a: readonly number[], b: readonly number[]) => {
    const scale = Math.max(...b.map(Math.abs));
    expect(scale).toBeGreaterThan(1e-3);
    a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(2e-3 * scale + 1e-4));
  };

  it('∂logit/∂input through the normalisation matches', () => {
    const x = tf.tidy(() => tf.randomUniform([1, 5, 5, 2], 0, 1, 'float32', 4).dataSync() as Float32Array);
    const score = (v: Float32Array) =>
      tf.tidy(() => {
        const input = tf.tensor(v, [1, 5, 5, 2]);
        const normalized = input.sub(tf.tensor1d([0.4, 0.6])).div(tf.tensor1d([0.5, 2]));
        return scoreOf(model, normalized, 2).dataSync()[0]!;
      });
    const g = tf.tidy(() => Array.from(inputGradient(model, tf.tensor(x, [1, 5, 5, 2]), normalization, 2).dataSync()));
    close(g, finiteDifferences(x, score));
  });

  it('∂logit/∂A at a convolution on one branch of a merge matches', () => {
    const x = tf.tensor(
      tf.tidy(() => tf.randomUniform([1, 5, 5, 2], 0, 1, 'float32', 5).dataSync() as Float32Array),
      [1, 5, 5, 2],
    );
    const { activation, gradient } = layerGradient(model, x, 'conv', 1);
    const a = activation.dataSync() as Float32Array;
    const shape = activation.shape;
    const score = (v: Float32Array) => tf.tidy(() => scoreOf(model, x, 1, { layer: 'conv', value: tf.tensor(v, shape) }).dataSync()[0]!);
    close(Array.from(gradient.dataSync()), finiteDifferences(a, score));
    // The logit, not the probability: the Dense layer's xW + b.
    const logit = tf.tidy(() => {
      const dense = model.getLayer('dense');
      const flat = tf.tidy(() => {
        const conv = model.getLayer('conv').apply(x) as tf.Tensor;
        const side = model.getLayer('side').apply(x) as tf.Tensor;
        return conv.mul(side).reshape([1, -1]);
      });
      const [w, b] = dense.getWeights();
      return flat.matMul(w!).add(b!).dataSync()[1]!;
    });
    expect(score(a)).toBeCloseTo(logit, 4);
    tf.dispose([x, activation, gradient]);
  });
});
