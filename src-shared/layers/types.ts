import type { z } from 'zod';
import type { Coded, NoValues } from '../i18n/coded';
import type { ParamProblemCode } from './params';
import type { BoundsProblemValues } from '../graph/param-bounds';

/** A tensor shape without the batch dimension, e.g. [28, 28, 1]. */
export type Shape = readonly number[];

/** What a formula's caption says, by code; the dictionaries word it ("unchanged", "no weights"). */
export type CaptionValues = {
  readonly unchanged: NoValues;
  readonly 'last-axis': NoValues;
  readonly given: NoValues;
  readonly units: NoValues;
  readonly filters: NoValues;
  readonly channels: NoValues;
  readonly 'no-weights': NoValues;
  readonly 'no-macs': NoValues;
  readonly 'pool-max': NoValues;
  readonly 'pool-average': NoValues;
  readonly 'channel-average': { readonly h: number; readonly w: number };
  readonly 'channel-average-macs': NoValues;
  readonly 'no-gamma-beta': NoValues;
  readonly learned: { readonly names: string };
  readonly 'moving-stats': NoValues;
  readonly 'multiply-add': NoValues;
  // Merging layers (merges.ts): how each output dimension follows from the inputs, and what a merge computes.
  readonly 'merge-equal': NoValues;
  readonly 'merge-broadcast': NoValues;
  readonly 'concat-sum': NoValues;
  readonly 'merge-additions': { readonly n: number };
  readonly 'merge-comparisons': { readonly n: number };
  readonly 'merge-products': NoValues;
  readonly 'merge-average': { readonly n: number; readonly adds: number };
  readonly 'concat-copy': NoValues;
  readonly 'depth-multiplied': NoValues;
  readonly 'depthwise-pointwise': NoValues;
  readonly 'transposed-macs': NoValues;
  readonly 'padded-rows': NoValues;
  readonly 'padded-cols': NoValues;
  readonly 'cropped-rows': NoValues;
  readonly 'cropped-cols': NoValues;
  readonly 'upsample-copies': NoValues;
  readonly 'upsample-bilinear': NoValues;
  readonly 'channel-max': { readonly h: number; readonly w: number };
  readonly 'channel-max-macs': NoValues;
  readonly 'reshape-inferred': NoValues;
  readonly 'no-moving-stats': NoValues;
  readonly 'layer-norm-macs': NoValues;
};

/** A word or two beside a formula, as a code with its values. */
export type Caption = Coded<CaptionValues>;
export type CaptionCode = Caption['code'];

/** A number together with the formula that produced it, filled in with the real numbers. */
export interface Explained {
  readonly value: number;
  /** Pure arithmetic with the real numbers, no words: "ceil(28 / 1) = 28", "784·250 + 250 = 196,250". */
  readonly formula: string;
  /** What the formula means, when the arithmetic alone does not say it ("unchanged", "no weights"). */
  readonly caption?: Caption;
}

/** The output shape of a layer, one explained value per dimension. */
export interface ShapeInference {
  readonly shape: Shape;
  readonly dims: readonly Explained[];
}

/** Parameter counts of one layer, with the formula of each part. */
export interface ParamCount {
  readonly trainable: Explained;
  readonly nonTrainable: Explained;
}

/** Keras's grouping of layers, used by the palette. */
export type LayerGroup = 'Core' | 'Convolution' | 'Pooling' | 'Regularization' | 'Normalization' | 'Reshaping' | 'Merging' | 'Activation';

