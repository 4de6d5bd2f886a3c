import type { Network } from '../graph/network';
import type { Shape } from '../layers/types';
import { formatShape } from '../layers/format';
import type { Coded } from '../i18n/coded';

/**
 * How dataset images become the model's input: 28×28 grayscale IDX images are padded and
 * channel-repeated ('image') or flattened ('flat'); pictures (a folder of images, CIFAR-10) are
 * decoded straight to the Input's height × width × channels ('resized').
 */
export type InputAdapter =
  | {
      readonly kind: 'image';
      readonly height: number;
      readonly width: number;
      readonly channels: number;
      readonly padTop: number;
      readonly padLeft: number;
    }
  | { readonly kind: 'flat' }
  | {
      readonly kind: 'resized';
      readonly height: number;
      readonly width: number;
      /** 1 (grayscale) or 3 (RGB). */
      readonly channels: 1 | 3;
      /** The Input's shape: [h, w] or [h, w, channels]. */
      readonly shape: readonly number[];
    };

/**
 * What a dataset offers a model: IDX files hold `side`×`side` grayscale images as they are;
 * pictures are resized to any Input of height × width × 1 or 3. `classes` is null while a folder
 * has not been read yet (only the input and the layers are checked then).
 */
export type DatasetSpec =
  | { readonly kind: 'fixed'; readonly side: number; readonly classes: number }
  | { readonly kind: 'resized'; readonly classes: number | null };

/** The IDX datasets: 28×28 grayscale, 10 classes. */
export const IDX_SPEC: DatasetSpec = Object.freeze({ kind: 'fixed', side: 28, classes: 10 });

/** The values of each reason a valid model cannot train here; `node` is the layer at fault. */
export type PlanProblemValues = {
  readonly 'flat-input-size': { readonly node: string; readonly image: number; readonly need: number; readonly given: number };
  readonly 'image-size': { readonly node: string; readonly image: number; readonly h: number; readonly w: number };
  readonly 'image-input': { readonly node: string; readonly shape: string };
  readonly 'dilated-conv': { readonly node: string };
  readonly 'bn-center-scale': { readonly node: string };
  readonly 'wrong-output': { readonly node: string; readonly classes: number; readonly shape: string };
  readonly 'output-not-vector': { readonly node: string; readonly shape: string };
  readonly 'relu-options': { readonly node: string };
  readonly 'softmax-axis': { readonly node: string };
  readonly 'transposed-output-padding': { readonly node: string };
};

/** Why a valid model cannot train on the dataset, as a code with its values (worded by planText). */
export type PlanProblem = Coded<PlanProblemValues>;
export type PlanProblemCode = PlanProblem['code'];

/** What the model needs for training on a dataset, or why it cannot train. */
export type TrainingPlan =
  | { readonly ok: true; readonly adapter: InputAdapter; readonly outputIsProbability: boolean }
  | { readonly ok: false; readonly problem: PlanProblem };

/** What the network outputs: its last layer's shape (Keras's order ends with the output, on any branch). */
function outputShape(model: Network): Shape {
  return model.layers[model.layers.length - 1]?.outputShape ?? model.input.shape;
}

/**
 * True for the ReLU settings TensorFlow.js has an exact trainable layer for: ReLU with maxValue, or
 * LeakyReLU (negative_slope without max_value). Its ThresholdedReLU has no gradient (tf.greater has
 * none), and no layer combines a cap with a slope; a custom layer would make the exported model.json
 * unreadable by any TensorFlow.js without Convas's class, so those settings train in Keras only.
 */
export function reluTrainsInTfjs(p: { max_value: number | null; negative_slope: number; threshold: number }): boolean {
  return p.threshold === 0 && (p.negative_slope === 0 || p.max_value === null);
}

/** Convolutions whose dilation TensorFlow.js cannot train (its gradients of conv2d and depthwiseConv2d refuse dilation > 1). */
const DILATED_CONVOLUTIONS: ReadonlySet<string> = new Set(['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D', 'Conv2DTranspose']);

/**
 * Layer settings TensorFlow.js 4 cannot train although Keras can: its convolution gradients reject
 * dilation (and its DepthwiseConv2D and Conv2DTranspose layers ignore it even forwards), its
 * BatchNormalization fails in training without gamma or beta, its Conv2DTranspose has no
 * output_padding, its softmax works only over the last axis, and some ReLU settings have no layer
 * (reluTrainsInTfjs).
 */
