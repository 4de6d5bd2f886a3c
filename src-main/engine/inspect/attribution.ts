import * as tf from '@tensorflow/tfjs';
import type { TensorView } from '../../../src-shared/engine/protocol';
import type { Normalization } from '../../../src-shared/training/normalization';
import { normalizeBatch } from '../training/normalize';
import { view } from './feature-maps';

/** Why the network decided as it did for one input: where it looked (Grad-CAM) and which pixels mattered (saliency). */
export interface Attribution {
  /** The convolution Grad-CAM was taken at; absent when the network has none. */
  readonly layer?: string;
  readonly classIndex: number;
  readonly predicted: number;
  readonly prediction: number[];
  /** The image in 0–1, as it is shown. */
  readonly input: TensorView;
  /** H×W in 0–1 (the input's height and width): ReLU(Σ_k α_k A_k), bilinearly upsampled; absent without a convolution. */
  readonly gradCam?: TensorView;
  /** H×W in 0–1: |∂score/∂input|, the largest over channels, divided by its maximum. */
  readonly saliency: TensorView;
  /** The convolutions Grad-CAM can be taken at, in the model's layer order. */
  readonly convLayers: string[];
  /** What was differentiated: the pre-softmax logit, or the output itself when the model gives no softmax to undo. */
  readonly score: 'logit' | 'output';
}

/** What the caller may choose: the convolution (the last one by default) and the class (the predicted one by default). */
export interface AttributionRequest {
  readonly layer?: string;
  readonly classIndex?: number;
}

/** A request that names something the model does not have, as the protocol's reason. */
export class AttributionRequestError extends Error {
  constructor(
    readonly reason:
      | { readonly code: 'unknown-conv-layer'; readonly values: { readonly layer: string } }
      | { readonly code: 'unknown-class'; readonly values: { readonly index: number; readonly count: number } },
  ) {
    super(
      reason.code === 'unknown-conv-layer'
        ? `${reason.values.layer} is not a convolution of this network`
        : `There is no class ${reason.values.index}; the network has ${reason.values.count}`,
    );
  }
}

/** Layer classes whose output is a feature map of channels a Grad-CAM can weigh. */
const CONVOLUTIONS = new Set(['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D', 'Conv2DTranspose']);

function computingLayers(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.filter((l) => l.getClassName() !== 'InputLayer');
}

/** The names of the convolutions of a model, in its layer order (topological for a functional one). */
export function convolutionLayers(model: tf.LayersModel): string[] {
  return computingLayers(model)
    .filter((l) => CONVOLUTIONS.has(l.getClassName()))
    .map((l) => l.name);
}

function inboundOf(layer: tf.layers.Layer): string[] {
  return layer.inboundNodes[0]?.inboundLayers.map((l) => l.name) ?? [];
}

function outputLayerOf(model: tf.LayersModel): tf.layers.Layer {
  // A Sequential model loaded from model.json lists no outputLayers, only its output tensor.
  const layer = model.outputLayers[0] ?? model.outputs[0]?.sourceLayer;
  if (!layer) throw new Error('The model has no output layer');
  return layer as tf.layers.Layer;
}

/** One layer of the walk: the layer and the names of the layers whose outputs it takes, in port order. */
interface Step {
  readonly layer: tf.layers.Layer;
  readonly inbound: readonly string[];
}

/** The model as steps in its layer order (Keras's, topological), with the name its input goes by. */
function stepsOf(model: tf.LayersModel): { input: string; steps: Step[] } {
  const input = model.inputs[0]?.sourceLayer.name;
  if (input === undefined) throw new Error('The model has no input');
  return { input, steps: computingLayers(model).map((layer) => ({ layer, inbound: inboundOf(layer) })) };
}

function softmaxLayer(layer: tf.layers.Layer): boolean {
  const kind = layer.getClassName();
  if (kind === 'Softmax') return true;
  return (kind === 'Activation' || kind === 'Dense') && layer.getConfig()['activation'] === 'softmax';
}

/** What a forward pass gives: every layer's output by name, and the class scores differentiated. */
interface Forward {
  readonly outputs: Map<string, tf.Tensor>;
  /** [1, classes]: logits when the output's softmax could be undone, else the output. */
  readonly scores: tf.Tensor;
  readonly output: tf.Tensor;
}

