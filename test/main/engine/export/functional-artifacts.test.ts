/**
 * Trained exports of functional networks: model.json + weights.bin written by saveModel load back in
 * TensorFlow.js (tf.loadLayersModel, through loadModel and straight from the files) and predict
 * exactly what the trained model predicts.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, saveModel } from '../../../../src-main/engine/export/artifacts';
import { TrainingSession } from '../../../../src-main/engine/training/session';
import { rangeTensors } from '../../../../src-main/engine/training/examples';
import { graphFromLayers, toNetwork, type RawLayer } from '../../../../src-shared/graph/network';
import { summarize } from '../../../../src-shared/summary/summary';
import { readModelDocument } from '../../../../src-shared/format/model-file';
import { analyzeGraph } from '../../../../src-shared/graph/analyze';
import { CONCAT_ORDER, RESIDUAL } from '../../../shared/support/functional-graphs';
import { sampleData, testSettings, useWasm } from '../training/harness';

describe('trained exports of functional networks (wasm)', () => {
  beforeAll(useWasm);

  it.each([
    ['a residual block with a projection skip', RESIDUAL],
    ['a Concatenate whose inputs come in the reverse of the layer order', CONCAT_ORDER],
  ] as [string, readonly RawLayer[]][])('%s: trains, exports, loads back and predicts identically', async (_, layers) => {
    const net = toNetwork(graphFromLayers(layers));
    if (!net.ok) throw new Error(JSON.stringify(net.issues));
    const model = net.model;
    const { data, outputIsProbability } = await sampleData(model, 640);
    const s = new TrainingSession({
      runId: 'r',
      model,
      settings: testSettings(),
      data: { ...data, validation: null },
      outputIsProbability,
      emit: () => {},
    });
    await s.run();
    expect(s.model).not.toBeInstanceOf(tf.Sequential);

    const dir = mkdtempSync(join(tmpdir(), 'convas-export-'));
    const files = await saveModel(s.model, dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['model.json', 'weights.bin']);
    const json = JSON.parse(readFileSync(files[0]!, 'utf8')) as { modelTopology: { class_name: string } };
    expect(json.modelTopology.class_name).toBe('Model');

    // Convas reads its own trained export back as the same network.
    const reread = readModelDocument(json, 'model.json');
    expect(reread.ok && reread.kind).toBe('tfjs');
    if (reread.ok) expect(summarize(analyzeGraph(reread.project.graph))).toEqual(summarize(net.analysis));

    const loaded = await loadModel(files[0]!);
    expect(loaded.layers.map((l) => l.name)).toEqual(s.model.layers.map((l) => l.name));
    const { x } = rangeTensors(data.test, 0, data.test.count, 10);
    const a = s.model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(a.shape).toEqual([data.test.count, 10]);
    expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
    tf.dispose([x, a, b]);
    loaded.dispose();
    s.dispose();
  });
});