/** The values of each problem a layer kind finds with its input or its parameters. */
export type KindProblemValues = {
  readonly 'needs-image': { readonly kind: LayerKindId; readonly shape: string };
  readonly 'needs-dimension': { readonly kind: LayerKindId };
  readonly 'kernel-too-large': { readonly kh: number; readonly kw: number; readonly h: number; readonly w: number };
  readonly 'dilated-kernel-too-large': {
    readonly kh: number;
    readonly kw: number;
    readonly eh: number;
    readonly ew: number;
    readonly h: number;
    readonly w: number;
  };
  readonly 'pool-too-large': { readonly ph: number; readonly pw: number; readonly h: number; readonly w: number };
  readonly 'strides-with-dilation': NoValues;
  // Merging layers (merges.ts) and axis parameters (Concatenate, Softmax). `shapes` are all inputs but the
  // last, formatted and comma-separated; `last` is the last one, so each dictionary words the list ("… and …").
  readonly 'merge-needs-two': { readonly kind: LayerKindId; readonly n: number };
  readonly 'merge-rank': { readonly kind: LayerKindId; readonly shapes: string; readonly last: string };
  readonly 'merge-shapes': { readonly kind: LayerKindId; readonly shapes: string; readonly last: string };
  readonly 'merge-stride': { readonly kind: LayerKindId; readonly shapes: string; readonly last: string; readonly stride: number };
  readonly 'merge-stride-filters': {
    readonly kind: LayerKindId;
    readonly shapes: string;
    readonly last: string;
    readonly stride: number;
    readonly filters: number;
  };
  readonly 'merge-filters': {
    readonly kind: LayerKindId;
    readonly shapes: string;
    readonly last: string;
    readonly from: number;
    readonly filters: number;
  };
  readonly 'merge-units': {
    readonly kind: LayerKindId;
    readonly shapes: string;
    readonly last: string;
    readonly from: number;
    readonly units: number;
  };
  readonly 'concat-mismatch': {
    readonly axis: number;
    readonly shapes: string;
    readonly last: string;
    readonly dim: number;
    readonly a: number;
    readonly b: number;
  };
  readonly 'concat-stride': { readonly axis: number; readonly shapes: string; readonly last: string; readonly stride: number };
  readonly 'axis-range': { readonly kind: LayerKindId; readonly axis: number; readonly shape: string; readonly max: number };
  readonly 'batch-axis': { readonly kind: LayerKindId };
  readonly 'output-padding-too-large': { readonly ph: number; readonly pw: number; readonly sh: number; readonly sw: number };
  readonly 'transposed-output-empty': { readonly kh: number; readonly kw: number; readonly h: number; readonly w: number };
  readonly 'crop-too-large': {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly h: number;
    readonly w: number;
  };
  readonly 'reshape-count': { readonly from: string; readonly n: number; readonly to: string; readonly m: number };
  readonly 'reshape-not-divisible': { readonly from: string; readonly n: number; readonly to: string; readonly known: number };
  readonly 'axis-out-of-range': { readonly axis: number; readonly shape: string; readonly rank: number };
  readonly 'axis-repeated': { readonly axis: number; readonly shape: string };
};

/** The values of a value the parameter schema refused: the parameter, and the allowed options where it lists them. */
export type ParamProblemValues = {
  readonly [C in Exclude<ParamProblemCode, 'activation' | 'initializer'>]: { readonly param: string };
} & {
  readonly activation: { readonly param: string; readonly options: string };
  readonly initializer: { readonly param: string; readonly options: string };
};

/** Kind problems, schema refusals, and settings out of bounds (src-shared/graph/param-bounds.ts). */
export type ProblemValues = KindProblemValues & ParamProblemValues & BoundsProblemValues;
export type ProblemCode = keyof ProblemValues & string;

/** Why a layer cannot take its input or its parameters: a code (worded with what to do) and its values. */
export type LayerProblem = Coded<ProblemValues> & {
  /** The parameter at fault, when there is one (lets the inspector mark the field). */
  readonly param?: string;
};

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: LayerProblem };

