import { z } from 'zod';

/**
 * Why the parameter schema refuses a value. Each schema's zod message is one of these codes (not
 * a sentence); validation turns it back into a code with its values, and the dictionaries word it.
 */
export const PARAM_PROBLEMS = [
  'not-number',
  'not-whole',
  'below-one',
  'dim-not-number',
  'dim-not-whole',
  'dim-below-one',
  'pair',
  'padding',
  'activation',
  'initializer',
  'bool',
  'shape-not-list',
  'shape-empty',
  'shape-too-long',
  'between-0-and-1',
  'not-positive',
  'rate-negative',
  'rate-one',
  'invalid',
  'negative',
  'pair-non-negative',
  // ZeroPadding2D, Cropping2D, UpSampling2D, Reshape, LayerNormalization, GlobalMaxPooling2D
  'sides',
  'interpolation',
  'target-shape',
  'target-shape-unknowns',
  'axis',
  'only-false',
] as const;
export type ParamProblemCode = (typeof PARAM_PROBLEMS)[number];

const PARAM_PROBLEM_SET: ReadonlySet<string> = new Set(PARAM_PROBLEMS);

/** True when a zod message is one of our codes (a message zod wrote itself is not). */
export function isParamProblemCode(message: string): message is ParamProblemCode {
  return PARAM_PROBLEM_SET.has(message);
}

/** The zod option that makes a check report `code`. */
export const says = (code: ParamProblemCode) => ({ error: code });

/** A whole number ≥ 1, e.g. filters or units; `dim` for each dimension of a shape. */
export const positiveInt = (what: 'value' | 'dim' = 'value') =>
  z
    .number(says(what === 'dim' ? 'dim-not-number' : 'not-number'))
    .int(says(what === 'dim' ? 'dim-not-whole' : 'not-whole'))
    .min(1, says(what === 'dim' ? 'dim-below-one' : 'below-one'));

/** Keras accepts 3 or (3, 3) for sizes; both become [3, 3]. */
export const pair = () =>
  z
    .union([positiveInt(), z.tuple([positiveInt(), positiveInt()])], says('pair'))
    .transform((v): [number, number] => (typeof v === 'number' ? [v, v] : [v[0], v[1]]));

/** A whole number ≥ 0 (Keras's allow_zero tuples, e.g. output_padding). */
const nonNegativeInt = () => z.number(says('not-number')).int(says('not-whole')).min(0, says('pair-non-negative'));

/** Keras's output_padding: None, 1 or (1, 0); a number becomes a pair, zeros allowed. */
export const optionalPairFromZero = () =>
  z
    .union([nonNegativeInt(), z.tuple([nonNegativeInt(), nonNegativeInt()])], says('pair-non-negative'))
    .transform((v): [number, number] => (typeof v === 'number' ? [v, v] : [v[0], v[1]]))
    .nullable();

export const PADDINGS = ['valid', 'same'] as const;
export type Padding = (typeof PADDINGS)[number];

/** Keras lower-cases padding ('SAME' works too), so we accept any case. */
export const padding = z
  .string(says('padding'))
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(PADDINGS, says('padding')));

/** The activations TensorFlow.js layers supports, with their Keras names. */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'selu',
  'sigmoid',
  'hard_sigmoid',
  'tanh',
  'softmax',
  'softplus',
  'softsign',
  'swish',
  'mish',
  'gelu',
] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** Keras writes None for no activation; tfjs writes 'hardSigmoid' in code and 'hard_sigmoid' in files. */
export const activation = z
  .union([z.string(), z.null()], says('activation'))
  .transform((s) => (s === null ? 'linear' : s === 'hardSigmoid' ? 'hard_sigmoid' : s === 'silu' ? 'swish' : s))
  .pipe(z.enum(ACTIVATIONS, says('activation')));

/** Initializers TensorFlow.js and Keras share, by their Keras string names. */
export const INITIALIZERS = [
  'glorot_uniform',
  'glorot_normal',
  'he_uniform',
  'he_normal',
  'lecun_uniform',
  'lecun_normal',
  'zeros',
  'ones',
  'random_normal',
  'random_uniform',
  'truncated_normal',
  'orthogonal',
] as const;
export type InitializerName = (typeof INITIALIZERS)[number];

export const initializer = z.enum(INITIALIZERS, says('initializer'));

export const bool = () => z.boolean(says('bool'));

/** A number ≥ 0, e.g. ReLU's max_value or negative_slope (Keras refuses negative ones). */
export const nonNegative = () => z.number(says('not-number')).min(0, says('negative'));
