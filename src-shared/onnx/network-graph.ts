import type { Network, NetworkLayer } from '../graph/network';
import type { Coded } from '../i18n/coded';
import type { ActivationName, Padding } from '../layers/params';
import type { Conv2DParams } from '../layers/conv2d';
import type { PoolingParams } from '../layers/pooling';
import type { DenseParams } from '../layers/dense';
import type { ActivationParams } from '../layers/activation';
import type { BatchNormalizationParams } from '../layers/batch-normalization';
import type { LeakyReLUParams, ReLUParams, SoftmaxParams } from '../layers/activation-layers';
import type { ConcatenateParams } from '../layers/merges';
import type { DepthwiseConv2DParams } from '../layers/depthwise-conv2d';
import type { SeparableConv2DParams } from '../layers/separable-conv2d';
import type { Conv2DTransposeParams } from '../layers/conv2d-transpose';
import type { ZeroPadding2DParams } from '../layers/zero-padding2d';
import type { Cropping2DParams } from '../layers/cropping2d';
import type { UpSampling2DParams } from '../layers/up-sampling2d';
import type { LayerNormalizationParams } from '../layers/layer-normalization';
import { bilinearWeights } from '../layers/bilinear-weights';
import { reluTrainsInTfjs } from '../training/compatibility';
import type { OnnxAttribute, OnnxGraph, OnnxNode, OnnxTensor } from './model-proto';
import { permute, type FloatTensor } from './tensor-layout';
import { withoutInverseTransposes } from './transpose-pairs';

/** The name of the exported model's one input (NHWC float32, scaled as the engine feeds it). */
export const ONNX_INPUT = 'input';
/** The name of the exported model's one output (probabilities after softmax, logits after a linear layer). */
export const ONNX_OUTPUT = 'output';

/** Why a network cannot be written as ONNX exactly; the dictionaries word each (engine: `error.onnx.*`). */
export type OnnxProblemValues = {
  /** ReLU settings no exact ONNX (nor TensorFlow.js) layer is written for. */
  readonly 'relu-settings': { readonly layer: string };
  /** The convolution's dilation or output_padding, which the engine's own layer does not compute as Keras does. */
  readonly 'convolution-settings': { readonly layer: string };
  /** A weight the layer needs is not among the weights given, or has another shape. */
  readonly 'missing-weight': { readonly layer: string; readonly weight: string };
};
export type OnnxProblem = Coded<OnnxProblemValues>;

export type OnnxGraphResult = { readonly ok: true; readonly graph: OnnxGraph } | { readonly ok: false; readonly problem: OnnxProblem };

/** Thrown inside the builder and turned into a result at its edge. */
class Refusal extends Error {
  constructor(readonly problem: OnnxProblem) {
    super(problem.code);
  }
}

const TO_NCHW = [0, 3, 1, 2];
const TO_NHWC = [0, 2, 3, 1];

