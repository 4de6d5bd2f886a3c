import type { Network, NetworkLayer } from '../graph/network';
import type { PoolingParams } from '../layers/pooling';
import type { DenseParams } from '../layers/dense';
import type { ActivationParams } from '../layers/activation';
import type { BatchNormalizationParams } from '../layers/batch-normalization';
import type { LeakyReLUParams, ReLUParams, SoftmaxParams } from '../layers/activation-layers';
import type { ConcatenateParams } from '../layers/merges';
import type { DepthwiseConv2DParams } from '../layers/depthwise-conv2d';
import type { Conv2DTransposeParams } from '../layers/conv2d-transpose';
import type { ZeroPadding2DParams } from '../layers/zero-padding2d';
import type { Cropping2DParams } from '../layers/cropping2d';
import type { UpSampling2DParams } from '../layers/up-sampling2d';
import type { LayerNormalizationParams } from '../layers/layer-normalization';
import { bilinearWeights } from '../layers/bilinear-weights';
import { reluTrainsInTfjs } from '../training/compatibility';
import type { OnnxAttribute, OnnxGraph } from './model-proto';
import type { FloatTensor } from './tensor-layout';
import { GraphBuilder } from './graph-builder';
import { convLayer, windowPads } from './convolution-nodes';
import { Refusal, type OnnxProblem } from './onnx-problem';
import { withoutInverseTransposes } from './transpose-pairs';

export type { OnnxProblem, OnnxProblemValues } from './onnx-problem';

export type OnnxGraphResult = { readonly ok: true; readonly graph: OnnxGraph } | { readonly ok: false; readonly problem: OnnxProblem };

/** The name of the exported model's one input (NHWC float32, scaled as the engine feeds it). */
export const ONNX_INPUT = 'input';
/** The name of the exported model's one output (probabilities after softmax, logits after a linear layer). */
export const ONNX_OUTPUT = 'output';

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
