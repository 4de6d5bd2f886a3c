import { readFileSync, readdirSync } from 'node:fs';
import { importProblemText, projectProblemText } from '../../../src-shared/i18n/file-text';
import { describe, expect, it } from 'vitest';
import { toKeras3Json, toTfjsTopology } from '../../../src-shared/keras/export';
import { importKerasModel } from '../../../src-shared/keras/import';
import { parseProject } from '../../../src-shared/project/io';
import { toNetwork, graphFromLayers } from '../../../src-shared/graph/network';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { summarize } from '../../../src-shared/summary/summary';
import type { Graph } from '../../../src-shared/graph/schema';

const templatesDir = new URL('../../../assets/templates/', import.meta.url);
const templates = readdirSync(templatesDir).filter((f) => f.endsWith('.convas.json'));

function graphOf(file: string): Graph {
  const parsed = parseProject(readFileSync(new URL(file, templatesDir), 'utf8'));
  if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
  return parsed.project.graph;
}

function roundTrip(graph: Graph, write: typeof toKeras3Json) {
  const seq = toNetwork(graph);
  if (!seq.ok) throw new Error('invalid template');
  const imported = importKerasModel(write(seq.model));
  if (!imported.ok) throw new Error(importProblemText('en', imported.error));
  return summarize(analyzeGraph(graphFromLayers(imported.layers)));
}

/** A network that uses every layer kind with non-default settings. */
const everyKind = graphFromLayers([
  { kind: 'InputLayer', params: { shape: [32, 32, 3] } },
  {
    kind: 'Conv2D',
    params: {
      filters: 8,
      kernel_size: 5,
      strides: 2,
      padding: 'same',
      activation: 'elu',
      use_bias: false,
      kernel_initializer: 'he_normal',
    },
  },
  { kind: 'BatchNormalization', params: { momentum: 0.9, epsilon: 0.01 } },
  { kind: 'Activation', params: { activation: 'relu6' } },
  {
    kind: 'Conv2D',
    params: { filters: 4, kernel_size: [3, 3], dilation_rate: 2, kernel_initializer: 'lecun_uniform', bias_initializer: 'ones' },
  },
  { kind: 'MaxPooling2D', params: { pool_size: 3, strides: 1, padding: 'same' } },
  { kind: 'AveragePooling2D', params: { pool_size: [2, 2] } },
  { kind: 'Dropout', params: { rate: 0.25 } },
  { kind: 'GlobalAveragePooling2D', params: {} },
  { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
]);

describe('Keras export', () => {
  it.each(templates)('%s: Keras 3 JSON export → import gives the same summary', (file) => {
    const graph = graphOf(file);
    expect(roundTrip(graph, toKeras3Json)).toEqual(summarize(analyzeGraph(graph)));
  });

  it.each(templates)('%s: tfjs topology export → import gives the same summary', (file) => {
    const graph = graphOf(file);
    expect(roundTrip(graph, (m) => ({ modelTopology: toTfjsTopology(m), format: 'layers-model' }))).toEqual(summarize(analyzeGraph(graph)));
  });

  it('keeps every parameter of every layer kind through Keras 3 JSON', () => {
    const seq = toNetwork(everyKind);
    if (!seq.ok) throw new Error(JSON.stringify(seq.issues));
    const imported = importKerasModel(toKeras3Json(seq.model));
    if (!imported.ok) throw new Error(importProblemText('en', imported.error));
    const back = toNetwork(graphFromLayers(imported.layers));
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.model.layers.map((l) => [l.kind, l.params])).toEqual(seq.model.layers.map((l) => [l.kind, l.params]));
  });

  it('writes the Keras 3 layout: InputLayer with batch_shape, DTypePolicy, build_config', () => {
    const seq = toNetwork(graphOf('lecture-cnn.convas.json'));
    if (!seq.ok) throw new Error('invalid');
    const json = toKeras3Json(seq.model) as {
      class_name: string;
      config: { layers: { class_name: string; config: Record<string, unknown>; build_config?: unknown }[] };
    };
    expect(json.class_name).toBe('Sequential');
    const [input, conv] = json.config.layers;
    expect(input).toMatchObject({ class_name: 'InputLayer', config: { batch_shape: [null, 28, 28, 1] } });
    expect(conv).toMatchObject({
      module: 'keras.layers',
      class_name: 'Conv2D',
      config: {
        name: 'conv2d',
        filters: 10,
        kernel_size: [3, 3],
        padding: 'same',
        activation: 'relu',
        dtype: { class_name: 'DTypePolicy' },
      },
      build_config: { input_shape: [null, 28, 28, 1] },
    });
  });

  it('puts the input shape on the first layer of a tfjs topology, as tfjs does', () => {
    const seq = toNetwork(graphOf('lecture-cnn.convas.json'));
    if (!seq.ok) throw new Error('invalid');
    const topo = toTfjsTopology(seq.model) as { config: { layers: { config: Record<string, unknown> }[] } };
    expect(topo.config.layers[0]!.config['batch_input_shape']).toEqual([null, 28, 28, 1]);
    expect(topo.config.layers[0]!.config['kernel_initializer']).toEqual({ class_name: 'GlorotUniform', config: { seed: null } });
  });
});