/**
 * Runs the model eagerly layer by layer (inference mode), so any layer's output can be replaced by
 * a tensor of our own and differentiated against: `substitute` stands in for that layer's output.
 */
function forward(model: tf.LayersModel, x: tf.Tensor, substitute?: { layer: string; value: tf.Tensor }): Forward {
  const { input, steps } = stepsOf(model);
  const outputs = new Map<string, tf.Tensor>([[input, x]]);
  const out = outputLayerOf(model);
  let scores: tf.Tensor | undefined;
  for (const { layer, inbound } of steps) {
    const args = inbound.map((n) => {
      const t = outputs.get(n);
      if (!t) throw new Error(`${layer.name} takes ${n}, which has not been computed`);
      return t;
    });
    const value = substitute?.layer === layer.name ? substitute.value : (layer.apply(args.length === 1 ? args[0]! : args) as tf.Tensor);
    outputs.set(layer.name, value);
    if (layer === out) scores = logitsOf(layer, args);
  }
  const output = outputs.get(out.name)!;
  return { outputs, scores: scores ?? output, output };
}

/**
 * The output layer's pre-softmax values when it ends in a softmax we can undo: a Dense layer's
 * xW + b on a flat input, or a Softmax/Activation layer's own input. Grad-CAM's paper takes the
 * logit because a probability's gradient also pushes the other classes down, which muddies the map.
 */
function logitsOf(layer: tf.layers.Layer, args: readonly tf.Tensor[]): tf.Tensor | undefined {
  if (!softmaxLayer(layer) || args.length !== 1) return undefined;
  const x = args[0]!;
  if (layer.getClassName() !== 'Dense') return x;
  if (x.rank !== 2) return undefined;
  // Keras's order: kernel, then bias when the layer has one. These are the live variables: not disposed here.
  const [kernel, bias] = layer.getWeights();
  const z = tf.matMul(x, kernel!);
  return bias ? z.add(bias) : z;
}

/** Whether the scores `forward` gives are logits (the output's softmax undone) or the output itself. */
function scoreKind(model: tf.LayersModel): Attribution['score'] {
  const layer = outputLayerOf(model);
  const inputRank = layer.inboundNodes[0]?.inputTensors[0]?.shape.length;
  if (!softmaxLayer(layer) || layer.inboundNodes[0]?.inboundLayers.length !== 1) return 'output';
  return layer.getClassName() !== 'Dense' || inputRank === 2 ? 'logit' : 'output';
}

/** The class score the explanation is about: one entry of [1, classes] scores as a scalar. */
function classScore(scores: tf.Tensor, classIndex: number): tf.Scalar {
  // A slice, not a gather: gather's gradient needs a kernel the wasm backend lacks.
  return scores.reshape([-1]).slice([classIndex], [1]).sum() as tf.Scalar;
}

/**
 * The score of `classIndex` for a batch of one already-normalised input, with `substitute` standing
 * in for a layer's output (for differentiating against it). Exported for the gradient checks.
 */
export function scoreOf(
  model: tf.LayersModel,
  x: tf.Tensor,
  classIndex: number,
  substitute?: { layer: string; value: tf.Tensor },
): tf.Scalar {
  return classScore(forward(model, x, substitute).scores, classIndex);
}

/** ∂score/∂A for a layer's output A at input x, with A itself. Exported for the gradient checks. */
export function layerGradient(
  model: tf.LayersModel,
  x: tf.Tensor,
  layer: string,
  classIndex: number,
): { activation: tf.Tensor; gradient: tf.Tensor } {
  return tf.tidy(() => {
    const activation = forward(model, x).outputs.get(layer);
    if (!activation) throw new AttributionRequestError({ code: 'unknown-conv-layer', values: { layer } });
    const gradient = tf.grad((a: tf.Tensor) => scoreOf(model, x, classIndex, { layer, value: a }))(activation);
    return { activation, gradient };
  });
}

/** ∂score/∂input for a batch of one 0–1 input, through the model's normalisation. Exported for the gradient checks. */
export function inputGradient(model: tf.LayersModel, input: tf.Tensor, normalization: Normalization, classIndex: number): tf.Tensor {
  return tf.tidy(() => tf.grad((x: tf.Tensor) => scoreOf(model, normalizeBatch(x, normalization), classIndex))(input));
}

