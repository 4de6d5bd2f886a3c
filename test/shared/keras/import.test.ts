import { readFileSync } from 'node:fs';
import { fileProblemText, importProblemText } from '../../../src-shared/i18n/file-text';
import { describe, expect, it } from 'vitest';
import { importKerasModel } from '../../../src-shared/keras/import';
import { readModelFile } from '../../../src-shared/format/model-file';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { summarize, type Summary } from '../../../src-shared/summary/summary';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/keras/${name}`, import.meta.url), 'utf8');

function summaryOf(text: string): Summary {
  const read = readModelFile(text, 'model.json');
  if (!read.ok) throw new Error(fileProblemText('en', read.error));
  const summary = summarize(analyzeGraph(read.project.graph));
  if (!summary) throw new Error('invalid graph');
  return summary;
}

/** Rows as Keras's model.summary() prints them for the lecture's CNN (lecture slide "conv1.summary()"). */
const LECTURE_ROWS = [
  ['conv2d', 'Conv2D', [null, 28, 28, 10], 100],
  ['max_pooling2d', 'MaxPooling2D', [null, 14, 14, 10], 0],
  ['flatten', 'Flatten', [null, 1960], 0],
  ['dense', 'Dense', [null, 100], 196100],
  ['dense_1', 'Dense', [null, 10], 1010],
];

describe('Keras import', () => {
  it('reads Keras 3 to_json output', () => {
    const s = summaryOf(fixture('lecture-cnn.keras3.json'));
    expect(s.layers.map((r) => [r.name, r.type, r.outputShape, r.params])).toEqual(LECTURE_ROWS);
    expect(s.totalParams).toBe(197210);
  });

  it('reads tf.keras 2 to_json output', () => {
    const s = summaryOf(fixture('lecture-cnn.keras2.json'));
    expect(s.layers.map((r) => [r.name, r.type, r.outputShape, r.params])).toEqual(LECTURE_ROWS);
  });

  it('gives the same summary for the Keras 3 and Keras 2 JSON of one model, but for the Input name tf.keras 2 invents', () => {
    const keras3 = summaryOf(fixture('lecture-cnn.keras3.json'));
    const keras2 = summaryOf(fixture('lecture-cnn.keras2.json'));
    expect(keras2.layers[0]!.inbound).toEqual(['conv2d_input']);
    expect(keras3.layers[0]!.inbound).toEqual(['input_layer']);
    const withoutInbound = (s: typeof keras3) => ({ ...s, layers: s.layers.map(({ inbound: _, ...row }) => row) });
    expect(withoutInbound(keras3)).toEqual(withoutInbound(keras2));
  });

  it('reads the modelTopology of a TensorFlow.js model.json written by tfjs itself', () => {
    const s = summaryOf(fixture('lecture-cnn.tfjs.model.json'));
    expect(s.layers.map((r) => [r.type, r.outputShape, r.params])).toEqual(LECTURE_ROWS.map((r) => r.slice(1)));
    expect(s.totalParams).toBe(197210);
  });

  it('maps tfjs VarianceScaling initializers back to their Keras names', () => {
    const read = readModelFile(fixture('lecture-cnn.tfjs.model.json'), 'model.json');
    if (!read.ok) throw new Error(fileProblemText('en', read.error));
    const conv = read.project.graph.nodes.find((n) => n.kind === 'Conv2D')!;
    // tfjs's default kernel initializer is glorotNormal, serialized as VarianceScaling(1, fan_avg, normal).
    expect(conv.params['kernel_initializer']).toBe('glorot_normal');
  });

  it('reads Keras 2 models without an InputLayer entry (input shape on the first layer)', () => {
    const doc = JSON.parse(fixture('lecture-cnn.keras2.json'));
    doc.config.layers.shift();
    const imported = importKerasModel(doc);
    expect(imported.ok && imported.layers[0]).toMatchObject({ kind: 'InputLayer', params: { shape: [28, 28, 1] } });
  });

  it('names an unknown layer class in a clear error', () => {
    const doc = JSON.parse(fixture('lecture-cnn.keras3.json'));
    doc.config.layers[2] = { module: 'keras.layers', class_name: 'Conv3D', config: { name: 'conv3d' }, registered_name: null };
    const imported = importKerasModel(doc);
    expect(imported.ok).toBe(false);
    expect(!imported.ok && importProblemText('en', imported.error)).toMatch(/'conv3d'.*'Conv3D'.*does not support/);
  });

  it('refuses a class that is not a model with a sentence that names the models it reads', () => {
    const imported = importKerasModel({ class_name: 'Conv2D', config: { layers: [] } });
    expect(!imported.ok && importProblemText('en', imported.error)).toMatch(/Keras Conv2D.*Sequential and functional models/);
  });

  it('rejects documents that are not models without throwing', () => {
    for (const doc of [null, 3, 'x', [], {}, { class_name: 'Sequential' }, { class_name: 'Sequential', config: { layers: [1] } }]) {
      const imported = importKerasModel(doc);
      expect(imported.ok).toBe(false);
    }
  });
});

describe('Keras import of the reshaping and normalization layers', () => {
  // As Keras 3's model.to_json() writes them (padding and cropping nested, LayerNormalization's axis a list once built).
  const entry = (class_name: string, config: Record<string, unknown>) => ({
    module: 'keras.layers',
    class_name,
    config: { name: class_name.toLowerCase(), trainable: true, dtype: 'float32', ...config },
    registered_name: null,
  });
  const doc = {
    class_name: 'Sequential',
    config: {
      name: 'sequential',
      layers: [
        {
          module: 'keras.layers',
          class_name: 'InputLayer',
          config: { batch_shape: [null, 28, 28, 1], dtype: 'float32', name: 'input_layer' },
        },
        entry('ZeroPadding2D', {
          padding: [
            [2, 2],
            [2, 2],
          ],
          data_format: 'channels_last',
        }),
        entry('Cropping2D', {
          cropping: [
            [1, 1],
            [1, 1],
          ],
          data_format: 'channels_last',
        }),
        entry('UpSampling2D', { size: [2, 2], data_format: 'channels_last', interpolation: 'bilinear' }),
        entry('LayerNormalization', { axis: [-1], epsilon: 0.001, center: true, scale: true, rms_scaling: false }),
        entry('GlobalMaxPool2D', { data_format: 'channels_last', keepdims: false }),
        entry('Reshape', { target_shape: [1, -1] }),
      ],
    },
  };

  it('reads each layer with its settings, GlobalMaxPool2D as the GlobalMaxPooling2D it aliases', () => {
    const imported = importKerasModel(doc);
    expect(imported.ok && imported.layers.map((l) => [l.kind, l.params])).toEqual([
      ['InputLayer', { shape: [28, 28, 1] }],
      [
        'ZeroPadding2D',
        {
          padding: [
            [2, 2],
            [2, 2],
          ],
        },
      ],
      [
        'Cropping2D',
        {
          cropping: [
            [1, 1],
            [1, 1],
          ],
        },
      ],
      ['UpSampling2D', { size: [2, 2], interpolation: 'bilinear' }],
      ['LayerNormalization', { axis: -1, epsilon: 0.001, center: true, scale: true, rms_scaling: false }],
      ['GlobalMaxPooling2D', { keepdims: false }],
      ['Reshape', { target_shape: [1, -1] }],
    ]);
    const s = summaryOf(JSON.stringify(doc));
    expect(s.layers.map((r) => [r.type, r.outputShape, r.params])).toEqual([
      ['ZeroPadding2D', [null, 32, 32, 1], 0],
      ['Cropping2D', [null, 30, 30, 1], 0],
      ['UpSampling2D', [null, 60, 60, 1], 0],
      ['LayerNormalization', [null, 60, 60, 1], 2],
      ['GlobalMaxPooling2D', [null, 1], 0],
      ['Reshape', [null, 1, 1], 0],
    ]);
  });
});

type Row = [name: string, type: string, outputShape: (number | null)[], params: number, inbound: string[]];
const rowsOf = (s: Summary): Row[] => s.layers.map((r) => [r.name, r.type, r.outputShape, r.params, [...r.inbound]]);
/** The layer names of a Keras document, in the order its writer listed them. */
const fileOrder = (doc: { config: { layers: { name: string }[] } }) => doc.config.layers.map((l) => l.name);

/** A residual block with a projection skip, as Keras 3's model.summary() lists it (Keras's numbers: 3·3·1·16 + 16 = 160, …). */
const RESIDUAL_ROWS: Row[] = [
  ['input_layer', 'InputLayer', [null, 28, 28, 1], 0, []],
  ['conv2d', 'Conv2D', [null, 28, 28, 16], 160, ['input_layer']],
  ['conv2d_1', 'Conv2D', [null, 14, 14, 16], 2320, ['conv2d']],
  ['conv2d_2', 'Conv2D', [null, 14, 14, 16], 2320, ['conv2d_1']],
  ['conv2d_3', 'Conv2D', [null, 14, 14, 16], 272, ['conv2d']],
  ['add', 'Add', [null, 14, 14, 16], 0, ['conv2d_2', 'conv2d_3']],
  ['activation', 'Activation', [null, 14, 14, 16], 0, ['add']],
  ['global_average_pooling2d', 'GlobalAveragePooling2D', [null, 16], 0, ['activation']],
  ['dense', 'Dense', [null, 10], 170, ['global_average_pooling2d']],
];

/** An Inception-style block of three branches, as tf.keras 2's model.summary() lists it. */
const INCEPTION_ROWS: Row[] = [
  ['input_1', 'InputLayer', [null, 28, 28, 1], 0, []],
  ['conv2d', 'Conv2D', [null, 28, 28, 8], 80, ['input_1']],
  ['max_pooling2d', 'MaxPooling2D', [null, 28, 28, 8], 0, ['conv2d']],
  ['conv2d_1', 'Conv2D', [null, 28, 28, 4], 36, ['conv2d']],
  ['conv2d_2', 'Conv2D', [null, 28, 28, 4], 292, ['conv2d']],
  ['conv2d_3', 'Conv2D', [null, 28, 28, 4], 36, ['max_pooling2d']],
  ['concatenate', 'Concatenate', [null, 28, 28, 12], 0, ['conv2d_1', 'conv2d_2', 'conv2d_3']],
  ['max_pooling2d_1', 'MaxPooling2D', [null, 14, 14, 12], 0, ['concatenate']],
  ['flatten', 'Flatten', [null, 2352], 0, ['max_pooling2d_1']],
  ['dense', 'Dense', [null, 10], 23530, ['flatten']],
];

/** DenseNet-style reuse, the newer features first: the order of Concatenate's inputs is the reverse of the layer order. */
const CONCAT_ORDER_ROWS: Row[] = [
  ['input_layer', 'InputLayer', [null, 28, 28, 1], 0, []],
  ['conv2d', 'Conv2D', [null, 28, 28, 4], 40, ['input_layer']],
  ['conv2d_1', 'Conv2D', [null, 28, 28, 4], 148, ['conv2d']],
  ['concatenate', 'Concatenate', [null, 28, 28, 8], 0, ['conv2d_1', 'conv2d']],
  ['max_pooling2d', 'MaxPooling2D', [null, 14, 14, 8], 0, ['concatenate']],
  ['flatten', 'Flatten', [null, 1568], 0, ['max_pooling2d']],
  ['dense', 'Dense', [null, 10], 15690, ['flatten']],
];

type Doc = { config: { layers: Record<string, unknown>[]; input_layers: unknown; output_layers: unknown } };
const doc = (name: string): Doc => JSON.parse(fixture(name)) as Doc;
const layerOf = (d: Doc, name: string) => d.config.layers.find((l) => l['name'] === name)!;
/** The sentence for a document Convas refuses. */
function refusal(d: unknown): string {
  const imported = importKerasModel(d);
  if (imported.ok) throw new Error('imported');
  return importProblemText('en', imported.error);
}

describe('Keras functional import', () => {
  it.each([
    ['residual.keras3.json', 'keras3', RESIDUAL_ROWS, 5242],
    ['inception.keras2.json', 'keras2', INCEPTION_ROWS, 23974],
  ] as const)('reads %s in the order Keras wrote it, with every connection', (file, flavor, rows, total) => {
    const read = readModelFile(fixture(file), file);
    expect(read.ok && read.kind).toBe(flavor);
    const s = summaryOf(fixture(file));
    expect(s.functional).toBe(true);
    expect(rowsOf(s)).toEqual(rows);
    expect(s.layers.map((r) => r.name)).toEqual(fileOrder(doc(file) as unknown as { config: { layers: { name: string }[] } }));
    expect(s.totalParams).toBe(total);
  });

  it('reads a functional model.json written by TensorFlow.js itself, keeping the order of Concatenate’s inputs', () => {
    const text = fixture('concat-order.tfjs.model.json');
    const read = readModelFile(text, 'model.json');
    expect(read.ok && read.kind).toBe('tfjs');
    const s = summaryOf(text);
    expect(rowsOf(s)).toEqual(CONCAT_ORDER_ROWS);
    expect(s.totalParams).toBe(15878);
    const concat = read.ok ? read.project.graph.edges.filter((e) => e.target === 'n4') : [];
    expect(concat.map((e) => [e.source, e.port])).toEqual([
      ['n3', 0],
      ['n2', 1],
    ]);
  });

  it('reads the model ends in every form Keras writes them: one [name, 0, 0], a list of them, or a dict', () => {
    for (const ends of [
      { input_layers: ['input_layer', 0, 0], output_layers: ['dense', 0, 0] },
      { input_layers: [['input_layer', 0, 0]], output_layers: [['dense', 0, 0]] },
      { input_layers: { input_layer: ['input_layer', 0, 0] }, output_layers: { dense: ['dense', 0, 0] } },
    ]) {
      const d = doc('residual.keras3.json');
      Object.assign(d.config, ends);
      const imported = importKerasModel(d);
      expect(imported.ok && imported.layers.map((l) => l.inbound ?? [])).toEqual(RESIDUAL_ROWS.map((r) => r[4]));
    }
  });

  it('opens a functional model without branches as a chain (exported again as Sequential)', () => {
    const d = doc('inception.keras2.json');
    const keep = ['input_1', 'conv2d', 'max_pooling2d_1', 'flatten', 'dense'];
    d.config.layers = d.config.layers.filter((l) => keep.includes(l['name'] as string));
    (layerOf(d, 'max_pooling2d_1')['inbound_nodes'] as unknown[][][])[0]![0]![0] = 'conv2d';
    const s = summaryOf(JSON.stringify(d));
    expect(s.functional).toBe(false);
    expect(s.layers.map((r) => [r.name, r.outputShape])).toEqual([
      ['conv2d', [null, 28, 28, 8]],
      ['max_pooling2d_1', [null, 14, 14, 8]],
      ['flatten', [null, 1568]],
      ['dense', [null, 10]],
    ]);
  });

  it('refuses a model with several inputs or outputs, saying Convas has one of each', () => {
    const two = doc('residual.keras3.json');
    two.config.layers.splice(1, 0, { ...layerOf(two, 'input_layer'), name: 'input_layer_1' });
    two.config.input_layers = [
      ['input_layer', 0, 0],
      ['input_layer_1', 0, 0],
    ];
    expect(refusal(two)).toBe('This model has 2 inputs; a Convas network has exactly one Input — import a model built on one keras.Input.');
    const outputs = doc('inception.keras2.json');
    outputs.config.output_layers = [
      ['dense', 0, 0],
      ['conv2d_3', 0, 0],
    ];
    expect(refusal(outputs)).toMatch(/^This model has 2 outputs; a Convas network has exactly one output/);
  });

  it('refuses a shared layer (called twice), naming it', () => {
    const d = doc('inception.keras2.json');
    const nodes = layerOf(d, 'conv2d_1')['inbound_nodes'] as unknown[];
    nodes.push([['max_pooling2d', 0, 0, {}]]);
    expect(refusal(d)).toMatch(/^Layer 'conv2d_1' is called 2 times, sharing its weights/);
  });

  it('refuses a model nested as a layer, in a functional model and in a Sequential one', () => {
    const d = doc('residual.keras3.json');
    d.config.layers[4] = {
      module: 'keras',
      class_name: 'Sequential',
      config: { name: 'block', layers: [] },
      name: 'block',
      inbound_nodes: [],
    };
    expect(refusal(d)).toMatch(/^Layer 'block' is itself a Sequential model; Convas cannot place a model inside a network/);
    const seq = JSON.parse(fixture('lecture-cnn.keras2.json'));
    seq.config.layers[2] = { class_name: 'Functional', config: { name: 'backbone', layers: [] } };
    expect(refusal(seq)).toMatch(/^Layer 'backbone' is itself a Functional model/);
  });

  it('names an unknown layer class of a functional model, as for a Sequential one', () => {
    const d = doc('residual.keras3.json');
    layerOf(d, 'conv2d_2')['class_name'] = 'Conv3D';
    expect(refusal(d)).toMatch(/^Layer 'conv2d_2' has class 'Conv3D', which Convas does not support yet/);
  });

  it('refuses connections it cannot hold: an unknown source, a second output, a constant, an extra tensor argument', () => {
    const history = (d: Doc, layer: string) =>
      (layerOf(d, layer)['inbound_nodes'] as { args: { config: { keras_history: unknown[] } }[] }[])[0]!.args[0]!.config.keras_history;
    const unknown = doc('residual.keras3.json');
    history(unknown, 'conv2d_1')[0] = 'nowhere';
    expect(refusal(unknown)).toBe(
      "Layer 'conv2d_1' takes its input from 'nowhere', which is not a layer of this model — the file is damaged; save the model again with Keras.",
    );
    const secondOutput = doc('residual.keras3.json');
    history(secondOutput, 'conv2d_1')[2] = 1;
    expect(refusal(secondOutput)).toMatch(/^Layer 'conv2d_1': its inbound_nodes are not in the form Keras or TensorFlow\.js writes/);
    const constant = doc('inception.keras2.json');
    (layerOf(constant, 'concatenate')['inbound_nodes'] as unknown[][][])[0]!.push(['_CONSTANT_VALUE', -1, 3, {}]);
    expect(refusal(constant)).toMatch(/^Layer 'concatenate': its inbound_nodes/);
    const kwargs = doc('residual.keras3.json');
    const node = (layerOf(kwargs, 'add')['inbound_nodes'] as { args: unknown[][]; kwargs: Record<string, unknown> }[])[0]!;
    node.kwargs['mask'] = node.args[0]![0];
    expect(refusal(kwargs)).toMatch(/^Layer 'add': its inbound_nodes/);
  });

  it('refuses duplicate layer names and model ends that name no InputLayer or no layer', () => {
    const dup = doc('residual.keras3.json');
    layerOf(dup, 'conv2d_3')['name'] = 'conv2d_1';
    expect(refusal(dup)).toMatch(/^Two layers are named 'conv2d_1'/);
    for (const ends of [{ input_layers: undefined }, { input_layers: ['conv2d', 0, 0] }, { output_layers: [['nowhere', 0, 0]] }]) {
      const d = doc('inception.keras2.json');
      Object.assign(d.config, ends);
      expect(refusal(d)).toMatch(/^The model's input_layers and output_layers do not name its InputLayer and one of its layers/);
    }
  });

  it('reads inbound nodes of any shape from a hostile file without throwing', () => {
    const deep: unknown[] = [];
    let at = deep;
    for (let i = 0; i < 100_000; i++) at = (at[0] = []) as unknown[];
    for (const nodes of [[{ args: [deep], kwargs: {} }], [deep], [{ args: 'x' }], [{}], [null], 'x', [[], []]]) {
      const d = doc('residual.keras3.json');
      layerOf(d, 'add')['inbound_nodes'] = nodes;
      expect(() => importKerasModel(d)).not.toThrow();
      expect(importKerasModel(d).ok).toBe(false);
    }
  });
});