/** TensorFlow's 'same' padding of one axis: the total the window needs, the odd one at the end. */
function samePads(n: number, k: number, s: number, d: number): [number, number] {
  const effective = (k - 1) * d + 1;
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + effective - n, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** ONNX's pads ([top, left, bottom, right]) for a window over an h×w map. */
function windowPads(
  padding: Padding,
  [h, w]: readonly number[],
  k: readonly [number, number],
  s: readonly [number, number],
  d: readonly [number, number] = [1, 1],
): number[] {
  if (padding === 'valid') return [0, 0, 0, 0];
  const [top, bottom] = samePads(h!, k[0], s[0], d[0]);
  const [left, right] = samePads(w!, k[1], s[1], d[1]);
  return [top, left, bottom, right];
}

/** Collects nodes and constants with unique names; each method returns the name of the tensor it makes. */
class GraphBuilder {
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

  op(op: string, inputs: readonly string[], label: string, attributes?: readonly OnnxAttribute[]): string {
    const out = this.unique(label);
    this.nodes.push({ op, name: out, inputs, outputs: [out], ...(attributes ? { attributes } : {}) });
    return out;
  }

  floats(label: string, t: FloatTensor): string {
    const name = this.unique(label);
    this.initializers.push({ name, type: 'float', dims: t.shape, data: t.data });
    return name;
  }

  scalar(label: string, value: number): string {
    return this.floats(label, { data: Float32Array.of(value), shape: [] });
  }

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

  transpose(x: string, perm: readonly number[], label: string): string {
    return this.op('Transpose', [x], label, [{ name: 'perm', ints: perm }]);
  }

  /** One NCHW operator applied to an NHWC tensor: the model keeps Keras's layout between layers. */
  nchw(x: string, label: string, apply: (nchw: string) => string): string {
    return this.transpose(apply(this.transpose(x, TO_NCHW, `${label}/nchw`)), TO_NHWC, `${label}/nhwc`);
  }

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

/** Depthwise kernel (kh, kw, c, m) → ONNX grouped Conv weights (c·m, 1, kh, kw), channel c·m + j as TensorFlow orders them. */
function depthwiseWeights(k: FloatTensor): FloatTensor {
  const [kh, kw, c, m] = k.shape as [number, number, number, number];
  return { data: permute(k, [2, 3, 0, 1]).data, shape: [c * m, 1, kh, kw] };
}

/**
 * A convolution run in NCHW with its activation: an elementwise one stays in NCHW too, so that two
 * convolutions or pools in a row need no Transposes between them (withoutInverseTransposes drops
 * them); softmax, over the channels, runs on the NHWC result.
 */
function convolved(b: GraphBuilder, x: string, name: string, activation: ActivationName, apply: (nchw: string) => string): string {
  if (activation === 'softmax') return b.activation(b.nchw(x, name, apply), activation, name);
  return b.nchw(x, name, (t) => b.activation(apply(t), activation, name));
}

function convLayer(b: GraphBuilder, layer: NetworkLayer, x: string): string {
  const name = layer.name;
  const [h, w, c] = layer.inputShapes[0]!;
  switch (layer.kind) {
    case 'Conv2D': {
      const p = layer.params as Conv2DParams;
      const [kh, kw] = p.kernel_size;
      const kernel = b.weight(name, 'kernel', [kh, kw, c!, p.filters]);
      const inputs = [b.floats(`${name}/W`, permute(kernel, [3, 2, 0, 1]))];
      if (p.use_bias) inputs.push(b.floats(`${name}/B`, b.weight(name, 'bias', [p.filters])));
      return convolved(b, x, name, p.activation, (t) =>
        b.op('Conv', [t, ...inputs], `${name}/conv`, [
          { name: 'kernel_shape', ints: [kh, kw] },
          { name: 'strides', ints: p.strides },
          { name: 'dilations', ints: p.dilation_rate },
          { name: 'pads', ints: windowPads(p.padding, [h!, w!], p.kernel_size, p.strides, p.dilation_rate) },
        ]),
      );
    }
    case 'DepthwiseConv2D': {
      const p = layer.params as DepthwiseConv2DParams;
      const [kh, kw] = p.kernel_size;
      const kernel = b.weight(name, 'depthwise_kernel', [kh, kw, c!, p.depth_multiplier]);
      const inputs = [b.floats(`${name}/W`, depthwiseWeights(kernel))];
      if (p.use_bias) inputs.push(b.floats(`${name}/B`, b.weight(name, 'bias', [c! * p.depth_multiplier])));
      return convolved(b, x, name, p.activation, (t) =>
        b.op('Conv', [t, ...inputs], `${name}/conv`, [
          { name: 'group', int: c! },
          { name: 'kernel_shape', ints: [kh, kw] },
          { name: 'strides', ints: p.strides },
          { name: 'pads', ints: windowPads(p.padding, [h!, w!], p.kernel_size, p.strides) },
        ]),
      );
    }
    case 'SeparableConv2D': {
      const p = layer.params as SeparableConv2DParams;
      const [kh, kw] = p.kernel_size;
      const middle = c! * p.depth_multiplier;
      const depthwise = b.floats(
        `${name}/depthwise`,
        depthwiseWeights(b.weight(name, 'depthwise_kernel', [kh, kw, c!, p.depth_multiplier])),
      );
      const pointwise = b.floats(`${name}/pointwise`, permute(b.weight(name, 'pointwise_kernel', [1, 1, middle, p.filters]), [3, 2, 0, 1]));
      const bias = p.use_bias ? [b.floats(`${name}/B`, b.weight(name, 'bias', [p.filters]))] : [];
      return convolved(b, x, name, p.activation, (t) => {
        const spread = b.op('Conv', [t, depthwise], `${name}/depthwise_conv`, [
          { name: 'group', int: c! },
          { name: 'kernel_shape', ints: [kh, kw] },
          { name: 'strides', ints: p.strides },
          { name: 'dilations', ints: p.dilation_rate },
          { name: 'pads', ints: windowPads(p.padding, [h!, w!], p.kernel_size, p.strides, p.dilation_rate) },
        ]);
        return b.op('Conv', [spread, pointwise, ...bias], `${name}/pointwise_conv`, [{ name: 'kernel_shape', ints: [1, 1] }]);
      });
    }
    case 'Conv2DTranspose': {
      const p = layer.params as Conv2DTransposeParams;
      const [kh, kw] = p.kernel_size;
      const [sh, sw] = p.strides;
      // TensorFlow keeps (kh, kw, filters, channels); ONNX's ConvTranspose wants (channels, filters, kh, kw).
      const inputs = [b.floats(`${name}/W`, permute(b.weight(name, 'kernel', [kh, kw, p.filters, c!]), [3, 2, 0, 1]))];
      if (p.use_bias) inputs.push(b.floats(`${name}/B`, b.weight(name, 'bias', [p.filters])));
      // The gradient of a 'same' convolution over the n·s output: its pads, and zeros at the end where the kernel is shorter than the stride.
      const pads = p.padding === 'same' ? windowPads('same', [h! * sh, w! * sw], p.kernel_size, p.strides) : [0, 0, 0, 0];
      return convolved(b, x, name, p.activation, (t) =>
        b.op('ConvTranspose', [t, ...inputs], `${name}/conv_transpose`, [
          { name: 'kernel_shape', ints: [kh, kw] },
          { name: 'strides', ints: p.strides },
          { name: 'pads', ints: pads },
          { name: 'output_padding', ints: [Math.max(sh - kh, 0), Math.max(sw - kw, 0)] },
        ]),
      );
    }
    default:
      throw new Error(`${layer.kind} is not a convolution`);
  }
}

/** Sorted sample axes (1-based, with the batch as 0) of Keras's LayerNormalization axis over a per-sample shape of rank r. */
function normalizedAxes(axis: number | readonly number[], r: number): number[] {
  const list = typeof axis === 'number' ? [axis] : [...axis];
  return [...new Set(list.map((a) => (a < 0 ? a + r + 1 : a)))].sort((a, b) => a - b);
}

function layerNode(b: GraphBuilder, layer: NetworkLayer, inputs: readonly string[]): string {
  const name = layer.name;
  const x = inputs[0]!;
  const shape = layer.inputShapes[0]!;
  switch (layer.kind) {
    case 'Conv2D':
    case 'DepthwiseConv2D':
    case 'SeparableConv2D':
    case 'Conv2DTranspose':
      return convLayer(b, layer, x);
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const p = layer.params as PoolingParams;
      const attributes: OnnxAttribute[] = [
        { name: 'kernel_shape', ints: p.pool_size },
        { name: 'strides', ints: p.strides },
        { name: 'pads', ints: windowPads(p.padding, shape, p.pool_size, p.strides) },
      ];
      // TensorFlow's 'same' average leaves the padding out of each window's count, as count_include_pad=0 does.
      if (layer.kind === 'AveragePooling2D') attributes.push({ name: 'count_include_pad', int: 0 });
      return b.nchw(x, name, (t) => b.op(layer.kind === 'MaxPooling2D' ? 'MaxPool' : 'AveragePool', [t], `${name}/pool`, attributes));
    }
    case 'Activation':
      return b.activation(x, (layer.params as ActivationParams).activation, name);
    case 'Dropout':
      // Dropout passes values through unchanged at inference.
      return x;
    case 'Flatten':
      // Flattening the NHWC tensor itself keeps Keras's (row, column, channel) order.
      return b.op('Flatten', [x], name, [{ name: 'axis', int: 1 }]);
    case 'Dense': {
      const p = layer.params as DenseParams;
      const units = shape[shape.length - 1]!;
      const y = b.op('MatMul', [x, b.floats(`${name}/kernel`, b.weight(name, 'kernel', [units, p.units]))], `${name}/matmul`);
      const biased = p.use_bias ? b.op('Add', [y, b.floats(`${name}/bias`, b.weight(name, 'bias', [p.units]))], `${name}/add`) : y;
      return b.activation(biased, p.activation, name);
    }
    case 'BatchNormalization': {
      const p = layer.params as BatchNormalizationParams;
      const c = shape[shape.length - 1]!;
      const mean = b.weight(name, 'moving_mean', [c]).data;
      const variance = b.weight(name, 'moving_variance', [c]).data;
      const gamma = p.scale ? b.weight(name, 'gamma', [c]).data : undefined;
      const beta = p.center ? b.weight(name, 'beta', [c]).data : undefined;
      // Inference with the moving statistics folds into one scale and one shift per channel (the last axis).
      const scale = new Float32Array(c);
      const shift = new Float32Array(c);
      for (let i = 0; i < c; i++) {
        const s = (gamma ? gamma[i]! : 1) / Math.sqrt(variance[i]! + p.epsilon);
        scale[i] = s;
        shift[i] = (beta ? beta[i]! : 0) - mean[i]! * s;
      }
      const scaled = b.op('Mul', [x, b.floats(`${name}/scale`, { data: scale, shape: [c] })], `${name}/mul`);
      return b.op('Add', [scaled, b.floats(`${name}/shift`, { data: shift, shape: [c] })], name);
    }
    case 'GlobalAveragePooling2D':
      return b.op('ReduceMean', [x], name, [
        { name: 'axes', ints: [1, 2] },
        { name: 'keepdims', int: 0 },
      ]);
    case 'GlobalMaxPooling2D':
      return b.op('ReduceMax', [x], name, [
        { name: 'axes', ints: [1, 2] },
        { name: 'keepdims', int: 0 },
      ]);
    case 'ReLU': {
      const p = layer.params as ReLUParams;
      if (p.negative_slope !== 0) return b.op('LeakyRelu', [x], name, [{ name: 'alpha', float: p.negative_slope }]);
      const relu = b.op('Relu', [x], p.max_value === null ? name : `${name}/relu`);
      return p.max_value === null ? relu : b.op('Clip', [relu, b.scalar(`${name}/min`, 0), b.scalar(`${name}/max`, p.max_value)], name);
    }
    case 'LeakyReLU':
      return b.op('LeakyRelu', [x], name, [{ name: 'alpha', float: (layer.params as LeakyReLUParams).negative_slope }]);
    case 'Softmax':
      return b.op('Softmax', [x], name, [{ name: 'axis', int: (layer.params as SoftmaxParams).axis }]);
    case 'Add':
      return b.op('Sum', inputs, name);
    case 'Maximum':
      return b.op('Max', inputs, name);
    case 'Minimum':
      return b.op('Min', inputs, name);
    case 'Average':
      return b.op('Mul', [b.op('Sum', inputs, `${name}/sum`), b.scalar(`${name}/n`, 1 / inputs.length)], name);
    case 'Multiply':
      return inputs.slice(1).reduce((acc, t, i) => b.op('Mul', [acc, t], i === inputs.length - 2 ? name : `${name}/mul`), x);
    case 'Concatenate':
      return b.op('Concat', inputs, name, [{ name: 'axis', int: (layer.params as ConcatenateParams).axis }]);
    case 'ZeroPadding2D': {
      const [[top, bottom], [left, right]] = (layer.params as ZeroPadding2DParams).padding;
      return b.op('Pad', [x, b.ints(`${name}/pads`, [0, top, left, 0, 0, bottom, right, 0])], name);
    }
    case 'Cropping2D': {
      const [[top, bottom], [left, right]] = (layer.params as Cropping2DParams).cropping;
      const [h, w] = shape;
      return b.op(
        'Slice',
        [x, b.ints(`${name}/starts`, [top, left]), b.ints(`${name}/ends`, [h! - bottom, w! - right]), b.ints(`${name}/axes`, [1, 2])],
        name,
      );
    }
    case 'UpSampling2D': {
      const p = layer.params as UpSampling2DParams;
      const [h, w, c] = shape as [number, number, number];
      const [sh, sw] = p.size;
      if (p.interpolation === 'nearest') {
        // Each value repeated sh×sw times: a broadcast over two new axes, then folded back.
        const split = b.op('Reshape', [x, b.ints(`${name}/split`, [-1, h, 1, w, 1, c])], `${name}/split`);
        const copies = b.op('Expand', [split, b.ints(`${name}/copies`, [1, 1, sh, 1, sw, 1])], `${name}/expand`);
        return b.op('Reshape', [copies, b.ints(`${name}/shape`, [-1, h * sh, w * sw, c])], name);
      }
      // Keras's half-pixel bilinear resize as two matrix products, exactly as the engine's layer computes it.
      const rows = b.floats(`${name}/rows`, { data: bilinearWeights(h, sh), shape: [h, h * sh] });
      const cols = b.floats(`${name}/cols`, { data: bilinearWeights(w, sw), shape: [w, w * sw] });
      const tall = b.op('MatMul', [b.transpose(x, [0, 2, 3, 1], `${name}/by_rows`), rows], `${name}/rows_mm`);
      const across = b.op('MatMul', [b.transpose(tall, [0, 3, 2, 1], `${name}/by_cols`), cols], `${name}/cols_mm`);
      return b.transpose(across, [0, 1, 3, 2], name);
    }
    case 'Reshape':
      return b.op('Reshape', [x, b.ints(`${name}/shape`, [-1, ...layer.outputShape])], name);
    case 'LayerNormalization': {
      const p = layer.params as LayerNormalizationParams;
      const axes = normalizedAxes(p.axis, shape.length);
      const mean = b.op('ReduceMean', [x], `${name}/mean`, [{ name: 'axes', ints: axes }]);
      const centred = b.op('Sub', [x, mean], `${name}/centred`);
      const variance = b.op('ReduceMean', [b.op('Mul', [centred, centred], `${name}/square`)], `${name}/variance`, [
        { name: 'axes', ints: axes },
      ]);
      const std = b.op('Sqrt', [b.op('Add', [variance, b.scalar(`${name}/epsilon`, p.epsilon)], `${name}/var_eps`)], `${name}/std`);
      let y = b.op('Div', [centred, std], `${name}/normalized`);
      // gamma and beta span the normalized axes; 1 elsewhere broadcasts them over the rest.
      const weightShape = axes.map((a) => shape[a - 1]!);
      const along = [1, ...shape.map((d, i) => (axes.includes(i + 1) ? d : 1))];
      if (p.scale)
        y = b.op(
          'Mul',
          [y, b.floats(`${name}/gamma`, { data: b.weight(name, 'gamma', weightShape).data, shape: along })],
          `${name}/scaled`,
        );
      if (p.center)
        y = b.op('Add', [y, b.floats(`${name}/beta`, { data: b.weight(name, 'beta', weightShape).data, shape: along })], `${name}/shifted`);
      return y;
    }
  }
}

/**
 * What the model tells about its input and output as ONNX metadata (Netron shows it): the layout, the
 * scaling the engine applies before the model (pixels / 255; any standardisation follows it outside
 * the model), and whether the output is probabilities (a softmax last) or logits.
 */
export function onnxMetadata(network: Network): Record<string, string> {
  const last = network.layers[network.layers.length - 1]!;
  const params = last.params as { activation?: unknown };
  const probabilities = last.kind === 'Softmax' || params.activation === 'softmax';
  return { 'convas.input_layout': 'NHWC', 'convas.input_scale': '1/255', 'convas.output': probabilities ? 'probabilities' : 'logits' };
}

/**
 * Why a network's settings cannot be written as ONNX exactly, before any weights exist (the engine
 * would not build these layers either): ReLU settings with no exact layer, a dilated depthwise or
 * transposed convolution, or output_padding, whose engine layers do not compute what Keras does.
 */
export function onnxSettingsProblem(network: Network): OnnxProblem | undefined {
  for (const layer of network.layers) {
    const { name } = layer;
    if (layer.kind === 'ReLU' && !reluTrainsInTfjs(layer.params as ReLUParams)) return { code: 'relu-settings', values: { layer: name } };
    if (layer.kind === 'DepthwiseConv2D' || layer.kind === 'Conv2DTranspose') {
      const p = layer.params as DepthwiseConv2DParams | Conv2DTransposeParams;
      if (('output_padding' in p && p.output_padding) || p.dilation_rate.some((d) => d > 1))
        return { code: 'convolution-settings', values: { layer: name } };
    }
  }
  return undefined;
}

/**
 * The ONNX graph of a network with its weights (TensorFlow.js names and layouts, "conv2d/kernel" →
 * (kh, kw, in, out)). One input `input` in the model's own NHWC layout with a dynamic batch, one
 * output `output`; convolutions and pooling run in NCHW between two Transposes, everything else in
 * NHWC, so Flatten, Dense, Concatenate and every axis mean what they mean in Keras. A layer whose
 * settings cannot be written exactly is refused, never approximated.
 */
export function onnxGraphOf(network: Network, weights: ReadonlyMap<string, FloatTensor>): OnnxGraphResult {
  const refused = onnxSettingsProblem(network);
  if (refused) return { ok: false, problem: refused };
  const b = new GraphBuilder(weights);
  const tensors = new Map<string, string>([[network.input.name, ONNX_INPUT]]);
  try {
    for (const layer of network.layers) {
      const inputs = layer.inbound.map((n) => tensors.get(n)!);
      tensors.set(layer.name, layerNode(b, layer, inputs));
    }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problem: e.problem };
    throw e;
  }
  const last = network.layers[network.layers.length - 1]!;
  b.op('Identity', [tensors.get(last.name)!], ONNX_OUTPUT);
  return {
    ok: true,
    graph: {
      name: network.name,
      nodes: withoutInverseTransposes(b.nodes),
      initializers: b.initializers,
      input: { name: ONNX_INPUT, shape: [null, ...network.input.shape] },
      output: { name: ONNX_OUTPUT, shape: [null, ...last.outputShape] },
    },
  };
}
