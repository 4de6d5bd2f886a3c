/**
 * Golden cases. Every expected number comes from Keras, not from Convas: either printed by
 * `model.summary()` (the lecture's slide, Keras's documentation) or by Keras's documented rules:
 *   Conv2D params      = kh·kw·cin·filters + filters (bias)
 *   Dense params       = in·units + units, acting on the last axis of any rank
 *   BatchNormalization = 2·C trainable (gamma, beta) + 2·C non-trainable (moving mean, variance)
 *   output length      = floor((n − ((k−1)·d+1)) / s) + 1 for 'valid', ceil(n / s) for 'same'
 */
import { readFileSync } from 'node:fs';
import { projectProblemText } from '../../../src-shared/i18n/file-text';
import { issueText } from '../../../src-shared/i18n/issue-text';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src-shared/project/io';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { graphFromLayers, type RawLayer } from '../../../src-shared/graph/network';
import { summarize, type Summary } from '../../../src-shared/summary/summary';
import { summaryText } from '../../../src-shared/summary/text';

function template(name: string): Summary {
  const parsed = parseProject(readFileSync(new URL(`../../../assets/templates/${name}.convas.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
  const s = summarize(analyzeGraph(parsed.project.graph));
  if (!s) throw new Error('invalid template');
  return s;
}

function chain(shape: number[], layers: RawLayer[]): Summary {
  const a = analyzeGraph(graphFromLayers([{ kind: 'InputLayer', params: { shape } }, ...layers]));
  const s = summarize(a);
  if (!s) throw new Error(a.issues.map((i) => issueText('en', i)).join('\n'));
  return s;
}

const rows = (s: Summary) => s.layers.map((r) => [r.name, r.type, r.outputShape, r.params]);

describe("Keras's numbers for the templates", () => {
  it("the lecture's CNN, row by row as conv1.summary() prints it", () => {
    const s = template('lecture-cnn');
    expect(rows(s)).toEqual([
      ['conv2d', 'Conv2D', [null, 28, 28, 10], 100],
      ['max_pooling2d', 'MaxPooling2D', [null, 14, 14, 10], 0],
      ['flatten', 'Flatten', [null, 1960], 0],
      ['dense', 'Dense', [null, 100], 196100],
      ['dense_1', 'Dense', [null, 10], 1010],
    ]);
    expect([s.totalParams, s.trainableParams, s.nonTrainableParams]).toEqual([197210, 197210, 0]);
  });

  it('the lecture CNN with Dropout(0.5) after Flatten: same 197,210', () => {
    const s = template('lecture-cnn-dropout');
    expect(s.layers[3]).toMatchObject({ type: 'Dropout', outputShape: [null, 1960], params: 0 });
    expect(s.totalParams).toBe(197210);
  });

  it('LeNet-5: 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706', () => {
    const s = template('lenet-5');
    expect(s.layers.map((r) => r.params)).toEqual([156, 0, 2416, 0, 48120, 0, 10164, 850]);
    expect(s.layers.map((r) => r.outputShape)).toEqual([
      [null, 28, 28, 6],
      [null, 14, 14, 6],
      [null, 10, 10, 16],
      [null, 5, 5, 16],
      [null, 1, 1, 120],
      [null, 120],
      [null, 84],
      [null, 10],
    ]);
    expect(s.totalParams).toBe(61706);
  });

  it("the TensorFlow CNN tutorial's network: 3,274,634", () => {
    const s = template('tensorflow-tutorial-cnn');
    expect(s.layers.map((r) => r.params)).toEqual([832, 0, 51264, 0, 0, 3212288, 0, 10250]);
    expect(s.layers[4]!.outputShape).toEqual([null, 3136]);
    expect(s.totalParams).toBe(3274634);
  });

  it('prints the Keras table', () => {
    const text = summaryText(template('lecture-cnn'));
    expect(text).toContain('Model: "sequential"');
    expect(text).toMatch(/│ conv2d \(Conv2D\)\s+│ \(None, 28, 28, 10\)\s+│\s+100 │/);
    expect(text).toMatch(/│ dense \(Dense\)\s+│ \(None, 100\)\s+│\s+196,100 │/);
    expect(text).toContain('Total params: 197,210 (770.35 KB)');
    expect(text).toContain('Non-trainable params: 0 (0.00 B)');
  });
});

describe('shape rules', () => {
  it('strides: 28 with a 3×3 kernel and stride 2 is 13 valid, 14 same', () => {
    expect(chain([28, 28, 1], [{ kind: 'Conv2D', params: { filters: 4, kernel_size: 3, strides: 2 } }]).layers[0]!.outputShape).toEqual([
      null,
      13,
      13,
      4,
    ]);
    expect(
      chain([28, 28, 1], [{ kind: 'Conv2D', params: { filters: 4, kernel_size: 3, strides: 2, padding: 'same' } }]).layers[0]!.outputShape,
    ).toEqual([null, 14, 14, 4]);
  });

  it("'same' pooling rounds up, 'valid' drops the rest: 7 → 4 and 3", () => {
    expect(chain([7, 7, 3], [{ kind: 'MaxPooling2D', params: { padding: 'same' } }]).layers[0]!.outputShape).toEqual([null, 4, 4, 3]);
    expect(chain([7, 7, 3], [{ kind: 'AveragePooling2D', params: {} }]).layers[0]!.outputShape).toEqual([null, 3, 3, 3]);
  });

  it('pool strides other than pool_size: 3×3 pool, stride 2 on 28 → 13', () => {
    expect(chain([28, 28, 8], [{ kind: 'MaxPooling2D', params: { pool_size: 3, strides: 2 } }]).layers[0]!.outputShape).toEqual([
      null,
      13,
      13,
      8,
    ]);
  });

  it('dilation: a 3×3 kernel dilated by 2 covers 5×5, so 28 → 24', () => {
    const s = chain([28, 28, 1], [{ kind: 'Conv2D', params: { filters: 2, kernel_size: 3, dilation_rate: 2 } }]);
    expect(s.layers[0]!.outputShape).toEqual([null, 24, 24, 2]);
    expect(s.layers[0]!.params).toBe(20);
    expect(s.layers[0]!.formulas.outputShape[0]!.formula).toBe('floor((28 − ((3−1)·2+1)) / 1) + 1 = 24');
  });

  it('Dense on a rank-4 input acts on the last axis: (None, 7, 7, 32) → Dense(16) = (None, 7, 7, 16), 528 params', () => {
    const s = chain([7, 7, 32], [{ kind: 'Dense', params: { units: 16 } }]);
    expect(s.layers[0]).toMatchObject({ outputShape: [null, 7, 7, 16], params: 528 });
  });

  it('BatchNormalization on 32 channels: 64 trainable, 64 non-trainable', () => {
    const s = chain([14, 14, 32], [{ kind: 'BatchNormalization', params: {} }]);
    expect(s.layers[0]).toMatchObject({ params: 128, trainableParams: 64, nonTrainableParams: 64 });
    expect([s.trainableParams, s.nonTrainableParams]).toEqual([64, 64]);
  });

  it('GlobalAveragePooling2D keeps one value per channel', () => {
    expect(chain([7, 7, 64], [{ kind: 'GlobalAveragePooling2D', params: {} }]).layers[0]).toMatchObject({
      outputShape: [null, 64],
      params: 0,
    });
  });

  it('use_bias=false drops the bias', () => {
    expect(chain([28, 28, 3], [{ kind: 'Conv2D', params: { filters: 8, kernel_size: 3, use_bias: false } }]).layers[0]!.params).toBe(216);
    expect(chain([100], [{ kind: 'Dense', params: { units: 10, use_bias: false } }]).layers[0]!.params).toBe(1000);
  });
});

describe("reshaping and normalization layers, by Keras 3's rules", () => {
  // ZeroPadding2D +top+bottom/+left+right, Cropping2D −, UpSampling2D ·size, GlobalMaxPooling2D → (C),
  // Reshape keeps the count (one -1 computed), LayerNormalization 2·(product of its axes), none non-trainable.
  it('a chain through every one of them, row by row as model.summary() would print it', () => {
    const s = chain(
      [28, 28, 1],
      [
        { kind: 'ZeroPadding2D', params: { padding: 2 } },
        { kind: 'Conv2D', params: { filters: 8, kernel_size: 3 } },
        { kind: 'Cropping2D', params: { cropping: 1 } },
        { kind: 'UpSampling2D', params: {} },
        { kind: 'LayerNormalization', params: {} },
        { kind: 'GlobalMaxPooling2D', params: {} },
        { kind: 'Reshape', params: { target_shape: [2, -1] } },
        { kind: 'LayerNormalization', params: { axis: [1, 2] } },
        { kind: 'Reshape', params: { target_shape: [-1] } },
        { kind: 'Dense', params: { units: 10 } },
      ],
    );
    expect(rows(s)).toEqual([
      ['zero_padding2d', 'ZeroPadding2D', [null, 32, 32, 1], 0],
      ['conv2d', 'Conv2D', [null, 30, 30, 8], 80],
      ['cropping2d', 'Cropping2D', [null, 28, 28, 8], 0],
      ['up_sampling2d', 'UpSampling2D', [null, 56, 56, 8], 0],
      ['layer_normalization', 'LayerNormalization', [null, 56, 56, 8], 16],
      ['global_max_pooling2d', 'GlobalMaxPooling2D', [null, 8], 0],
      ['reshape', 'Reshape', [null, 2, 4], 0],
      ['layer_normalization_1', 'LayerNormalization', [null, 2, 4], 16],
      ['reshape_1', 'Reshape', [null, 8], 0],
      ['dense', 'Dense', [null, 10], 90],
    ]);
    expect([s.totalParams, s.trainableParams, s.nonTrainableParams]).toEqual([202, 202, 0]);
  });
});

describe('formulas with the real numbers', () => {
  const s = template('lecture-cnn');
  it("'same': ceil(28 / 1) = 28", () => expect(s.layers[0]!.formulas.outputShape[0]!.formula).toBe('ceil(28 / 1) = 28'));
  it('Conv2D params: 3·3·1·10 + 10 = 100', () => expect(s.layers[0]!.formulas.trainableParams.formula).toBe('3·3·1·10 + 10 = 100'));
  it("'valid' pooling: floor((28 − 2) / 2) + 1 = 14", () =>
    expect(s.layers[1]!.formulas.outputShape[0]!.formula).toBe('floor((28 − 2) / 2) + 1 = 14'));
  it('Flatten: 14·14·10 = 1,960', () => expect(s.layers[2]!.formulas.outputShape[0]!.formula).toBe('14·14·10 = 1,960'));
  it('Dense params: 1,960·100 + 100 = 196,100 (with thousands separators)', () =>
    expect(s.layers[3]!.formulas.trainableParams.formula).toBe('1,960·100 + 100 = 196,100'));
  it('costs: 28·28·10·3·3·1 = 70560 MACs and 28·28·10·4 B of activations', () => {
    expect(s.layers[0]!.macs).toBe(70560);
    expect(s.layers[0]!.memoryBytes).toBe(31360);
    expect(s.totalMacs).toBe(70560 + 196000 + 1000);
  });
});
