import { readFileSync, readdirSync } from 'node:fs';
import { importProblemText, projectProblemText } from '../../../src-shared/i18n/file-text';
import { describe, expect, it } from 'vitest';
import { toKeras3Json, toTfjsTopology } from '../../../src-shared/keras/export';
import { importKerasModel } from '../../../src-shared/keras/import';
import { parseProject } from '../../../src-shared/project/io';
import { toNetwork, graphFromLayers } from '../../../src-shared/graph/network';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { summarize, type Summary } from '../../../src-shared/summary/summary';
import type { Graph } from '../../../src-shared/graph/schema';
import type { Network } from '../../../src-shared/graph/network';
import { CONCAT_ORDER, FUNCTIONAL_GRAPHS, RESIDUAL } from '../support/functional-graphs';

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
  return withoutIds(summarize(analyzeGraph(graphFromLayers(imported.layers))));
}

/**
 * A summary without its node ids: an imported graph numbers its nodes in Keras's layer order, a
 * template in the order it was drawn; every name, shape, count and connection is still compared.
 */
function withoutIds(summary: Summary | undefined) {
  return summary && { ...summary, layers: summary.layers.map(({ id: _, ...row }) => row) };
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
    expect(roundTrip(graph, toKeras3Json)).toEqual(withoutIds(summarize(analyzeGraph(graph))));
  });

  it.each(templates)('%s: tfjs topology export → import gives the same summary', (file) => {
    const graph = graphOf(file);
    expect(roundTrip(graph, (m) => ({ modelTopology: toTfjsTopology(m), format: 'layers-model' }))).toEqual(
      withoutIds(summarize(analyzeGraph(graph))),
    );
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

  it('puts the input shape on the first layer of a tfjs topology, as tfjs does, after an InputLayer that keeps the Input name', () => {
    const seq = toNetwork(graphOf('lecture-cnn.convas.json'));
    if (!seq.ok) throw new Error('invalid');
    const topo = toTfjsTopology(seq.model) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    expect(topo.config.layers[0]).toEqual({
      class_name: 'InputLayer',
      config: { batch_input_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false, name: 'input_layer' },
    });
    expect(topo.config.layers[1]!.config['batch_input_shape']).toEqual([null, 28, 28, 1]);
    expect(topo.config.layers[1]!.config['kernel_initializer']).toEqual({ class_name: 'GlorotUniform', config: { seed: null } });
  });
});

const fixturesDir = new URL('../../fixtures/keras/', import.meta.url);
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith('.json'));

/** The summary of a Keras document, imported as Convas imports files. */
function importedSummary(doc: unknown) {
  const imported = importKerasModel(doc);
  if (!imported.ok) throw new Error(importProblemText('en', imported.error));
  return summarize(analyzeGraph(graphFromLayers(imported.layers)));
}

/** The network of a Keras document or of constructed layers. */
function networkOf(layers: Parameters<typeof graphFromLayers>[0]) {
  const net = toNetwork(graphFromLayers(layers));
  if (!net.ok) throw new Error(JSON.stringify(net.issues));
  return net.model;
}

const WRITERS: Record<string, (m: Network) => unknown> = {
  'Keras 3 JSON': toKeras3Json,
  'tfjs model.json': (m) => ({ format: 'layers-model', modelTopology: toTfjsTopology(m) }),
};

