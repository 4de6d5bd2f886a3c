import type { z } from 'zod';

/** A tensor shape without the batch dimension, e.g. [28, 28, 1]. */
export type Shape = readonly number[];

/** A number together with the formula that produced it, filled in with the real numbers. */
export interface Explained {
  readonly value: number;
  /** e.g. "ceil(28 / 1) = 28" or "3·3·1·10 + 10 = 100". */
  readonly formula: string;
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
export type LayerGroup = 'Core' | 'Convolution' | 'Pooling' | 'Regularization' | 'Normalization' | 'Reshaping';

/** Why a layer cannot take its input or its parameters; a sentence that says what to do. */
export interface LayerProblem {
  readonly message: string;
  /** The parameter at fault, when there is one (lets the inspector mark the field). */
  readonly param?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: LayerProblem };

/** Describes one editable parameter for forms and help text (TensorFlow Playground style: one table drives both). */
export interface ParamField {
  readonly name: string;
  readonly kind: 'int' | 'number' | 'pair' | 'enum' | 'bool' | 'shape';
  readonly help: string;
  readonly options?: readonly string[];
  /** Pairs that Keras also accepts as a single number (kernel_size=3). */
  readonly nullable?: boolean;
}

/**
 * One layer kind: its Keras identity, parameter schema with Keras defaults, and the pure
 * arithmetic of shapes, parameters and costs. Every kind module exports one of these.
 */
export interface LayerKind<P = unknown> {
  /** The Keras class name; also the kind's id in project files. */
  readonly kind: LayerKindId;
  readonly group: LayerGroup;
  /** Prefix of auto-generated names, as Keras does (conv2d, conv2d_1, …). */
  readonly namePrefix: string;
  /** Validates and fills defaults; rejects bad values with a message naming the parameter. */
  readonly schema: z.ZodType<P>;
  readonly fields: readonly ParamField[];
  /** Extra rules across parameters that the schema alone cannot say (e.g. strides with dilation). */
  check?(params: P): LayerProblem | undefined;
  /** Output shape for a given input shape, or why the input does not fit. */
  inferShape(input: Shape, params: P): Result<ShapeInference>;
  /** Trainable and non-trainable parameter counts. */
  countParams(input: Shape, output: Shape, params: P): ParamCount;
  /** Multiply-accumulates for one sample. */
  macs(input: Shape, output: Shape, params: P): Explained;
  /** A short line for the node, e.g. "10 × 3×3, same, relu". */
  describe(params: P): string;
  /** The Keras 3 layer config (without name/trainable/dtype, which the exporter adds). */
  toKerasConfig(params: P): Record<string, unknown>;
  /** Reads a Keras layer config (Keras 3, tf.keras 2 or tfjs) into raw params. */
  fromKerasConfig(config: Record<string, unknown>): Record<string, unknown>;
  /** The Python `tensorflow.keras.layers` constructor call, e.g. "Conv2D(10, (3, 3), padding='same')". */
  toPython(params: P): string;
}

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
] as const;

export type LayerKindId = (typeof LAYER_KIND_IDS)[number];
