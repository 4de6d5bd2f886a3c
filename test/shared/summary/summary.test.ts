/**
 * Whole networks whose `model.summary()` Keras users know by heart, rebuilt on a Convas graph.
 * Every expected number is Keras's (its summary output or its documented weight rules), written
 * out by hand with its derivation; none is computed with src-shared.
 */
import { readFileSync } from 'node:fs';
import { projectProblemText } from '../../../src-shared/i18n/file-text';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { graphFromLayers, type RawLayer } from '../../../src-shared/graph/network';
import { parseProject } from '../../../src-shared/project/io';
import { summarize, type Summary } from '../../../src-shared/summary/summary';
import { summaryText } from '../../../src-shared/summary/text';
import { formulaProblem } from '../support/keras-reference';
import { issueText } from '../../../src-shared/i18n/issue-text';
import { formulaText } from '../../../src-shared/i18n/layer-text';

function build(shape: number[], layers: RawLayer[], name?: string): Summary {
  const a = analyzeGraph(graphFromLayers([{ kind: 'InputLayer', params: { shape } }, ...layers]));
  const s = summarize(a, name);
  if (!s) throw new Error(a.issues.map((i) => issueText('en', i)).join('\n'));
  return s;
}

function template(file: string): Summary {
  const parsed = parseProject(readFileSync(new URL(`../../../assets/templates/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
  const s = summarize(analyzeGraph(parsed.project.graph));
  if (!s) throw new Error(`${file} is not a valid network`);
  return s;
}

const conv = (filters: number, extra: Record<string, unknown> = {}): RawLayer => ({
  kind: 'Conv2D',
  params: { filters, kernel_size: 3, padding: 'same', activation: 'relu', ...extra },
});
const pool: RawLayer = { kind: 'MaxPooling2D', params: { pool_size: 2, strides: 2 } };

/** keras.applications.VGG16(): 13 convolutions in 5 blocks, then fc1, fc2, predictions. */
const vgg16: RawLayer[] = [
  conv(64),
  conv(64),
  pool,
  conv(128),
  conv(128),
  pool,
  conv(256),
  conv(256),
  conv(256),
  pool,
  conv(512),
  conv(512),
  conv(512),
  pool,
  conv(512),
  conv(512),
  conv(512),
  pool,
  { kind: 'Flatten', params: {} },
  { kind: 'Dense', params: { units: 4096, activation: 'relu' } },
  { kind: 'Dense', params: { units: 4096, activation: 'relu' } },
  { kind: 'Dense', params: { units: 1000, activation: 'softmax' } },
];

describe('VGG16 as keras.applications.VGG16().summary() prints it', () => {
  const s = build([224, 224, 3], vgg16);

  it('block by block', () => {
    const p = s.layers.map((r) => r.params);
    // Conv2D: 3·3·cin·f + f
    expect(p.slice(0, 3)).toEqual([1_792, 36_928, 0]); // 3·3·3·64+64, 3·3·64·64+64
    expect(p.slice(3, 6)).toEqual([73_856, 147_584, 0]);
    expect(p.slice(6, 10)).toEqual([295_168, 590_080, 590_080, 0]);
    expect(p.slice(10, 14)).toEqual([1_180_160, 2_359_808, 2_359_808, 0]);
    expect(p.slice(14, 18)).toEqual([2_359_808, 2_359_808, 2_359_808, 0]);
    // fc1 = 25088·4096 + 4096, fc2 = 4096·4096 + 4096, predictions = 4096·1000 + 1000
    expect(p.slice(18)).toEqual([0, 102_764_544, 16_781_312, 4_097_000]);
  });

  it('shapes: 224 halves to 112, 56, 28, 14, 7; flatten 7·7·512 = 25088', () => {
    const pools = s.layers.filter((r) => r.type === 'MaxPooling2D').map((r) => r.outputShape);
    expect(pools).toEqual([
      [null, 112, 112, 64],
      [null, 56, 56, 128],
      [null, 28, 28, 256],
      [null, 14, 14, 512],
      [null, 7, 7, 512],
    ]);
    expect(s.layers[18]!.outputShape).toEqual([null, 25088]);
    expect(s.layers.at(-1)!.outputShape).toEqual([null, 1000]);
  });

  it('Total params: 138,357,544 (527.79 MB); the 13 convolutions alone hold 14,714,688 (VGG16(include_top=False))', () => {
    expect([s.totalParams, s.trainableParams, s.nonTrainableParams]).toEqual([138_357_544, 138_357_544, 0]);
    expect(s.layers.filter((r) => r.type === 'Conv2D').reduce((a, r) => a + r.params, 0)).toBe(14_714_688);
    expect(summaryText(s)).toContain('Total params: 138,357,544 (527.79 MB)');
  });

  it('costs 15,470,264,320 multiply-accumulates per 224×224 image (the 15.47 GMac of published FLOP counts)', () => {
    // Conv: Hout·Wout·f·3·3·cin per layer; Dense: in·units. Summed by hand per block:
    // 86,704,128 + 1,849,688,064 | 924,844,032 + 1,849,688,064 | 924,844,032 + 2·1,849,688,064
    // | 924,844,032 + 2·1,849,688,064 | 3·462,422,016 | 102,760,448 + 16,777,216 + 4,096,000
    expect(s.layers[0]!.macs).toBe(86_704_128); // 224·224·64·3·3·3
    expect(s.totalMacs).toBe(15_470_264_320);
  });
});

describe('a ResNet50 stem, as keras.applications.ResNet50().summary() prints its first rows', () => {
  const s = build(
    [224, 224, 3],
    [
      { kind: 'Conv2D', params: { filters: 64, kernel_size: 7, strides: 2, padding: 'same' } },
      { kind: 'BatchNormalization', params: { epsilon: 1.001e-5 } },
      { kind: 'Activation', params: { activation: 'relu' } },
      { kind: 'MaxPooling2D', params: { pool_size: 3, strides: 2, padding: 'same' } },
    ],
  );

  it('conv1_conv (None, 112, 112, 64) 9,472; conv1_bn 256; pool1 (None, 56, 56, 64)', () => {
    // 7·7·3·64 + 64 = 9472; BN: 4·64 = 256, of which 2·64 = 128 are the moving statistics
    expect(s.layers.map((r) => [r.outputShape, r.params])).toEqual([
      [[null, 112, 112, 64], 9_472],
      [[null, 112, 112, 64], 256],
      [[null, 112, 112, 64], 0],
      [[null, 56, 56, 64], 0],
    ]);
    expect([s.totalParams, s.trainableParams, s.nonTrainableParams]).toEqual([9_728, 9_600, 128]);
  });

  it('prints the non-trainable count as Keras 3 does', () => {
    const text = summaryText(s);
    expect(text).toContain('Total params: 9,728 (38.00 KB)'); // 9728·4 B = 38,912 B = 38.00 KB
    expect(text).toContain('Trainable params: 9,600 (37.50 KB)');
    expect(text).toContain('Non-trainable params: 128 (512.00 B)');
    expect(text).toMatch(/│ batch_normalization \(BatchNormalization\)\s+│ \(None, 112, 112, 64\)\s+│\s+256 │/);
  });
});

describe('smaller cases', () => {
  it('Conv2D → GlobalAveragePooling2D → Dense: (None, 64) then 64·10 + 10 = 650', () => {
    const s = build(
      [7, 7, 32],
      [
        { kind: 'Conv2D', params: { filters: 64, kernel_size: 1 } }, // 1·1·32·64 + 64 = 2112
        { kind: 'GlobalAveragePooling2D', params: {} },
        { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
      ],
    );
    expect(s.layers.map((r) => [r.type, r.outputShape, r.params])).toEqual([
      ['Conv2D', [null, 7, 7, 64], 2_112],
      ['GlobalAveragePooling2D', [null, 64], 0],
      ['Dense', [null, 10], 650],
    ]);
  });

  it('Dense on (None, 7, 7, 32) shows its formula on the last axis: 32·16 + 16 = 528', () => {
    const r = build([7, 7, 32], [{ kind: 'Dense', params: { units: 16 } }]).layers[0]!;
    expect(r.outputShape).toEqual([null, 7, 7, 16]);
    expect(r.formulas.trainableParams.formula).toBe('32·16 + 16 = 528');
    expect(r.macs).toBe(7 * 7 * 32 * 16); // one 32-long dot product per unit at each of the 7·7 positions
  });

  it("a strided 'valid' convolution explains 13: floor((28 − 3) / 2) + 1 = 13", () => {
    const r = build([28, 28, 1], [{ kind: 'Conv2D', params: { filters: 4, kernel_size: 3, strides: 2 } }]).layers[0]!;
    expect(r.formulas.outputShape.map((d) => formulaText('en', d))).toEqual([
      'floor((28 − 3) / 2) + 1 = 13',
      'floor((28 − 3) / 2) + 1 = 13',
      '4 (filters)',
    ]);
    expect(r.formulas.outputShape[2]).toEqual({ value: 4, formula: '4', caption: { code: 'filters', values: {} } });
    expect(
      build([28, 28, 1], [{ kind: 'Conv2D', params: { filters: 4, kernel_size: 3, strides: 2, padding: 'same' } }]).layers[0]!.formulas
        .outputShape[0]!.formula,
    ).toBe('ceil(28 / 2) = 14');
  });

  it("'same' pooling explains 4: ceil(7 / 2) = 4", () => {
    const r = build([7, 7, 3], [{ kind: 'AveragePooling2D', params: { padding: 'same' } }]).layers[0]!;
    expect(r.outputShape).toEqual([null, 4, 4, 3]);
    expect(r.formulas.outputShape[0]!.formula).toBe('ceil(7 / 2) = 4');
  });

  it('use_bias=False shows no bias term: 3·3·1·10 = 90', () => {
    const r = build([28, 28, 1], [{ kind: 'Conv2D', params: { filters: 10, kernel_size: 3, use_bias: false } }]).layers[0]!;
    expect([r.params, r.formulas.trainableParams.formula]).toEqual([90, '3·3·1·10 = 90']);
  });

  it('BatchNormalization explains both halves', () => {
    const r = build([14, 14, 32], [{ kind: 'BatchNormalization', params: {} }]).layers[0]!;
    expect(formulaText('en', r.formulas.trainableParams)).toBe('2·32 = 64 (gamma + beta)');
    expect(formulaText('en', r.formulas.nonTrainableParams)).toBe('2·32 = 64 (moving mean + moving variance)');
    expect(formulaText('ko', r.formulas.nonTrainableParams)).toBe('2·32 = 64 (이동 평균 + 이동 분산)');
  });

  it('counts in formulas have thousands separators: 1,960·100 + 100 = 196,100', () => {
    const r = build(
      [14, 14, 10],
      [
        { kind: 'Flatten', params: {} },
        { kind: 'Dense', params: { units: 100 } },
      ],
    ).layers;
    expect(r[0]!.formulas.outputShape[0]!.formula).toBe('14·14·10 = 1,960');
    expect(r[1]!.formulas.trainableParams.formula).toBe('1,960·100 + 100 = 196,100');
    expect(r[1]!.formulas.memory.formula).toBe('100·4 B = 400 B');
  });

  it('a layer without weights says so in its caption, in both languages', () => {
    const r = build([28, 28, 1], [{ kind: 'MaxPooling2D', params: {} }]).layers[0]!;
    expect(r.formulas.trainableParams).toMatchObject({ value: 0, formula: '0', caption: { code: 'no-weights' } });
    expect(formulaText('en', r.formulas.trainableParams)).toBe('0 (no weights)');
    expect(formulaText('ko', r.formulas.trainableParams)).toBe('0 (가중치 없음)');
    expect(formulaText('en', r.formulas.macs)).toBe('0 (no multiplications: a maximum per window)');
  });

  it('an invalid graph has no summary (the UI shows its issues instead)', () => {
    const a = analyzeGraph(
      graphFromLayers([
        { kind: 'InputLayer', params: { shape: [4, 4, 1] } },
        { kind: 'Conv2D', params: { filters: 1, kernel_size: 5 } },
      ]),
    );
    expect(summarize(a)).toBeUndefined();
  });

  it('the model name is printed as Keras prints it', () => {
    expect(summaryText(build([4], [{ kind: 'Dense', params: { units: 2 } }], 'my_model'))).toMatch(/^Model: "my_model"\n/);
  });
});

describe('every template', () => {
  it.each(['lecture-cnn.convas.json', 'lecture-cnn-dropout.convas.json', 'lenet-5.convas.json', 'tensorflow-tutorial-cnn.convas.json'])(
    '%s: totals are the sums of the rows, and every formula states its value with correct arithmetic',
    (file) => {
      const s = template(file);
      const sum = (f: (r: Summary['layers'][number]) => number) => s.layers.reduce((a, r) => a + f(r), 0);
      expect(s.totalParams).toBe(sum((r) => r.params));
      expect(s.trainableParams + s.nonTrainableParams).toBe(s.totalParams);
      expect(s.totalMacs).toBe(sum((r) => r.macs));
      expect(s.totalMemoryBytes).toBe(sum((r) => r.memoryBytes));
      for (const r of s.layers) {
        expect(r.params).toBe(r.trainableParams + r.nonTrainableParams);
        r.formulas.outputShape.forEach((d, i) => {
          expect(d.value).toBe(r.outputShape[i + 1]);
          expect(formulaProblem(d, d.value)).toBeUndefined();
        });
        expect(formulaProblem(r.formulas.trainableParams, r.trainableParams)).toBeUndefined();
        expect(formulaProblem(r.formulas.nonTrainableParams, r.nonTrainableParams)).toBeUndefined();
        expect(formulaProblem(r.formulas.macs, r.macs)).toBeUndefined();
        expect(formulaProblem(r.formulas.memory, r.memoryBytes)).toBeUndefined();
        // float32 activations: 4 bytes per value of the output
        expect(r.memoryBytes).toBe(4 * (r.outputShape.slice(1) as number[]).reduce((a, b) => a * b, 1));
      }
    },
  );

  it('LeNet-5 prints its table as Keras does', () => {
    const text = summaryText(template('lenet-5.convas.json'));
    const rows = text
      .split('\n')
      .filter((l) => /^│ \S+ \(\w+\)/.test(l))
      .map((l) =>
        l
          .split('│')
          .map((c) => c.trim())
          .slice(1, 4),
      );
    expect(rows).toEqual([
      ['conv2d (Conv2D)', '(None, 28, 28, 6)', '156'], // 5·5·1·6 + 6
      ['average_pooling2d (AveragePooling2D)', '(None, 14, 14, 6)', '0'],
      ['conv2d_1 (Conv2D)', '(None, 10, 10, 16)', '2,416'], // 5·5·6·16 + 16
      ['average_pooling2d_1 (AveragePooling2D)', '(None, 5, 5, 16)', '0'],
      ['conv2d_2 (Conv2D)', '(None, 1, 1, 120)', '48,120'], // 5·5·16·120 + 120
      ['flatten (Flatten)', '(None, 120)', '0'],
      ['dense (Dense)', '(None, 84)', '10,164'], // 120·84 + 84
      ['dense_1 (Dense)', '(None, 10)', '850'], // 84·10 + 10
    ]);
    expect(text).toContain(' Total params: 61,706 (241.04 KB)'); // 61,706·4 B / 1024
    expect(text).toContain(' Trainable params: 61,706 (241.04 KB)');
  });

  it('the TensorFlow tutorial CNN prints 3,274,634 and its Dense row 3,212,288', () => {
    const text = summaryText(template('tensorflow-tutorial-cnn.convas.json'));
    expect(text).toMatch(/│ dense \(Dense\)\s+│ \(None, 1024\)\s+│\s+3,212,288 │/); // 3136·1024 + 1024
    expect(text).toMatch(/│ dropout \(Dropout\)\s+│ \(None, 1024\)\s+│\s+0 │/);
    expect(text).toContain('Total params: 3,274,634');
  });
});
