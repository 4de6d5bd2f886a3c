import type { ActivationName } from '../layers/params';
import type { OnnxAttribute, OnnxNode, OnnxTensor } from './model-proto';
import { Refusal } from './onnx-problem';
import type { FloatTensor } from './tensor-layout';

/** Transpose's perm from Keras's channels-last layout to ONNX's channels-first, and back. */
export const TO_NCHW = [0, 3, 1, 2];
export const TO_NHWC = [0, 2, 3, 1];

/** Collects nodes and constants with unique names; each method returns the name of the tensor it makes. */
export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly used = new Set<string>();

  constructor(private readonly weights: ReadonlyMap<string, FloatTensor>) {}

  private unique(name: string): string {
    let candidate = name;
    for (let i = 1; this.used.has(candidate); i++) candidate = `${name}_${i}`;
    this.used.add(candidate);
    return candidate;
  }

  /** Adds an operator node with one output named after `label`. */
  op(op: string, inputs: readonly string[], label: string, attributes?: readonly OnnxAttribute[]): string {
    const out = this.unique(label);
    this.nodes.push({ op, name: out, inputs, outputs: [out], ...(attributes ? { attributes } : {}) });
    return out;
  }

  /** Adds a float constant (a weight). */
  floats(label: string, t: FloatTensor): string {
    const name = this.unique(label);
    this.initializers.push({ name, type: 'float', dims: t.shape, data: t.data });
    return name;
  }

  /** Adds a float scalar constant. */
  scalar(label: string, value: number): string {
    return this.floats(label, { data: Float32Array.of(value), shape: [] });
  }

  /** Adds a 1-D int64 constant (shapes, pads, indices). */
  ints(label: string, values: readonly number[]): string {
    const name = this.unique(label);
    this.initializers.push({ name, type: 'int64', dims: [values.length], data: values });
    return name;
  }

  /** A weight of `layer` as TensorFlow.js names it ("conv2d/kernel"), checked against the size it must have. */
  weight(layer: string, weight: string, shape: readonly number[]): FloatTensor {
    const t = this.weights.get(`${layer}/${weight}`);
    const size = shape.reduce((a, b) => a * b, 1);
    if (!t || t.data.length !== size || t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
      throw new Refusal({ code: 'missing-weight', values: { layer, weight } });
    }
    return t;
  }

  /** Adds a Transpose by `perm`. */
  transpose(x: string, perm: readonly number[], label: string): string {
    return this.op('Transpose', [x], label, [{ name: 'perm', ints: perm }]);
  }

  /** One NCHW operator applied to an NHWC tensor: the model keeps Keras's layout between layers. */
  nchw(x: string, label: string, apply: (nchw: string) => string): string {
    return this.transpose(apply(this.transpose(x, TO_NCHW, `${label}/nchw`)), TO_NHWC, `${label}/nhwc`);
  }

  /** The nodes of a Keras activation on `x` (none for linear). */
  activation(x: string, name: ActivationName, label: string): string {
    const at = `${label}/${name}`;
    switch (name) {
      case 'linear':
        return x;
      case 'relu':
        return this.op('Relu', [x], at);
      case 'relu6':
        return this.op('Clip', [x, this.scalar(`${at}/min`, 0), this.scalar(`${at}/max`, 6)], at);
      case 'elu':
        return this.op('Elu', [x], at, [{ name: 'alpha', float: 1 }]);
      case 'selu':
        // ONNX's default alpha and gamma are Keras's (and TensorFlow.js's) constants in float32.
        return this.op('Selu', [x], at);
      case 'sigmoid':
        return this.op('Sigmoid', [x], at);
      case 'hard_sigmoid':
        // TensorFlow.js's hard sigmoid: clip(0.2·x + 0.5, 0, 1), the model the engine trained.
        return this.op('HardSigmoid', [x], at, [
          { name: 'alpha', float: 0.2 },
          { name: 'beta', float: 0.5 },
        ]);
      case 'tanh':
        return this.op('Tanh', [x], at);
      case 'softmax':
        return this.op('Softmax', [x], at, [{ name: 'axis', int: -1 }]);
      case 'softplus':
        return this.op('Softplus', [x], at);
      case 'softsign':
        return this.op('Softsign', [x], at);
      case 'swish':
        return this.op('Mul', [x, this.op('Sigmoid', [x], `${at}/sigmoid`)], at);
      case 'mish':
        return this.op('Mul', [x, this.op('Tanh', [this.op('Softplus', [x], `${at}/softplus`)], `${at}/tanh`)], at);
      case 'gelu': {
        // The exact GELU, x·Φ(x) = x·(1 + erf(x/√2))/2, as TensorFlow.js's 'gelu' computes it.
        const erf = this.op('Erf', [this.op('Div', [x, this.scalar(`${at}/sqrt2`, Math.SQRT2)], `${at}/scaled`)], `${at}/erf`);
        const cdf = this.op(
          'Mul',
          [this.op('Add', [erf, this.scalar(`${at}/one`, 1)], `${at}/plus1`), this.scalar(`${at}/half`, 0.5)],
          `${at}/cdf`,
        );
        return this.op('Mul', [x, cdf], at);
      }
    }
  }
}
