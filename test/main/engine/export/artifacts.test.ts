import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, saveModel } from '../../../../src-main/engine/export/artifacts';

let dir: string | undefined;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A separable convolution with two depthwise kernels per channel, then a dense head. */
function separableModel(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.separableConv2d({ name: 'sep', batchInputShape: [null, 8, 8, 3], filters: 4, kernelSize: 3, depthMultiplier: 2 }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 2 }));
  return m;
}

describe('saveModel and loadModel', () => {
  it("keep a SeparableConv2D's depth_multiplier, which TensorFlow.js's own serialization leaves out", async () => {
    dir = await mkdtemp(join(tmpdir(), 'convas-artifacts-'));
    const model = separableModel();
    const [modelPath] = await saveModel(model, dir);
    const json = JSON.parse(await readFile(modelPath!, 'utf8')) as {
      modelTopology: { config: { layers: { config: Record<string, unknown> }[] } };
    };
    expect(json.modelTopology.config.layers[0]!.config['depth_multiplier']).toBe(2);
    const loaded = await loadModel(modelPath!);
    expect(loaded.countParams()).toBe(model.countParams());
    const x = tf.randomNormal([1, 8, 8, 3], 0, 1, 'float32', 1);
    expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
    loaded.dispose();
    model.dispose();
  });
});
