import { z } from 'zod';

/** A whole number ≥ 1, e.g. filters or units. */
export const positiveInt = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(1, {
      error: `${what} must be at least 1`,
    });

/** Keras accepts 3 or (3, 3) for sizes; both become [3, 3]. */
export const pair = (what: string) =>
  z
    .union([positiveInt(what), z.tuple([positiveInt(what), positiveInt(what)])], {
      error: `${what} must be a whole number ≥ 1 or a pair of them`,
    })
    .transform((v): [number, number] => (typeof v === 'number' ? [v, v] : [v[0], v[1]]));

export const PADDINGS = ['valid', 'same'] as const;
export type Padding = (typeof PADDINGS)[number];

/** Keras lower-cases padding ('SAME' works too), so we accept any case. */
export const padding = z
  .string({ error: "padding must be 'valid' or 'same'" })
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(PADDINGS, { error: "padding must be 'valid' or 'same'" }));

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
  .union([z.string(), z.null()], { error: `activation must be one of ${ACTIVATIONS.join(', ')}` })
  .transform((s) => (s === null ? 'linear' : s === 'hardSigmoid' ? 'hard_sigmoid' : s === 'silu' ? 'swish' : s))
  .pipe(z.enum(ACTIVATIONS, { error: `activation must be one of ${ACTIVATIONS.join(', ')}` }));

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

export const initializer = z.enum(INITIALIZERS, { error: `initializer must be one of ${INITIALIZERS.join(', ')}` });

export const bool = (what: string) => z.boolean({ error: `${what} must be true or false` });