describe('Keras export of functional networks', () => {
  it.each(fixtures.flatMap((f) => Object.keys(WRITERS).map((w) => [f, w] as const)))(
    '%s: import → %s → import gives the same summary',
    (file, writer) => {
      const text = readFileSync(new URL(file, fixturesDir), 'utf8');
      const first = importKerasModel(JSON.parse(text));
      if (!first.ok) throw new Error(importProblemText('en', first.error));
      const again = importedSummary(WRITERS[writer]!(networkOf(first.layers)));
      expect(again).toEqual(importedSummary(JSON.parse(text)));
      expect(again).toBeDefined();
    },
  );

  it.each(Object.entries(FUNCTIONAL_GRAPHS).flatMap(([g, layers]) => Object.keys(WRITERS).map((w) => [g, w, layers] as const)))(
    '%s: export as %s → import gives the same summary, functional, with every connection in port order',
    (_, writer, layers) => {
      const original = summarize(analyzeGraph(graphFromLayers(layers)));
      expect(original?.functional).toBe(true);
      expect(importedSummary(WRITERS[writer]!(networkOf(layers)))).toEqual(original);
    },
  );

  it('writes a functional network as Keras 3 writes keras.Model(inputs, outputs): one call per layer, a merge’s inputs as one list', () => {
    const json = toKeras3Json(networkOf(RESIDUAL)) as {
      config: { layers: { class_name: string; name: string; inbound_nodes: unknown[]; build_config?: unknown }[] } & Record<
        string,
        unknown
      >;
    } & Record<string, unknown>;
    expect(json).toMatchObject({ module: 'keras.src.models.functional', class_name: 'Functional', registered_name: 'Functional' });
    expect(json.config).toMatchObject({
      name: 'functional',
      trainable: true,
      input_layers: ['input_layer', 0, 0],
      output_layers: ['dense', 0, 0],
    });
    const byName = new Map(json.config.layers.map((l) => [l.name, l]));
    expect(json.config.layers.map((l) => l.name)).toEqual(RESIDUAL.map((l) => l.name));
    expect(byName.get('input_layer')).toMatchObject({
      class_name: 'InputLayer',
      config: { batch_shape: [null, 28, 28, 1], name: 'input_layer' },
      inbound_nodes: [],
    });
    const tensor = (name: string, shape: (number | null)[]) => ({
      class_name: '__keras_tensor__',
      config: { shape, dtype: 'float32', keras_history: [name, 0, 0] },
    });
    expect(byName.get('conv2d_3')).toMatchObject({
      module: 'keras.layers',
      config: { name: 'conv2d_3', filters: 16, kernel_size: [1, 1], strides: [2, 2] },
      build_config: { input_shape: [null, 28, 28, 16] },
      inbound_nodes: [{ args: [tensor('conv2d', [null, 28, 28, 16])], kwargs: {} }],
    });
    expect(byName.get('add')).toMatchObject({
      build_config: {
        input_shape: [
          [null, 14, 14, 16],
          [null, 14, 14, 16],
        ],
      },
      inbound_nodes: [{ args: [[tensor('conv2d_2', [null, 14, 14, 16]), tensor('conv2d_3', [null, 14, 14, 16])]], kwargs: {} }],
    });
  });

  it('writes the same functional network as TensorFlow.js writes a tf.model: class Model, [[name, 0, 0, {}]] nodes, an InputLayer', () => {
    const topo = toTfjsTopology(networkOf(CONCAT_ORDER)) as {
      class_name: string;
      config: { layers: { name: string; class_name: string; config: Record<string, unknown>; inbound_nodes: unknown }[] } & Record<
        string,
        unknown
      >;
    };
    expect(topo.class_name).toBe('Model');
    expect(topo.config['input_layers']).toEqual([['input_layer', 0, 0]]);
    expect(topo.config['output_layers']).toEqual([['dense', 0, 0]]);
    const [input, conv] = topo.config.layers;
    expect(input).toEqual({
      name: 'input_layer',
      class_name: 'InputLayer',
      config: { batch_input_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false, name: 'input_layer' },
      inbound_nodes: [],
    });
    expect(conv!.config['batch_input_shape']).toBeUndefined();
    expect(conv!.config['kernel_initializer']).toEqual({ class_name: 'GlorotUniform', config: { seed: null } });
    expect(topo.config.layers.find((l) => l.name === 'concatenate')!.inbound_nodes).toEqual([
      [
        ['conv2d_1', 0, 0, {}],
        ['conv2d', 0, 0, {}],
      ],
    ]);
  });

  it('still writes a chain as Sequential in both forms', () => {
    const seq = toNetwork(graphOf('lecture-cnn.convas.json'));
    if (!seq.ok) throw new Error('invalid');
    expect(toKeras3Json(seq.model)['class_name']).toBe('Sequential');
    expect(toTfjsTopology(seq.model)['class_name']).toBe('Sequential');
  });
});
