// The engine host's ONNX exports with its real collaborators: a lecture CNN trained briefly on the
// bundled sample scores the same test accuracy in onnxruntime as in the engine, and a design's ONNX
// model (export-design) is answered, confined and refused as the protocol says.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../src-main/engine/host';
import { createEngineDeps } from '../../../src-main/engine/deps';
import { loadModel } from '../../../src-main/engine/export/artifacts';
import { loadDataset } from '../../../src-main/engine/data';
import { compileModel } from '../../../src-main/engine/model/compile';
import { engineEventSchema, type EngineEvent, type EngineEventOf } from '../../../src-shared/engine/protocol';
import { defaultTrainingSettings, type TrainingSettings } from '../../../src-shared/project/training';
import { graphFromLayers, toNetwork } from '../../../src-shared/graph/network';
import { onnxSession, runOnnx, runSession } from '../support/onnx-runtime';
import { templateGraph } from './training/harness';

const ofType = <T extends EngineEvent['type']>(events: EngineEvent[], type: T) =>
  events.filter((e): e is EngineEventOf<T> => e.type === type);

function newHost(confinement?: { exportRoot: string }) {
  const events: EngineEvent[] = [];
  const host = new EngineHost(createEngineDeps(), (e) => events.push(engineEventSchema.parse(e)), confinement);
  return { host, events };
}

/** The index of the largest of each row of `classes` scores. */
function argmax(scores: ArrayLike<number>, classes: number): number[] {
  const out: number[] = [];
  for (let r = 0; r * classes < scores.length; r++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (scores[r * classes + c]! > scores[r * classes + best]!) best = c;
    out.push(best);
  }
  return out;
}

describe('ONNX exports of the engine', { timeout: 300_000 }, () => {
  it('a briefly trained lecture CNN exported with train --out scores the same test accuracy in onnxruntime as in the engine', async () => {
    const { host, events } = newHost();
    const settings: TrainingSettings = { ...defaultTrainingSettings(), epochs: 1, batchSize: 64, backend: 'wasm', seed: 3 };
    await host.handle({ type: 'train', runId: 'r', graph: templateGraph('lecture-cnn'), settings });
    await host.running;
    const [finished] = ofType(events, 'finished');
    expect(finished, ofType(events, 'error')[0]?.message).toBeDefined();

    const dir = mkdtempSync(join(tmpdir(), 'convas-onnx-'));
    await host.handle({ type: 'export', runId: 'r', dir });
    const [exported] = ofType(events, 'exported');
    expect(exported?.files).toContain(join(dir, 'model.onnx'));

    // The same test images the engine scored, scaled as it feeds them (pixels / 255, the lecture's 'unit').
    const { test } = await loadDataset({ dataset: 'sample' });
    const pixels = Float32Array.from(test.images, (v) => v / 255);
    const shape = [test.count, 28, 28, 1];
    const session = await onnxSession(new Uint8Array(await readFile(join(dir, 'model.onnx'))));
    const onnxPredicted = argmax(await runSession(session, pixels, shape), 10);
    await session.release();
    const model = await loadModel(join(dir, 'model.json'));
    const tfjsPredicted = argmax(
      tf.tidy(() => (model.predict(tf.tensor4d(pixels, shape as [number, number, number, number])) as tf.Tensor).dataSync()),
      10,
    );
    model.dispose();

    const correct = (predicted: number[]) => predicted.filter((p, i) => p === test.labels[i]).length;
    expect(test.count).toBe(finished!.testCount);
    expect(correct(onnxPredicted)).toBe(Math.round(finished!.testAccuracy * finished!.testCount));
    expect(correct(onnxPredicted)).toBe(correct(tfjsPredicted));
    // Better than chance, so equal counts are not two ways of guessing.
    expect(correct(onnxPredicted)).toBeGreaterThan(test.count / 2);
  });

  it('answers export-design with the ONNX bytes of the initial weights training would start from', async () => {
    const { host, events } = newHost();
    const graph = templateGraph('small-resnet');
    await host.handle({ type: 'export-design', requestId: 'd1', graph, seed: 7, format: 'onnx' });
    const [answer] = ofType(events, 'design-exported');
    expect(answer).toMatchObject({ requestId: 'd1', files: [] });
    expect(answer!.contents?.map((c) => c.name)).toEqual(['model.onnx']);
    const network = toNetwork(graph);
    if (!network.ok) throw new Error('invalid template');
    const model = compileModel(network.model, 7);
    const x = tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 4);
    const want = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    const got = await runOnnx(answer!.contents![0]!.data, x.dataSync() as Float32Array, [2, 28, 28, 1]);
    model.dispose();
    for (let i = 0; i < want.length; i++) expect(Math.abs(want[i]! - got.data[i]!)).toBeLessThanOrEqual(1e-4);
  });

  it('writes into a folder inside its root, and refuses one outside it, an invalid graph and a layer ONNX cannot hold exactly', async () => {
    const root = mkdtempSync(join(tmpdir(), 'convas-onnx-root-'));
    const { host, events } = newHost({ exportRoot: root });
    const graph = templateGraph('lecture-cnn');
    await host.handle({ type: 'export-design', requestId: 'in', graph, seed: 1, format: 'onnx', dir: join(root, 'out') });
    expect(ofType(events, 'design-exported')).toEqual([
      { type: 'design-exported', requestId: 'in', files: [join(root, 'out', 'model.onnx')] },
    ]);
    expect((await readFile(join(root, 'out', 'model.onnx'))).byteLength).toBeGreaterThan(197210 * 4);

    await host.handle({ type: 'export-design', requestId: 'out', graph, seed: 1, format: 'onnx', dir: '/etc' });
    await host.handle({ type: 'export-design', requestId: 'bad', graph: { nodes: [], edges: [] }, seed: 1, format: 'onnx' });
    const relu = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [8, 8, 1] } },
      { kind: 'Flatten', params: {} },
      { kind: 'ReLU', name: 'capped_slope', params: { max_value: 6, negative_slope: 0.1 } },
    ]);
    await host.handle({ type: 'export-design', requestId: 'relu', graph: relu, seed: 1, format: 'onnx' });
    const errors = ofType(events, 'error');
    expect(errors.map((e) => [e.requestId, e.reason])).toEqual([
      ['out', { code: 'export-outside-root', values: { dir: '/etc' } }],
      ['bad', { code: 'graph-issues', values: { count: 1 } }],
      ['relu', { code: 'onnx-relu-settings', values: { layer: 'capped_slope' } }],
    ]);
  });
});
