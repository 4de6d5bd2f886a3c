/**
 * Trained TensorFlow.js models opened from model.json + weights.bin: a Convas run's export and a
 * model TensorFlow.js built on its own predict exactly what they predicted before, functional
 * networks included; files that do not belong together are refused with a code naming what is wrong.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveModel } from '../../../../src-main/engine/export/artifacts';
import { compileModel } from '../../../../src-main/engine/model/compile';
import { OpenModelError, openTrainedModel, type TrainedModelFiles } from '../../../../src-main/engine/model/open-trained';
import { TrainingSession } from '../../../../src-main/engine/training/session';
import { rangeTensors } from '../../../../src-main/engine/training/examples';
import { graphFromLayers, toNetwork } from '../../../../src-shared/graph/network';
import type { OpenModelProblem } from '../../../../src-shared/training/open-model-problem';
import type { TrainedDataset } from '../../../../src-shared/training/trained-dataset';
import { RESIDUAL } from '../../../shared/support/functional-graphs';
import { lectureModel, sampleData, testSettings, useWasm } from '../training/harness';

/** model.json and weights.bin as saveModel writes them for `model`. */
async function filesOf(model: tf.LayersModel): Promise<{ modelJson: string; weightData: Uint8Array }> {
  const dir = mkdtempSync(join(tmpdir(), 'convas-open-'));
  const [modelPath, weightsPath] = await saveModel(model, dir);
  return { modelJson: readFileSync(modelPath!, 'utf8'), weightData: new Uint8Array(readFileSync(weightsPath!)) };
}

async function refusal(files: TrainedModelFiles): Promise<OpenModelProblem> {
  try {
    const opened = await openTrainedModel(files);
    opened.tfModel.dispose();
  } catch (e) {
    if (e instanceof OpenModelError) return e.problem;
    throw e;
  }
  throw new Error('the files were opened');
}

const FASHION: TrainedDataset = {
  format: 1,
  dataset: 'sample',
  classNames: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
  classNamesWorded: false,
  image: { height: 28, width: 28, channels: 1 },
  resize: 'fill',
  adapter: { kind: 'image', height: 28, width: 28, channels: 1, padTop: 0, padLeft: 0 },
  normalization: { kind: 'unit' },
  outputIsProbability: true,
};