/** Every parameter help text, as "Kind.param"; the layers dictionary words each in every language. */
export const PARAM_HELP = [
  'InputLayer.shape',
  'Conv2D.filters',
  'Conv2D.kernel_size',
  'Conv2D.strides',
  'Conv2D.padding',
  'Conv2D.dilation_rate',
  'Conv2D.activation',
  'Conv2D.use_bias',
  'Conv2D.kernel_initializer',
  'Conv2D.bias_initializer',
  'MaxPooling2D.pool_size',
  'MaxPooling2D.strides',
  'MaxPooling2D.padding',
  'AveragePooling2D.pool_size',
  'AveragePooling2D.strides',
  'AveragePooling2D.padding',
  'Activation.activation',
  'Dropout.rate',
  'Dense.units',
  'Dense.activation',
  'Dense.use_bias',
  'Dense.kernel_initializer',
  'Dense.bias_initializer',
  'BatchNormalization.momentum',
  'BatchNormalization.epsilon',
  'BatchNormalization.center',
  'BatchNormalization.scale',
  'ReLU.max_value',
  'ReLU.negative_slope',
  'ReLU.threshold',
  'LeakyReLU.negative_slope',
  'Softmax.axis',
  'Concatenate.axis',
  'DepthwiseConv2D.kernel_size',
  'DepthwiseConv2D.strides',
  'DepthwiseConv2D.padding',
  'DepthwiseConv2D.depth_multiplier',
  'DepthwiseConv2D.dilation_rate',
  'DepthwiseConv2D.activation',
  'DepthwiseConv2D.use_bias',
  'DepthwiseConv2D.depthwise_initializer',
  'DepthwiseConv2D.bias_initializer',
  'SeparableConv2D.filters',
  'SeparableConv2D.kernel_size',
  'SeparableConv2D.strides',
  'SeparableConv2D.padding',
  'SeparableConv2D.dilation_rate',
  'SeparableConv2D.depth_multiplier',
  'SeparableConv2D.activation',
  'SeparableConv2D.use_bias',
  'SeparableConv2D.depthwise_initializer',
  'SeparableConv2D.pointwise_initializer',
  'SeparableConv2D.bias_initializer',
  'Conv2DTranspose.filters',
  'Conv2DTranspose.kernel_size',
  'Conv2DTranspose.strides',
  'Conv2DTranspose.padding',
  'Conv2DTranspose.output_padding',
  'Conv2DTranspose.dilation_rate',
  'Conv2DTranspose.activation',
  'Conv2DTranspose.use_bias',
  'Conv2DTranspose.kernel_initializer',
  'Conv2DTranspose.bias_initializer',
  'ZeroPadding2D.padding',
  'Cropping2D.cropping',
  'UpSampling2D.size',
  'UpSampling2D.interpolation',
  'Reshape.target_shape',
  'LayerNormalization.axis',
  'LayerNormalization.epsilon',
  'LayerNormalization.center',
  'LayerNormalization.scale',
] as const;
export type HelpCode = (typeof PARAM_HELP)[number];

/** The parts of a node's one-line description ("10 × 3×3, same, relu"), each a code with its values. */
export type DescriptionValues = {
  readonly kernels: { readonly n: number; readonly kh: number; readonly kw: number };
  readonly stride: { readonly h: number; readonly w: number };
  readonly dilation: { readonly h: number; readonly w: number };
  /** A Keras value, shown as it is ('same', 'relu'). */
  readonly keras: { readonly value: string };
  readonly units: { readonly n: number };
  readonly window: { readonly h: number; readonly w: number };
  readonly rate: { readonly rate: string };
  readonly momentum: { readonly momentum: string };
  readonly shape: { readonly dims: string };
  readonly 'to-vector': NoValues;
  readonly 'mean-per-channel': NoValues;
  // Activation layers and merges.
  readonly 'relu-default': NoValues;
  readonly 'max-value': { readonly value: string };
  readonly 'negative-slope': { readonly value: string };
  readonly threshold: { readonly value: string };
  readonly axis: { readonly axis: number | string };
  readonly 'elementwise-sum': NoValues;
  readonly 'elementwise-product': NoValues;
  readonly 'elementwise-mean': NoValues;
  readonly 'elementwise-max': NoValues;
  readonly 'elementwise-min': NoValues;
  readonly depthwise: { readonly kh: number; readonly kw: number };
  readonly 'depth-multiplier': { readonly n: number };
  readonly 'output-padding': { readonly h: number; readonly w: number };
  readonly pad: { readonly sides: string };
  readonly crop: { readonly sides: string };
  readonly upsample: { readonly h: number; readonly w: number };
  readonly 'max-per-channel': NoValues;
  readonly 'reshape-to': { readonly dims: string };
};
export type DescriptionPart = Coded<DescriptionValues>;
export type DescriptionCode = DescriptionPart['code'];