/** A [1, h, w, c] activation and its gradient to Grad-CAM's [height, width] map: ReLU(Σ_k mean(∂y/∂A_k)·A_k), upsampled, 0–1. */
export function gradCamMap(activation: tf.Tensor, gradient: tf.Tensor, height: number, width: number): tf.Tensor2D {
  return tf.tidy(() => {
    const weights = gradient.mean([1, 2], true);
    const cam = activation.mul(weights).sum(-1, true).relu() as tf.Tensor4D;
    // Half-pixel centres: a cell's value lands on the middle of the pixels it covers, so the peak is not shifted.
    const up = tf.image.resizeBilinear(cam, [height, width], false, true).reshape([height, width]) as tf.Tensor2D;
    return unitScaled(up);
  });
}

/** Divides by the maximum so the largest value is 1 (all zeros stay zeros). */
function unitScaled<T extends tf.Tensor>(t: T): T {
  return tf.tidy(() => {
    const max = t.max();
    return t.div(tf.maximum(max, 1e-12)) as T;
  });
}

/** The image's height and width: a picture's own, or the square a flat input of n values came from. */
function planeOf(shape: readonly number[]): [number, number] {
  if (shape.length === 3) return [shape[0]!, shape[1]!];
  const side = Math.round(Math.sqrt(shape[0] ?? 0));
  if (shape.length === 1 && side * side === shape[0]) return [side, side];
  return [1, shape.reduce((a, b) => a * b, 1)];
}

async function viewOf(t: tf.Tensor, shape: number[]): Promise<TensorView> {
  const data = new Float32Array(await t.data());
  t.dispose();
  return view(data, shape);
}

function argmax(values: readonly number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > values[best]!) best = i;
  });
  return best;
}

/**
 * Grad-CAM at a convolution and a gradient saliency map for one example (0–1 values in the
 * model's input layout), for the predicted class or the one asked, with the model normalised as it
 * was trained. Throws AttributionRequestError when the layer or class is not the model's.
 */
export async function attribute(
  model: tf.LayersModel,
  example: Float32Array,
  shape: readonly number[],
  normalization: Normalization = { kind: 'unit' },
  request: AttributionRequest = {},
): Promise<Attribution> {
  const convLayers = convolutionLayers(model);
  const layer = request.layer ?? convLayers[convLayers.length - 1];
  if (request.layer !== undefined && !convLayers.includes(request.layer))
    throw new AttributionRequestError({ code: 'unknown-conv-layer', values: { layer: request.layer } });
  const input = tf.tensor(example, [1, ...shape], 'float32');
  try {
    const prediction = tf.tidy(() => Array.from(forward(model, normalizeBatch(input, normalization)).output.dataSync()));
    const predicted = argmax(prediction);
    const classIndex = request.classIndex ?? predicted;
    if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= prediction.length)
      throw new AttributionRequestError({ code: 'unknown-class', values: { index: classIndex, count: prediction.length } });
    const [height, width] = planeOf(shape);
    const saliency = tf.tidy(() => {
      const g = inputGradient(model, input, normalization, classIndex).abs();
      // A picture's channels are its last axis; a flat input has one.
      const perPixel = shape.length === 3 ? g.max(-1) : g;
      return unitScaled(perPixel.reshape([height, width]));
    });
    let gradCam: TensorView | undefined;
    if (layer !== undefined) {
      const cam = tf.tidy(() => {
        const { activation, gradient } = layerGradient(model, normalizeBatch(input, normalization), layer, classIndex);
        return gradCamMap(activation, gradient, height, width);
      });
      gradCam = await viewOf(cam, [height, width]);
    }
    return {
      ...(layer !== undefined ? { layer } : {}),
      classIndex,
      predicted,
      prediction,
      input: view(new Float32Array(example), [...shape]),
      ...(gradCam ? { gradCam } : {}),
      saliency: await viewOf(saliency, [height, width]),
      convLayers,
      score: scoreKind(model),
    };
  } finally {
    input.dispose();
  }
}
