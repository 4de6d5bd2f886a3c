import * as tf from '@tensorflow/tfjs';
import type { TensorView } from '../../../src-shared/engine/protocol';

/** What the network sees and does for one input: every spatial layer's maps and the Conv2D kernels. */
export interface Inspection {
  readonly input: TensorView;
  readonly prediction: number[];
  readonly featureMaps: { layer: string; kind: string; map: TensorView }[];
  readonly kernels: { layer: string; kernel: TensorView; bias?: TensorView }[];
}

function view(data: Float32Array<ArrayBuffer>, shape: number[]): TensorView {
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { shape, data, min: data.length ? min : 0, max: data.length ? max : 0 };
}

const probes = new WeakMap<tf.LayersModel, tf.LayersModel>();

/** The layers that compute something: a functional model also lists its InputLayer, a Sequential one does not. */
function computingLayers(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.filter((l) => l.getClassName() !== 'InputLayer');
}

/** A model that outputs every layer's activation; built once per model. */
function probeOf(model: tf.LayersModel): tf.LayersModel {
  let probe = probes.get(model);
  if (!probe) {
    probe = tf.model({ inputs: model.inputs, outputs: computingLayers(model).map((l) => l.output as tf.SymbolicTensor) });
    probes.set(model, probe);
  }
  return probe;
}

/** Runs one example (already in the model's input layout) through the model and collects maps and kernels. */
export async function inspectModel(model: tf.LayersModel, example: Float32Array, shape: readonly number[]): Promise<Inspection> {
  const outputs = tf.tidy(() => {
    const x = tf.tensor(example, [1, ...shape], 'float32');
    const out = probeOf(model).predict(x);
    return Array.isArray(out) ? out : [out];
  });
  const featureMaps: Inspection['featureMaps'] = [];
  let prediction: number[] = [];
  const layers = computingLayers(model);
  // In a functional model the output layer need not come last in the layer list.
  const outputLayer = model.outputLayers[0]?.name;
  for (const [i, t] of outputs.entries()) {
    const layer = layers[i]!;
    const data = (await t.data()) as Float32Array;
    if (t.rank === 4)
      featureMaps.push({ layer: layer.name, kind: layer.getClassName(), map: view(new Float32Array(data), t.shape.slice(1)) });
    if (layer.name === outputLayer) prediction = Array.from(data);
  }
  tf.dispose(outputs);
  const kernels: Inspection['kernels'] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'Conv2D') continue;
    const [w, b] = layer.getWeights();
    if (!w) continue;
    const kernel = view(new Float32Array(await w.data()), w.shape);
    kernels.push({ layer: layer.name, kernel, ...(b ? { bias: view(new Float32Array(await b.data()), b.shape) } : {}) });
  }
  return { input: view(new Float32Array(example), [...shape]), prediction, featureMaps, kernels };
}
