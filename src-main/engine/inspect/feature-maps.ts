import * as tf from '@tensorflow/tfjs';
import type { KernelRole, TensorView } from '../../../src-shared/engine/protocol';
import type { Normalization } from '../../../src-shared/training/normalization';
import { normalizeBatch } from '../training/normalize';

/** One learned weight tensor of a convolution, with the part it plays in the layer. */
export interface KernelEntry {
  readonly layer: string;
  /** The layer's class: Conv2D, DepthwiseConv2D, SeparableConv2D, Conv2DTranspose. */
  readonly kind: string;
  readonly role: KernelRole;
  readonly kernel: TensorView;
  readonly bias?: TensorView;
}

/** What the network sees and does for one input: every spatial layer's maps and every convolution's kernels. */
export interface Inspection {
  readonly input: TensorView;
  /** The name of the model's InputLayer, so a map's `inbound` can point at the input. */
  readonly inputLayer: string;
  /** What the first layer received, when the model was trained on standardised inputs. */
  readonly normalizedInput?: TensorView;
  readonly prediction: number[];
  /** In the model's layer order (Keras's), each with the names of the layers it takes its input from, in port order. */
  readonly featureMaps: { layer: string; kind: string; map: TensorView; inbound: string[] }[];
  readonly kernels: KernelEntry[];
}

/** A tensor's values with its shape and value range, as the protocol carries it. */
export function view(data: Float32Array<ArrayBuffer>, shape: number[]): TensorView {
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

/** The names of the layers feeding `layer`, in the order it takes them (a merge's ports). */
function inboundOf(layer: tf.layers.Layer): string[] {
  return layer.inboundNodes[0]?.inboundLayers.map((l) => l.name) ?? [];
}

/**
 * Which weight of a convolution plays which part, by the layer's class. TensorFlow.js builds them
 * in Keras's order: kernels first (a separable one's depthwise before its pointwise), the bias last.
 * Shapes: conv [kh, kw, cin, f]; depthwise [kh, kw, cin, dm]; pointwise [1, 1, cin·dm, f];
 * transpose [kh, kw, f, cin] (output channels before input ones).
 */
const ROLES: Readonly<Record<string, readonly KernelRole[]>> = {
  Conv2D: ['conv'],
  DepthwiseConv2D: ['depthwise'],
  SeparableConv2D: ['depthwise', 'pointwise'],
  Conv2DTranspose: ['transpose'],
};

async function kernelsOf(layer: tf.layers.Layer): Promise<KernelEntry[]> {
  const roles = ROLES[layer.getClassName()];
  if (!roles) return [];
  const weights = layer.getWeights();
  const kernels = weights.filter((w) => w.rank === 4);
  const bias = weights.find((w) => w.rank === 1);
  if (kernels.length !== roles.length) return [];
  const entries: KernelEntry[] = [];
  for (const [i, role] of roles.entries()) {
    const w = kernels[i]!;
    // The bias is added after the last kernel: per output channel of the depthwise step or of the pointwise one.
    const b = bias && i === roles.length - 1 ? { bias: view(new Float32Array(await bias.data()), bias.shape) } : {};
    entries.push({ layer: layer.name, kind: layer.getClassName(), role, kernel: view(new Float32Array(await w.data()), w.shape), ...b });
  }
  return entries;
}

/**
 * Runs one example (0–1 values in the model's input layout) through the model, normalised as the
 * model was trained, and collects maps and kernels.
 */
export async function inspectModel(
  model: tf.LayersModel,
  example: Float32Array,
  shape: readonly number[],
  normalization: Normalization = { kind: 'unit' },
): Promise<Inspection> {
  const normalized = tf.tidy(() => normalizeBatch(tf.tensor(example, [1, ...shape], 'float32'), normalization));
  const outputs = tf.tidy(() => {
    const out = probeOf(model).predict(normalized);
    return Array.isArray(out) ? out : [out];
  });
  const normalizedInput = normalization.kind === 'unit' ? undefined : view(new Float32Array(await normalized.data()), [...shape]);
  normalized.dispose();
  const featureMaps: Inspection['featureMaps'] = [];
  let prediction: number[] = [];
  const layers = computingLayers(model);
  // In a functional model the output layer need not come last in the layer list; a Sequential
  // model loaded from model.json lists no outputLayers, only its output tensor.
  const outputLayer = (model.outputLayers[0] ?? model.outputs[0]?.sourceLayer)?.name;
  for (const [i, t] of outputs.entries()) {
    const layer = layers[i]!;
    const data = (await t.data()) as Float32Array;
    if (t.rank === 4)
      featureMaps.push({
        layer: layer.name,
        kind: layer.getClassName(),
        map: view(new Float32Array(data), t.shape.slice(1)),
        inbound: inboundOf(layer),
      });
    if (layer.name === outputLayer) prediction = Array.from(data);
  }
  tf.dispose(outputs);
  const kernels: KernelEntry[] = [];
  for (const layer of layers) kernels.push(...(await kernelsOf(layer)));
  const inputLayer = model.inputLayers[0]?.name ?? '';
  return {
    input: view(new Float32Array(example), [...shape]),
    inputLayer,
    ...(normalizedInput ? { normalizedInput } : {}),
    prediction,
    featureMaps,
    kernels,
  };
}
