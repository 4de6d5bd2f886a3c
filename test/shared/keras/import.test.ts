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