function unsupportedForTraining(model: Network): PlanProblem | undefined {
  for (const layer of model.layers) {
    const p = (layer.params ?? {}) as {
      dilation_rate?: readonly number[];
      center?: boolean;
      scale?: boolean;
      axis?: number;
      max_value?: number | null;
      negative_slope?: number;
      threshold?: number;
      output_padding?: readonly number[] | null;
    };
    if (DILATED_CONVOLUTIONS.has(layer.kind) && p.dilation_rate && p.dilation_rate.some((d) => d > 1)) {
      return { code: 'dilated-conv', values: { node: layer.name } };
    }
    if (layer.kind === 'BatchNormalization' && (p.center === false || p.scale === false)) {
      return { code: 'bn-center-scale', values: { node: layer.name } };
    }
    if (
      layer.kind === 'ReLU' &&
      !reluTrainsInTfjs({ max_value: p.max_value ?? null, negative_slope: p.negative_slope ?? 0, threshold: p.threshold ?? 0 })
    ) {
      return { code: 'relu-options', values: { node: layer.name } };
    }
    const axis = p.axis ?? -1;
    const shape = layer.inputShapes[0];
    if (layer.kind === 'Softmax' && shape && axis !== -1 && axis !== shape.length) {
      return { code: 'softmax-axis', values: { node: layer.name } };
    }
    if (layer.kind === 'Conv2DTranspose' && p.output_padding) {
      return { code: 'transposed-output-padding', values: { node: layer.name } };
    }
  }
  return undefined;
}

function fixedAdapter(model: Network, image: number): InputAdapter | PlanProblem {
  const input = model.input.shape;
  if (input.length === 1) {
    if (input[0] !== image * image) {
      const given = input[0] ?? 0;
      return { code: 'flat-input-size', values: { node: model.input.name, image, need: image * image, given } };
    }
    return { kind: 'flat' };
  }
  const [h, w] = input as [number, number];
  const c = input.length === 3 ? input[2]! : 1;
  if (h < image || w < image || (h - image) % 2 !== 0 || (w - image) % 2 !== 0) {
    return { code: 'image-size', values: { node: model.input.name, image, h, w } };
  }
  return { kind: 'image', height: h, width: w, channels: c, padTop: (h - image) / 2, padLeft: (w - image) / 2 };
}

// Pictures are resized to the Input, so any height × width works; the channels must be a colour model sharp decodes to.
function resizedAdapter(model: Network): InputAdapter | PlanProblem {
  const input = model.input.shape;
  const c = input.length === 3 ? input[2] : input.length === 2 ? 1 : undefined;
  if (c !== 1 && c !== 3) return { code: 'image-input', values: { node: model.input.name, shape: formatShape(input) } };
  return { kind: 'resized', height: input[0]!, width: input[1]!, channels: c, shape: [...input] };
}

/** Checks that a valid model can train on a dataset (28×28 grayscale IDX with 10 classes by default), and how to feed it. */
export function planTraining(model: Network, dataset: DatasetSpec = IDX_SPEC): TrainingPlan {
  const adapter = dataset.kind === 'fixed' ? fixedAdapter(model, dataset.side) : resizedAdapter(model);
  if ('code' in adapter) return { ok: false, problem: adapter };
  const unsupported = unsupportedForTraining(model);
  if (unsupported) return { ok: false, problem: unsupported };
  const out = outputShape(model);
  const last = model.layers[model.layers.length - 1];
  const { classes } = dataset;
  const name = last?.name ?? model.input.name;
  // Before a folder is read its class count is unknown: the output is then judged as a vector only.
  if (classes === null && out.length !== 1) {
    return { ok: false, problem: { code: 'output-not-vector', values: { node: name, shape: formatShape(out) } } };
  }
  if (classes !== null && (out.length !== 1 || out[0] !== classes)) {
    return { ok: false, problem: { code: 'wrong-output', values: { node: name, classes, shape: formatShape(out) } } };
  }
  const activation =
    last && typeof last.params === 'object' && last.params !== null ? (last.params as { activation?: unknown }).activation : undefined;
  return { ok: true, adapter, outputIsProbability: activation === 'softmax' || last?.kind === 'Softmax' };
}
