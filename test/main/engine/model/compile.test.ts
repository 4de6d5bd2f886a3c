import { readFileSync, readdirSync } from 'node:fs';
import { projectProblemText } from '../../../../src-shared/i18n/file-text';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileModel } from '../../../../src-main/engine/model/compile';
import { parseProject } from '../../../../src-shared/project/io';
import { graphFromLayers, toNetwork, type Network } from '../../../../src-shared/graph/network';
import { summarize } from '../../../../src-shared/summary/summary';
import { toTfjsTopology } from '../../../../src-shared/keras/export';

const dir = new URL('../../../../assets/templates/', import.meta.url);
const templates = readdirSync(dir).filter((f) => f.endsWith('.convas.json'));

function load(file: string) {
  const parsed = parseProject(readFileSync(new URL(file, dir), 'utf8'));
  if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
  const seq = toNetwork(parsed.project.graph);
  if (!seq.ok) throw new Error('invalid');
  return { model: seq.model, summary: summarize(seq.analysis)! };
}

const everyKind: Network = (() => {
  const seq = toNetwork(
    graphFromLayers([
      { kind: 'InputLayer', params: { shape: [16, 16, 3] } },
      { kind: 'Conv2D', params: { filters: 8, kernel_size: 3, strides: 2, padding: 'same', activation: 'hard_sigmoid', use_bias: false } },
      { kind: 'BatchNormalization', params: { center: false } },
      { kind: 'Activation', params: { activation: 'gelu' } },
      { kind: 'Conv2D', params: { filters: 4, kernel_size: 3, dilation_rate: 2, kernel_initializer: 'orthogonal' } },
      { kind: 'MaxPooling2D', params: { pool_size: 3, strides: 1, padding: 'same' } },
      { kind: 'AveragePooling2D', params: {} },
      { kind: 'Dropout', params: { rate: 0.3 } },
      { kind: 'Dense', params: { units: 6, activation: 'selu' } },
      { kind: 'GlobalAveragePooling2D', params: {} },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]),
  );
  if (!seq.ok) throw new Error(JSON.stringify(seq.issues));
  return seq.model;
})();

describe('compileModel', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(templates)('%s: TensorFlow.js counts the same parameters and shapes as the summary', (file) => {
    const { model, summary } = load(file);
    const compiled = compileModel(model);
    expect(compiled.countParams()).toBe(summary.totalParams);
    expect(compiled.layers.map((l) => [l.name, l.outputShape, l.countParams()])).toEqual(
      summary.layers.map((r) => [r.name, r.outputShape, r.params]),
    );
    compiled.dispose();
  });

  it('builds every layer kind with non-default settings, BatchNormalization counting its moving statistics', () => {
    const compiled = compileModel(everyKind);
    const summary = summarize(
      toNetwork(
        graphFromLayers([
          { kind: 'InputLayer', params: { shape: everyKind.input.shape as number[] } },
          ...everyKind.layers.map((l) => ({ kind: l.kind, name: l.name, params: l.params as Record<string, unknown> })),
        ]),
      ).analysis,
    )!;
    expect(compiled.countParams()).toBe(summary.totalParams);
    const bn = compiled.layers.find((l) => l.name.startsWith('batch_normalization'))!;
    expect(bn.trainableWeights.length).toBe(1);
    expect(bn.nonTrainableWeights.length).toBe(2);
    compiled.dispose();
  });

  it('gives identical starting weights for the same seed and different ones for another', () => {
    const { model } = load('lecture-cnn.convas.json');
    const a = compileModel(model, 7);
    const b = compileModel(model, 7);
    const c = compileModel(model, 8);
    const w = (m: tf.LayersModel) => Array.from(m.getWeights()[0]!.dataSync());
    expect(w(a)).toEqual(w(b));
    expect(w(a)).not.toEqual(w(c));
    [a, b, c].forEach((m) => m.dispose());
  });

  it.each(templates)('%s: the exported tfjs topology loads into TensorFlow.js with the same parameter count', async (file) => {
    const { model, summary } = load(file);
    const loaded = await tf.models.modelFromJSON({ modelTopology: toTfjsTopology(model) } as unknown as tf.io.ModelJSON);
    expect(loaded.countParams()).toBe(summary.totalParams);
    loaded.dispose();
  });

  it('the every-kind topology loads into TensorFlow.js', async () => {
    const loaded = await tf.models.modelFromJSON({ modelTopology: toTfjsTopology(everyKind) } as unknown as tf.io.ModelJSON);
    expect(loaded.countParams()).toBe(compileModel(everyKind).countParams());
  });
});
