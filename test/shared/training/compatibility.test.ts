import { describe, expect, it } from 'vitest';
import { issueText, planText } from '../../../src-shared/i18n/issue-text';
import { graphFromLayers, toNetwork, type RawLayer } from '../../../src-shared/graph/network';
import { planTraining, type DatasetSpec } from '../../../src-shared/training/compatibility';
import { INCEPTION, RESIDUAL } from '../support/functional-graphs';

function plan(layers: RawLayer[], spec?: DatasetSpec) {
  const seq = toNetwork(graphFromLayers(layers));
  if (!seq.ok) throw new Error(seq.issues.map((i) => issueText('en', i)).join('\n'));
  return planTraining(seq.model, spec);
}

const input = (shape: number[]): RawLayer => ({ kind: 'InputLayer', params: { shape } });
const head: RawLayer[] = [
  { kind: 'Flatten', params: {} },
  { kind: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
];

describe('planTraining', () => {
  it('feeds 28×28×1 images as they are and knows a softmax output gives probabilities', () => {
    expect(plan([input([28, 28, 1]), ...head])).toEqual({
      ok: true,
      adapter: { kind: 'image', height: 28, width: 28, channels: 1, padTop: 0, padLeft: 0 },
      outputIsProbability: true,
    });
  });

  it("pads 28×28 images into LeNet-5's 32×32 input and flattens for a 784 input", () => {
    expect(plan([input([32, 32, 1]), ...head])).toMatchObject({ ok: true, adapter: { padTop: 2, padLeft: 2 } });
    expect(plan([input([784]), { kind: 'Dense', params: { units: 10 } }])).toMatchObject({
      ok: true,
      adapter: { kind: 'flat' },
      outputIsProbability: false,
    });
  });

  it('says what to change when the input cannot take the images or the output is not 10 classes', () => {
    const small = plan([input([16, 16, 1]), ...head]);
    expect(!small.ok && planText('en', small.problem)).toMatch(
      /input_layer: the dataset's images are 28×28; an input of 16×16 cannot take them/,
    );
    const five = plan([input([28, 28, 1]), { kind: 'Flatten', params: {} }, { kind: 'Dense', name: 'out', params: { units: 5 } }]);
    expect(!five.ok && planText('en', five.problem)).toMatch(/out: the network must end with 10 values .* outputs \(None, 5\)/);
  });

  it('refuses what TensorFlow.js cannot train, naming the layer', () => {
    const dilated = plan([
      input([28, 28, 1]),
      { kind: 'Conv2D', name: 'c', params: { filters: 2, kernel_size: 3, dilation_rate: 2 } },
      ...head,
    ]);
    expect(!dilated.ok && planText('en', dilated.problem)).toMatch(/^c: TensorFlow.js cannot train a dilated convolution/);
    const bn = plan([input([28, 28, 1]), { kind: 'BatchNormalization', name: 'bn', params: { center: false } }, ...head]);
    expect(!bn.ok && planText('en', bn.problem)).toMatch(/^bn: TensorFlow.js cannot train BatchNormalization/);
  });

  it('trains the ReLU settings TensorFlow.js has a layer for (ReLU with maxValue, LeakyReLU) and refuses the rest', () => {
    const relu = (params: Record<string, unknown>) => plan([input([28, 28, 1]), { kind: 'ReLU', name: 'r', params }, ...head]);
    for (const params of [{}, { max_value: 6 }, { negative_slope: 0.1 }]) expect(relu(params).ok).toBe(true);
    expect(plan([input([28, 28, 1]), { kind: 'LeakyReLU', params: { negative_slope: 0.2 } }, ...head]).ok).toBe(true);
    // TensorFlow.js's ThresholdedReLU has no gradient, and no layer caps a leaky ReLU.
    for (const params of [{ threshold: 0.5 }, { max_value: 10, negative_slope: 0.5 }]) {
      const refused = relu(params);
      expect(!refused.ok && refused.problem).toEqual({ code: 'relu-options', values: { node: 'r' } });
    }
    const refused = relu({ threshold: 1 });
    expect(!refused.ok && planText('ko', refused.problem)).toMatch(/^r: TensorFlow.js에는 threshold가 있거나/);
  });

  it('trains a Softmax over the last axis only, however it is written', () => {
    const soft = (axis: number) =>
      plan([input([28, 28, 1]), { kind: 'Softmax', name: 's', params: { axis } }, { kind: 'Flatten', params: {} }, head[1]!]);
    expect(soft(-1).ok).toBe(true);
    expect(soft(3).ok).toBe(true);
    const refused = soft(2);
    expect(!refused.ok && planText('en', refused.problem)).toBe(
      's: TensorFlow.js computes Softmax over the last axis only — set axis to -1 to train here; the design still exports to Keras, which can train it',
    );
    expect(soft(-2).ok).toBe(false);
  });

  it.each<[RawLayer['kind'], Record<string, unknown>]>([
    ['DepthwiseConv2D', { kernel_size: 3, dilation_rate: [1, 2] }],
    ['SeparableConv2D', { filters: 2, kernel_size: 3, dilation_rate: 2 }],
    ['Conv2DTranspose', { filters: 2, kernel_size: 3, dilation_rate: 2 }],
  ])('refuses a dilated %s: TensorFlow.js trains no dilated convolution', (kind, params) => {
    const p = plan([input([28, 28, 1]), { kind, name: 'd', params }, ...head]);
    expect(!p.ok && p.problem).toEqual({ code: 'dilated-conv', values: { node: 'd' } });
  });

  it("refuses Conv2DTranspose's output_padding, which TensorFlow.js's layer lacks, and trains the same layer without it", () => {
    const layer = (extra: Record<string, unknown>): RawLayer => ({
      kind: 'Conv2DTranspose',
      name: 't',
      params: { filters: 2, kernel_size: 3, strides: 2, ...extra },
    });
    const padded = plan([input([28, 28, 1]), layer({ output_padding: 1 }), ...head]);
    expect(!padded.ok && planText('en', padded.problem)).toBe(
      "t: TensorFlow.js's Conv2DTranspose has no output_padding — leave output_padding empty to train here; the design still exports to Keras, which can train it",
    );
    expect(plan([input([28, 28, 1]), layer({}), ...head])).toMatchObject({ ok: true });
    expect(plan([input([28, 28, 1]), layer({ output_padding: null }), ...head])).toMatchObject({ ok: true });
  });

  it('trains undilated depthwise and separable convolutions', () => {
    const p = plan([
      input([28, 28, 1]),
      { kind: 'DepthwiseConv2D', params: { kernel_size: 3, depth_multiplier: 4, strides: 2, padding: 'same' } },
      { kind: 'SeparableConv2D', params: { filters: 8, kernel_size: 3 } },
      ...head,
    ]);
    expect(p).toMatchObject({ ok: true });
  });

  it('reads the output of a network with branches from its last layer, not by walking the layers as a chain', () => {
    for (const layers of [RESIDUAL, INCEPTION]) {
      expect(plan([...layers])).toEqual({
        ok: true,
        adapter: { kind: 'image', height: 28, width: 28, channels: 1, padTop: 0, padLeft: 0 },
        outputIsProbability: true,
      });
    }
    const five = plan(RESIDUAL.map((l) => (l.name === 'dense' ? { ...l, params: { units: 5 } } : l)));
    expect(!five.ok && planText('en', five.problem)).toMatch(/^dense: the network must end with 10 values .* outputs \(None, 5\)/);
  });
});

describe('planTraining for pictures (resized to the Input)', () => {
  const classes = (n: number): RawLayer[] => [
    { kind: 'Flatten', params: {} },
    { kind: 'Dense', name: 'out', params: { units: n, activation: 'softmax' } },
  ];

  it('takes any height × width with 1 or 3 channels, as pictures are resized and converted to it', () => {
    expect(plan([input([32, 32, 3]), ...classes(3)], { kind: 'resized', classes: 3 })).toEqual({
      ok: true,
      adapter: { kind: 'resized', height: 32, width: 32, channels: 3, shape: [32, 32, 3] },
      outputIsProbability: true,
    });
    // 28×28 IDX images could not fill 17×9; pictures can.
    expect(plan([input([17, 9, 1]), ...classes(2)], { kind: 'resized', classes: 2 })).toMatchObject({
      ok: true,
      adapter: { kind: 'resized', height: 17, width: 9, channels: 1 },
    });
    expect(plan([input([17, 9, 1]), ...classes(10)]).ok).toBe(false);
    expect(plan([input([20, 20]), ...classes(2)], { kind: 'resized', classes: 2 })).toMatchObject({
      adapter: { kind: 'resized', channels: 1, shape: [20, 20] },
    });
  });

  it('refuses a flat input or channels other than 1 and 3, saying what the Input must be', () => {
    for (const shape of [[784], [32, 32, 4], [32, 32, 2]]) {
      const p = plan([input(shape), ...(shape.length === 1 ? [classes(2)[1]!] : classes(2))], { kind: 'resized', classes: 2 });
      expect(!p.ok && p.problem.code).toBe('image-input');
    }
    const four = plan([input([32, 32, 4]), ...classes(2)], { kind: 'resized', classes: 2 });
    expect(!four.ok && planText('en', four.problem)).toMatch(
      /^input_layer: pictures are resized to the Input's height and width.* not \(None, 32, 32, 4\)/,
    );
    expect(!four.ok && planText('ko', four.problem)).toMatch(/^input_layer: 그림은 입력의 높이와 너비로/);
  });

  it('checks the output against the class count once the folder is read, and only its form before', () => {
    expect(plan([input([8, 8, 3]), ...classes(7)], { kind: 'resized', classes: null }).ok).toBe(true);
    const unread = plan([input([8, 8, 3]), { kind: 'Conv2D', name: 'c', params: { filters: 2, kernel_size: 3 } }], {
      kind: 'resized',
      classes: null,
    });
    expect(!unread.ok && planText('en', unread.problem)).toMatch(
      /^c: the network must end with one value per class but outputs \(None, 6, 6, 2\)/,
    );
    const read = plan([input([8, 8, 3]), ...classes(7)], { kind: 'resized', classes: 3 });
    expect(!read.ok && planText('en', read.problem)).toMatch(/^out: the network must end with 3 values .* outputs \(None, 7\)/);
  });
});