/** Describes one editable parameter for forms and help text (TensorFlow Playground style: one table drives both). */
export interface ParamField {
  readonly name: string;
  /** 'sides': Keras's 1, (h, w) or ((top, bottom), (left, right)) of ZeroPadding2D and Cropping2D. */
  readonly kind: 'int' | 'number' | 'pair' | 'enum' | 'bool' | 'shape' | 'sides';
  /** Its help text, worded by the layers dictionary. */
  readonly help: HelpCode;
  readonly options?: readonly string[];
  /** Pairs that Keras also accepts as a single number (kernel_size=3). */
  readonly nullable?: boolean;
}

/** What every layer kind has, whether it takes one input or merges several. */
interface KindCommon<P> {
  /** The Keras class name; also the kind's id in project files. */
  readonly kind: LayerKindId;
  readonly group: LayerGroup;
  /** Prefix of auto-generated names, as Keras does (conv2d, conv2d_1, …). */
  readonly namePrefix: string;
  /** Validates and fills defaults; rejects bad values with a ParamProblemCode as the zod message. */
  readonly schema: z.ZodType<P>;
  readonly fields: readonly ParamField[];
  /** Extra rules across parameters that the schema alone cannot say (e.g. strides with dilation). */
  check?(params: P): LayerProblem | undefined;
  /** A short line for the node as parts, worded e.g. "10 × 3×3, same, relu". */
  describe(params: P): readonly DescriptionPart[];
  /** The Keras 3 layer config (without name/trainable/dtype, which the exporter adds). */
  toKerasConfig(params: P): Record<string, unknown>;
  /** Reads a Keras layer config (Keras 3, tf.keras 2 or tfjs) into raw params. */
  fromKerasConfig(config: Record<string, unknown>): Record<string, unknown>;
  /** The Python `tensorflow.keras.layers` constructor call, e.g. "Conv2D(10, (3, 3), padding='same')". */
  toPython(params: P): string;
}

/**
 * One layer kind that takes one input: its Keras identity, parameter schema with Keras defaults,
 * and the pure arithmetic of shapes, parameters and costs. Every kind module exports one of these
 * (or a MergeKind).
 */
export interface LayerKind<P = unknown> extends KindCommon<P> {
  readonly merge?: false;
  /** Output shape for a given input shape, or why the input does not fit. */
  inferShape(input: Shape, params: P): Result<ShapeInference>;
  /** Trainable and non-trainable parameter counts. */
  countParams(input: Shape, output: Shape, params: P): ParamCount;
  /** Multiply-accumulates for one sample. */
  macs(input: Shape, output: Shape, params: P): Explained;
}

/** A layer kind that joins two or more inputs (Keras's Merging layers: Add, Concatenate, …); inputs in port order. */
export interface MergeKind<P = unknown> extends KindCommon<P> {
  readonly merge: true;
  /** Output shape for the inputs in order, or why they do not fit together. */
  inferShape(inputs: readonly Shape[], params: P): Result<ShapeInference>;
  countParams(inputs: readonly Shape[], output: Shape, params: P): ParamCount;
  macs(inputs: readonly Shape[], output: Shape, params: P): Explained;
}

/** Either kind of layer kind. */
export type SomeLayerKind<P = unknown> = LayerKind<P> | MergeKind<P>;

export const LAYER_KIND_IDS = [
  'InputLayer',
  'Conv2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'Activation',
  'Dropout',
  'Flatten',
  'Dense',
  'BatchNormalization',
  'GlobalAveragePooling2D',
  'ReLU',
  'LeakyReLU',
  'Softmax',
  'Add',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
  'Concatenate',
  'DepthwiseConv2D',
  'SeparableConv2D',
  'Conv2DTranspose',
  'ZeroPadding2D',
  'Cropping2D',
  'UpSampling2D',
  'GlobalMaxPooling2D',
  'Reshape',
  'LayerNormalization',
] as const;

export type LayerKindId = (typeof LAYER_KIND_IDS)[number];
