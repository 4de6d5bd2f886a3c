/**
 * The activation functions of the palette and their derivatives, as TensorFlow.js computes them
 * (the engine trains with TensorFlow.js): scalar versions for plots and for explaining one output
 * value of a layer. Softmax is a vector function; as a scalar it is the 2-class case softmax([x, 0])[0].
 */
import type { ActivationName } from '../layers/params';

/** SELU's α, as in TensorFlow. */
export const SELU_ALPHA = 1.6732632423543772;
/** SELU's scale λ, as in TensorFlow. */
export const SELU_SCALE = 1.0507009873554805;

/** The logistic sigmoid 1 / (1 + e^−x), computed without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** ln(1 + e^x) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** The error function (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7). */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}

/** The standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

/** The standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Softmax of a vector (shifted by its maximum, so large values do not overflow). */
export function softmax(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const m = Math.max(...values);
  const e = values.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** A scalar activation with its derivative. */
export interface ActivationFunction {
  readonly f: (x: number) => number;
  readonly df: (x: number) => number;
}

const mishTerms = (x: number) => {
  const sp = softplus(x);
  const th = Math.tanh(sp);
  return { th, sech2: 1 - th * th };
};

/** Every activation of the palette as f and f′ (at a kink, the derivative TensorFlow uses: relu′(0) = 0). */
export const ACTIVATION_FUNCTIONS: Readonly<Record<ActivationName, ActivationFunction>> = {
  linear: { f: (x) => x, df: () => 1 },
  relu: { f: (x) => Math.max(0, x), df: (x) => (x > 0 ? 1 : 0) },
  relu6: { f: (x) => Math.min(6, Math.max(0, x)), df: (x) => (x > 0 && x < 6 ? 1 : 0) },
  elu: { f: (x) => (x > 0 ? x : Math.expm1(x)), df: (x) => (x > 0 ? 1 : Math.exp(x)) },
  selu: {
    f: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
    df: (x) => SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x)),
  },
  sigmoid: {
    f: sigmoid,
    df: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
  },
  // TensorFlow.js (and Keras 2): clip(0.2·x + 0.5, 0, 1).
  hard_sigmoid: { f: (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)), df: (x) => (x > -2.5 && x < 2.5 ? 0.2 : 0) },
  tanh: {
    f: Math.tanh,
    df: (x) => {
      const t = Math.tanh(x);
      return (1 - t) * (1 + t);
    },
  },
  // The 2-class case: softmax([x, 0])[0] = sigmoid(x).
  softmax: {
    f: sigmoid,
    df: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
  },
  softplus: { f: softplus, df: sigmoid },
  softsign: { f: (x) => x / (1 + Math.abs(x)), df: (x) => 1 / (1 + Math.abs(x)) ** 2 },
  swish: {
    f: (x) => x * sigmoid(x),
    df: (x) => {
      const s = sigmoid(x);
      return s + x * s * (1 - s);
    },
  },
  mish: {
    f: (x) => x * mishTerms(x).th,
    df: (x) => {
      const { th, sech2 } = mishTerms(x);
      return th + x * sech2 * sigmoid(x);
    },
  },
  // TensorFlow.js's exact GELU: x·Φ(x).
  gelu: { f: (x) => x * normalCdf(x), df: (x) => normalCdf(x) + x * normalPdf(x) },
};

/** Applies an activation to one value (softmax as its 2-class case; use `softmax` for a vector). */
export function activate(name: ActivationName, x: number): number {
  return ACTIVATION_FUNCTIONS[name].f(x);
}

/** The derivative of an activation at x. */
export function activationDerivative(name: ActivationName, x: number): number {
  return ACTIVATION_FUNCTIONS[name].df(x);
}

/** Samples f and f′ on [from, to] at `count` evenly spaced points (for plots). */
export function sampleActivation(name: ActivationName, from = -6, to = 6, count = 241): { x: number; y: number; dy: number }[] {
  const fn = ACTIVATION_FUNCTIONS[name];
  return Array.from({ length: count }, (_, i) => {
    const x = count === 1 ? from : from + ((to - from) * i) / (count - 1);
    const xr = Math.round(x * 1e9) / 1e9;
    return { x: xr, y: fn.f(xr), dy: fn.df(xr) };
  });
}