describe('openTrainedModel (wasm)', () => {
  beforeAll(useWasm);

  it("opens a trained run's export: the same network, predicting exactly what the trained model predicts", async () => {
    const model = lectureModel();
    const { data, outputIsProbability } = await sampleData(model, 320);
    const session = new TrainingSession({
      runId: 'r',
      model,
      settings: testSettings(),
      data: { ...data, validation: null },
      outputIsProbability,
      emit: () => {},
    });
    await session.run();
    const files = await filesOf(session.model);

    const opened = await openTrainedModel({ ...files, trained: FASHION });
    expect(opened.description).toBe('given');
    expect(opened.trained).toEqual(FASHION);
    expect(opened.model.layers.map((l) => [l.name, l.kind])).toEqual(model.layers.map((l) => [l.name, l.kind]));
    expect(opened.graph.nodes.map((n) => n.name)).toEqual([model.input.name, ...model.layers.map((l) => l.name)]);
    const { x } = rangeTensors(data.test, 0, 200, 10);
    const before = Array.from(await (session.model.predict(x) as tf.Tensor).data());
    const after = Array.from(await (opened.tfModel.predict(x) as tf.Tensor).data());
    expect(after).toEqual(before);
    // A trained model is not its initial weights: the check above would pass for any two copies of one seed otherwise.
    const fresh = compileModel(model);
    expect(Array.from(await (fresh.predict(x) as tf.Tensor).data())).not.toEqual(before);
    fresh.dispose();
    opened.tfModel.dispose();
    session.dispose();
  });

  it('opens a functional network (a residual block) with its weights', async () => {
    const net = toNetwork(graphFromLayers(RESIDUAL));
    if (!net.ok) throw new Error('invalid');
    const original = compileModel(net.model, 7);
    const opened = await openTrainedModel(await filesOf(original));
    expect(opened.model.chain).toBe(false);
    expect(opened.graph.edges.filter((e) => e.port !== undefined)).toHaveLength(2);
    const x = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 3);
    expect(Array.from(await (opened.tfModel.predict(x) as tf.Tensor).data())).toEqual(
      Array.from(await (original.predict(x) as tf.Tensor).data()),
    );
    opened.tfModel.dispose();
    original.dispose();
  });

  it("opens a model TensorFlow.js built by itself (its own layer names), assuming Fashion-MNIST's classes for 10 from 28×28×1", async () => {
    const own = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 4, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    const opened = await openTrainedModel(await filesOf(own));
    expect(opened.description).toBe('assumed-fashion-mnist');
    expect(opened.trained).toMatchObject({ dataset: 'fashion-mnist', classNamesWorded: true, normalization: { kind: 'unit' } });
    expect(opened.trained.classNames[0]).toBe('T-shirt/top');
    const x = tf.randomUniform([3, 28, 28, 1], 0, 1, 'float32', 5);
    expect(Array.from(await (opened.tfModel.predict(x) as tf.Tensor).data())).toEqual(
      Array.from(await (own.predict(x) as tf.Tensor).data()),
    );
    opened.tfModel.dispose();
    own.dispose();
  });

  it('names the classes by number, and feeds pictures resized, for a model of unknown origin', async () => {
    const own = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [16, 12, 3] }), tf.layers.dense({ units: 4 })],
    });
    const opened = await openTrainedModel(await filesOf(own));
    expect(opened.description).toBe('unknown');
    expect(opened.trained).toMatchObject({
      dataset: 'images',
      classNames: ['0', '1', '2', '3'],
      classNamesWorded: false,
      image: { height: 16, width: 12, channels: 3 },
      adapter: { kind: 'resized', shape: [16, 12, 3] },
      outputIsProbability: false,
    });
    opened.tfModel.dispose();
    own.dispose();
  });

  describe('refuses files that do not belong together', () => {
    const small = () =>
      compileModel(
        (() => {
          const net = toNetwork(graphFromLayers(RESIDUAL));
          if (!net.ok) throw new Error('invalid');
          return net.model;
        })(),
      );
    let files: { modelJson: string; weightData: Uint8Array };
    beforeAll(async () => {
      const m = small();
      files = await filesOf(m);
      m.dispose();
    });
    const manifest = () =>
      JSON.parse(files.modelJson) as {
        format?: string;
        weightsManifest: { weights: { name: string; shape: number[]; dtype?: string }[] }[];
      };

    it('a weights file of another length, or none', async () => {
      expect(await refusal({ ...files, weightData: files.weightData.subarray(0, files.weightData.length - 4) })).toEqual({
        problem: 'weights-size',
        expected: String(files.weightData.length),
        given: String(files.weightData.length - 4),
      });
      expect(await refusal({ ...files, weightData: new Uint8Array(0) })).toEqual({ problem: 'no-weights' });
    });

    it('a manifest whose names or shapes are not the network’s', async () => {
      const renamed = manifest();
      renamed.weightsManifest[0]!.weights[0]!.name = 'elsewhere/kernel';
      expect(await refusal({ ...files, modelJson: JSON.stringify(renamed) })).toEqual({
        problem: 'weight-missing',
        weight: 'conv2d/kernel',
      });

      const reshaped = manifest();
      reshaped.weightsManifest[0]!.weights[0]!.shape = [3, 3, 1, 8];
      expect(await refusal({ ...files, modelJson: JSON.stringify(reshaped) })).toEqual({
        problem: 'weight-shape',
        weight: 'conv2d/kernel',
        expected: '[3, 3, 1, 16]',
        given: '[3, 3, 1, 8]',
      });

      const extra = manifest();
      extra.weightsManifest[0]!.weights.push({ name: 'ghost/bias', shape: [1], dtype: 'float32' });
      expect(await refusal({ ...files, modelJson: JSON.stringify(extra) })).toEqual({ problem: 'weight-unexpected', weight: 'ghost/bias' });
    });

    it('weights of another network of the same kind', async () => {
      const other = await filesOf(lectureModelCompiled());
      expect(await refusal({ modelJson: files.modelJson, weightData: other.weightData })).toMatchObject({ problem: 'weights-size' });
    });

    it('a file that is not a TensorFlow.js layers model', async () => {
      expect(await refusal({ ...files, modelJson: '{"modelTopology": ' })).toEqual({ problem: 'not-json' });
      const graphModel = { ...manifest(), format: 'graph-model' };
      expect(await refusal({ ...files, modelJson: JSON.stringify(graphModel) })).toEqual({ problem: 'not-layers-model' });
      const keras = (JSON.parse(files.modelJson) as { modelTopology: unknown }).modelTopology;
      expect(await refusal({ ...files, modelJson: JSON.stringify(keras) })).toEqual({ problem: 'not-layers-model' });
    });

    it('a convas-dataset.json of another model', async () => {
      expect(await refusal({ ...files, trained: { ...FASHION, classNames: ['a', 'b'] } })).toEqual({
        problem: 'dataset-mismatch',
        expected: '2',
        given: '10',
      });
      expect(await refusal({ ...files, trained: { ...FASHION, adapter: { kind: 'flat' } } })).toEqual({
        problem: 'dataset-input',
        expected: '(None, 784)',
        given: '(None, 28, 28, 1)',
      });
    });
  });
});

function lectureModelCompiled(): tf.LayersModel {
  return compileModel(lectureModel());
}
