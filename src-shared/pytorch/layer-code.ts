/**
 * The PyTorch of one Convas layer: the attribute `__init__` creates, the expression `forward`
 * computes, and the lines `load` uses to copy TensorFlow.js's weights in (TensorFlow's layouts
 * turned into PyTorch's). Each kind computes exactly what TensorFlow.js computes, or is refused.
 */
import type { NetworkLayer } from '../graph/network';
import type { Coded } from '../i18n/coded';
import type { Shape } from '../layers/types';
import type { ActivationName } from '../layers/params';
import type { Conv2DParams } from '../layers/conv2d';
import type { DepthwiseConv2DParams } from '../layers/depthwise-conv2d';
import type { SeparableConv2DParams } from '../layers/separable-conv2d';
import type { Conv2DTransposeParams } from '../layers/conv2d-transpose';
import type { PoolingParams } from '../layers/pooling';
import type { DenseParams } from '../layers/dense';
import type { DropoutParams } from '../layers/dropout';
import type { ActivationParams } from '../layers/activation';
import type { BatchNormalizationParams } from '../layers/batch-normalization';
import type { LeakyReLUParams, ReLUParams, SoftmaxParams } from '../layers/activation-layers';
import type { ConcatenateParams } from '../layers/merges';
import type { ZeroPadding2DParams } from '../layers/zero-padding2d';
import type { Cropping2DParams } from '../layers/cropping2d';
import type { UpSampling2DParams } from '../layers/up-sampling2d';
import { axesOf, type LayerNormalizationParams } from '../layers/layer-normalization';
import { py } from '../layers/keras-values';
import { sampleAxis } from '../layers/axis';
import { fromKerasOrder, lastAxisDim, samePadding, toKerasOrder, torchAxis, torchDim } from './layout';

/** Why a layer cannot be written as PyTorch that computes what Convas computes: a code with the layer's name. */
export type PytorchProblemValues = {
  readonly 'transpose-output-padding': { readonly layer: string };
  readonly 'transpose-dilation': { readonly layer: string };
  readonly 'axis-outside': { readonly layer: string };
};
export type PytorchProblem = Coded<PytorchProblemValues>;
export type PytorchProblemCode = PytorchProblem['code'];

/** Python written once in the module when a layer needs it (see HELPER_CODE in generate.ts). */
export type Helper = 'average-pool-same' | 'batch-norm-partial' | 'layer-norm';

/** What one layer contributes to the module; `forward` is the expression its variable takes. */
export interface LayerCode {
  readonly init: readonly string[];
  readonly forward: string;
  readonly comment?: string;
  readonly load: readonly string[];
  readonly helpers?: readonly Helper[];
}

export type LayerCodeResult = { readonly ok: true; readonly code: LayerCode } | { readonly ok: false; readonly problem: PytorchProblem };

type Pair = readonly [number, number];

/** A Python tuple of numbers. */
const tuple = (values: readonly number[]) => py(values);

/** A number as Python writes it, without binary noise such as 0.010000000000000009. */
const decimal = (n: number) => String(Number(n.toPrecision(12)));

/** TensorFlow.js's activation `name` applied to `x`, a tensor of Keras rank `rank` laid out as the module lays it. */
export function activate(name: ActivationName, x: string, rank: number): string {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
    case 'sigmoid':
    case 'tanh':
    case 'selu':
      return `torch.${name}(${x})`;
    case 'relu6':
    case 'elu':
    case 'softplus':
    case 'softsign':
    case 'mish':
    case 'gelu':
      // gelu: TensorFlow.js's is the exact one, x·Φ(x), which is PyTorch's default.
      return `F.${name}(${x})`;
    case 'swish':
      return `F.silu(${x})`;
    case 'hard_sigmoid':
      // TensorFlow.js's hard sigmoid (the engine's): clip(0.2·x + 0.5, 0, 1), not PyTorch's x/6 + 1/2.
      return `torch.clamp(0.2 * ${x} + 0.5, 0, 1)`;
    case 'softmax':
      return `torch.softmax(${x}, dim=${lastAxisDim(rank)})`;
  }
}

/** The 2-D padding of a window over an h×w input: symmetric amounts PyTorch's own `padding` takes, or F.pad's (left, right, top, bottom). */
function windowPadding(
  input: Shape,
  p: { readonly padding: 'valid' | 'same'; readonly strides: Pair },
  kernel: Pair,
  dilation: Pair,
): { readonly symmetric: Pair } | { readonly sides: readonly [number, number, number, number] } {
  if (p.padding === 'valid') return { symmetric: [0, 0] };
  const [top, bottom] = samePadding(input[0]!, kernel[0], p.strides[0], dilation[0]);
  const [left, right] = samePadding(input[1]!, kernel[1], p.strides[1], dilation[1]);
  if (top === bottom && left === right) return { symmetric: [top, left] };
  return { sides: [left, right, top, bottom] };
}

/** The arguments of a 2-D convolution after its channels and kernel, only where they differ from PyTorch's defaults. */
function convArgs(stride: Pair, padding: Pair, dilation: Pair, extra: readonly string[]): string {
  const args: string[] = [];
  if (stride[0] !== 1 || stride[1] !== 1) args.push(`stride=${tuple(stride)}`);
  if (padding[0] !== 0 || padding[1] !== 0) args.push(`padding=${tuple(padding)}`);
  if (dilation[0] !== 1 || dilation[1] !== 1) args.push(`dilation=${tuple(dilation)}`);
  return [...args, ...extra].map((a) => `, ${a}`).join('');
}

/** The input of a windowed layer, with F.pad in front where TensorFlow pads unevenly. */
function padded(x: string, pad: ReturnType<typeof windowPadding>, value?: string): string {
  if ('symmetric' in pad) return x;
  return `F.pad(${x}, ${tuple(pad.sides)}${value ? `, value=${value}` : ''})`;
}

const UNEVEN =
  "TensorFlow's 'same' puts the odd row or column of zeros at the bottom or right: F.pad does, PyTorch's symmetric padding= cannot";

/** Lines copying a TensorFlow.js weight (by its name in the weight files) into a parameter or buffer. */
function copy(target: string, layer: string, weight: string, transform = ''): string {
  return `_copy(${target}, weights[${py(`${layer}/${weight}`)}]${transform})`;
}

/** Keras's kernel [h, w, in, out] as PyTorch's [out, in, h, w]. */
const HWIO_TO_OIHW = '.transpose(3, 2, 0, 1)';

/** A depthwise kernel [h, w, in, multiplier] as a grouped convolution's [in·multiplier, 1, h, w] (output channel c·m + j). */
function depthwiseToGrouped(kernel: Pair, channels: number, multiplier: number): string {
  return `.transpose(2, 3, 0, 1).reshape(${channels * multiplier}, 1, ${kernel[0]}, ${kernel[1]})`;
}

function conv2dCode(layer: NetworkLayer, v: string, x: string, input: Shape): LayerCode {
  const p = layer.params as Conv2DParams;
  const pad = windowPadding(input, p, p.kernel_size, p.dilation_rate);
  const symmetric = 'symmetric' in pad ? pad.symmetric : ([0, 0] as const);
  const bias = p.use_bias ? [] : ['bias=False'];
  return {
    init: [
      `self.${v} = nn.Conv2d(${input[2]}, ${p.filters}, kernel_size=${tuple(p.kernel_size)}${convArgs(p.strides, symmetric, p.dilation_rate, bias)})`,
    ],
    forward: activate(p.activation, `self.${v}(${padded(x, pad)})`, 3),
    ...('sides' in pad ? { comment: UNEVEN } : {}),
    load: [
      copy(`model.${v}.weight`, layer.name, 'kernel', HWIO_TO_OIHW),
      ...(p.use_bias ? [copy(`model.${v}.bias`, layer.name, 'bias')] : []),
    ],
  };
}

function depthwiseCode(layer: NetworkLayer, v: string, x: string, input: Shape): LayerCode {
  const p = layer.params as DepthwiseConv2DParams;
  const c = input[2]!;
  const pad = windowPadding(input, p, p.kernel_size, p.dilation_rate);
  const symmetric = 'symmetric' in pad ? pad.symmetric : ([0, 0] as const);
  const extra = [`groups=${c}`, ...(p.use_bias ? [] : ['bias=False'])];
  return {
    init: [
      `self.${v} = nn.Conv2d(${c}, ${c * p.depth_multiplier}, kernel_size=${tuple(p.kernel_size)}${convArgs(p.strides, symmetric, p.dilation_rate, extra)})`,
    ],
    forward: activate(p.activation, `self.${v}(${padded(x, pad)})`, 3),
    ...('sides' in pad ? { comment: UNEVEN } : {}),
    load: [
      copy(`model.${v}.weight`, layer.name, 'depthwise_kernel', depthwiseToGrouped(p.kernel_size, c, p.depth_multiplier)),
      ...(p.use_bias ? [copy(`model.${v}.bias`, layer.name, 'bias')] : []),
    ],
  };
}

function separableCode(layer: NetworkLayer, v: string, x: string, input: Shape): LayerCode {
  const p = layer.params as SeparableConv2DParams;
  const c = input[2]!;
  const m = c * p.depth_multiplier;
  const pad = windowPadding(input, p, p.kernel_size, p.dilation_rate);
  const symmetric = 'symmetric' in pad ? pad.symmetric : ([0, 0] as const);
  return {
    init: [
      `self.${v} = nn.Sequential(OrderedDict(`,
      `    depthwise=nn.Conv2d(${c}, ${m}, kernel_size=${tuple(p.kernel_size)}${convArgs(p.strides, symmetric, p.dilation_rate, [`groups=${c}`, 'bias=False'])}),`,
      `    pointwise=nn.Conv2d(${m}, ${p.filters}, kernel_size=1${p.use_bias ? '' : ', bias=False'}),`,
      '))',
    ],
    forward: activate(p.activation, `self.${v}(${padded(x, pad)})`, 3),
    ...('sides' in pad ? { comment: UNEVEN } : {}),
    load: [
      copy(`model.${v}.depthwise.weight`, layer.name, 'depthwise_kernel', depthwiseToGrouped(p.kernel_size, c, p.depth_multiplier)),
      copy(`model.${v}.pointwise.weight`, layer.name, 'pointwise_kernel', HWIO_TO_OIHW),
      ...(p.use_bias ? [copy(`model.${v}.pointwise.bias`, layer.name, 'bias')] : []),
    ],
  };
}

/**
 * A transposed convolution with TensorFlow's output size: 'valid' gives (n−1)·s + max(k, s), 'same' n·s with
 * (k − s) cropped, the odd one at the end. PyTorch crops evenly and grows only at the end (output_padding),
 * so an uneven crop keeps one more row or column and slices it off.
 */
function transposeCode(layer: NetworkLayer, v: string, x: string, input: Shape, output: Shape): LayerCodeResult {
  const p = layer.params as Conv2DTransposeParams;
  if (p.output_padding) return { ok: false, problem: { code: 'transpose-output-padding', values: { layer: layer.name } } };
  if (p.dilation_rate.some((d) => d > 1)) return { ok: false, problem: { code: 'transpose-dilation', values: { layer: layer.name } } };
  const axes = [0, 1].map((i) => {
    const k = p.kernel_size[i]!;
    const s = p.strides[i]!;
    const grow = Math.max(s - k, 0);
    if (p.padding === 'valid') return { crop: 0, grow, slice: false };
    const total = Math.max(k - s, 0);
    const before = Math.floor(total / 2);
    return { crop: before, grow, slice: total - before !== before };
  });
  const crop: Pair = [axes[0]!.crop, axes[1]!.crop];
  const extra = [
    ...(axes.some((a) => a.grow > 0) ? [`output_padding=${tuple([axes[0]!.grow, axes[1]!.grow])}`] : []),
    ...(p.use_bias ? [] : ['bias=False']),
  ];
  const sliced = axes.some((a) => a.slice);
  const call = `self.${v}(${x})${sliced ? `[:, :, :${output[0]}, :${output[1]}]` : ''}`;
  return {
    ok: true,
    code: {
      init: [
        `self.${v} = nn.ConvTranspose2d(${input[2]}, ${p.filters}, kernel_size=${tuple(p.kernel_size)}${convArgs(p.strides, crop, [1, 1], extra)})`,
      ],
      forward: activate(p.activation, call, 3),
      ...(sliced ? { comment: "TensorFlow crops the odd row or column of 'same' at the end: PyTorch keeps it, the slice drops it" } : {}),
      load: [
        // TensorFlow's transposed kernel is [h, w, out, in]; PyTorch's [in, out, h, w].
        copy(`model.${v}.weight`, layer.name, 'kernel', HWIO_TO_OIHW),
        ...(p.use_bias ? [copy(`model.${v}.bias`, layer.name, 'bias')] : []),
      ],
    },
  };
}

/** A window's padding as F.pad's (left, right, top, bottom); undefined when there is none. */
function padSides(pad: ReturnType<typeof windowPadding>): readonly number[] | undefined {
  const sides = 'sides' in pad ? pad.sides : [pad.symmetric[1], pad.symmetric[1], pad.symmetric[0], pad.symmetric[0]];
  return sides.some((n) => n > 0) ? sides : undefined;
}

function poolingCode(layer: NetworkLayer, v: string, x: string, input: Shape): LayerCode {
  const p = layer.params as PoolingParams;
  const sides = padSides(windowPadding(input, p, p.pool_size, [1, 1]));
  const stride = p.strides[0] === p.pool_size[0] && p.strides[1] === p.pool_size[1] ? '' : `, stride=${tuple(p.strides)}`;
  if (layer.kind === 'MaxPooling2D') {
    return {
      init: [`self.${v} = nn.MaxPool2d(${tuple(p.pool_size)}${stride})`],
      forward: `self.${v}(${sides ? `F.pad(${x}, ${tuple(sides)}, value=float('-inf'))` : x})`,
      ...(sides ? { comment: "TensorFlow's 'same' max pooling never picks the padding: pad with -inf, the odd one at the end" } : {}),
      load: [],
    };
  }
  if (sides) {
    return {
      init: [],
      forward: `average_pool_same(${x}, ${tuple(p.pool_size)}, ${tuple(p.strides)}, ${tuple(sides)})`,
      load: [],
      helpers: ['average-pool-same'],
    };
  }
  return { init: [`self.${v} = nn.AvgPool2d(${tuple(p.pool_size)}${stride})`], forward: `self.${v}(${x})`, load: [] };
}

function denseCode(layer: NetworkLayer, v: string, x: string, input: Shape): LayerCode {
  const p = layer.params as DenseParams;
  const rank = input.length;
  // Keras's Dense acts on the last axis: an image's channels, which PyTorch holds at dim 1.
  const call = rank === 3 ? `self.${v}(${x}.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)` : `self.${v}(${x})`;
  return {
    init: [`self.${v} = nn.Linear(${input[rank - 1]}, ${p.units}${p.use_bias ? '' : ', bias=False'})`],
    forward: activate(p.activation, call, rank),
    load: [
      // Keras's kernel is [in, out]; PyTorch's weight [out, in].
      copy(`model.${v}.weight`, layer.name, 'kernel', '.T'),
      ...(p.use_bias ? [copy(`model.${v}.bias`, layer.name, 'bias')] : []),
    ],
  };
}

function batchNormCode(layer: NetworkLayer, v: string, x: string, input: Shape): LayerCode {
  const p = layer.params as BatchNormalizationParams;
  const rank = input.length;
  const c = input[rank - 1]!;
  // PyTorch's momentum weighs the new batch, Keras's the running value: 1 − momentum.
  const settings = `eps=${decimal(p.epsilon)}, momentum=${decimal(1 - p.momentum)}`;
  const partial = !(p.center && p.scale);
  const init = partial
    ? `self.${v} = BatchNormalization(${c}, ${settings}, scale=${py(p.scale)}, center=${py(p.center)})`
    : `self.${v} = nn.BatchNorm${rank === 3 ? '2d' : '1d'}(${c}, ${settings})`;
  // Keras normalises the last axis; a (N, a, b) tensor has it last, where BatchNorm1d wants it at dim 1.
  const call = rank === 2 ? `self.${v}(${x}.transpose(1, 2)).transpose(1, 2)` : `self.${v}(${x})`;
  return {
    init: [init],
    forward: call,
    load: [
      ...(p.scale ? [copy(`model.${v}.weight`, layer.name, 'gamma')] : []),
      ...(p.center ? [copy(`model.${v}.bias`, layer.name, 'beta')] : []),
      copy(`model.${v}.running_mean`, layer.name, 'moving_mean'),
      copy(`model.${v}.running_var`, layer.name, 'moving_variance'),
    ],
    ...(partial ? { helpers: ['batch-norm-partial'] as const } : {}),
  };
}

function layerNormCode(layer: NetworkLayer, v: string, x: string, input: Shape): LayerCodeResult {
  const p = layer.params as LayerNormalizationParams;
  const rank = input.length;
  const indices = axesOf(p).map((a) => sampleAxis(a, input));
  if (indices.some((i) => i === undefined)) return { ok: false, problem: { code: 'axis-outside', values: { layer: layer.name } } };
  const at = (indices as number[]).map((i) => torchDim(i, rank));
  const sorted = [...at].sort((a, b) => a - b);
  const shape = Array.from({ length: rank + 1 }, (_, d) => (at.includes(d) ? input[indices[at.indexOf(d)]!]! : 1));
  // Keras (and TensorFlow.js) reshape gamma and beta straight into the normalised dimensions in NHWC order,
  // whatever order the axes were listed in; PyTorch's NCHW puts the channels first.
  const kerasOrder = [...(indices as number[])].sort((a, b) => a - b);
  const order = sorted.map((d) => kerasOrder.indexOf(indices[at.indexOf(d)]!));
  const identity = order.every((o, i) => o === i);
  const transform = identity
    ? `.reshape(${tuple(shape)})`
    : `.reshape(${tuple(kerasOrder.map((i) => input[i]!))}).transpose(${order.join(', ')}).reshape(${tuple(shape)})`;
  return {
    ok: true,
    code: {
      init: [
        `self.${v} = LayerNormalization(${tuple(sorted)}, ${tuple(shape)}, eps=${decimal(p.epsilon)}, scale=${py(p.scale)}, center=${py(p.center)})`,
      ],
      forward: `self.${v}(${x})`,
      load: [
        ...(p.scale ? [copy(`model.${v}.weight`, layer.name, 'gamma', transform)] : []),
        ...(p.center ? [copy(`model.${v}.bias`, layer.name, 'beta', transform)] : []),
      ],
      helpers: ['layer-norm'],
    },
  };
}

/** Keras's ReLU with its options: below the threshold negative_slope·(x − threshold), capped at max_value. */
function reluCode(p: ReLUParams, x: string): string {
  if (p.threshold === 0 && p.negative_slope === 0)
    return p.max_value === null ? `torch.relu(${x})` : `torch.clamp(${x}, 0, ${decimal(p.max_value)})`;
  if (p.threshold === 0 && p.max_value === null) return `F.leaky_relu(${x}, ${decimal(p.negative_slope)})`;
  // Keras's own formula, term by term.
  const kept = p.threshold === 0 ? `torch.relu(${x})` : `${x} * (${x} > ${decimal(p.threshold)})`;
  const capped = p.max_value === null ? kept : `torch.clamp(${kept}, 0, ${decimal(p.max_value)})`;
  if (p.negative_slope === 0) return capped;
  return `${capped} - ${decimal(p.negative_slope)} * torch.relu(${decimal(p.threshold)} - ${x})`;
}

function mergeCode(layer: NetworkLayer, xs: readonly string[], input: Shape): LayerCodeResult {
  const code = (forward: string): LayerCodeResult => ({ ok: true, code: { init: [], forward, load: [] } });
  switch (layer.kind) {
    case 'Add':
      return code(xs.join(' + '));
    case 'Multiply':
      return code(xs.join(' * '));
    case 'Average':
      return code(`(${xs.join(' + ')}) / ${xs.length}`);
    case 'Maximum':
    case 'Minimum': {
      const fn = layer.kind === 'Maximum' ? 'torch.maximum' : 'torch.minimum';
      return code(xs.slice(1).reduce((acc, x) => `${fn}(${acc}, ${x})`, xs[0]!));
    }
    default: {
      const dim = torchAxis((layer.params as ConcatenateParams).axis, input);
      if (dim === undefined) return { ok: false, problem: { code: 'axis-outside', values: { layer: layer.name } } };
      return code(`torch.cat([${xs.join(', ')}], dim=${dim})`);
    }
  }
}

/**
 * The PyTorch of `layer`, whose variable (and attribute) is `v` and whose inputs are the variables `xs`
 * in port order; or why it cannot be written exactly.
 */
export function layerCode(layer: NetworkLayer, v: string, xs: readonly string[]): LayerCodeResult {
  const x = xs[0]!;
  const input = layer.inputShapes[0]!;
  const rank = input.length;
  const done = (code: LayerCode): LayerCodeResult => ({ ok: true, code });
  const plain = (forward: string, comment?: string) => done({ init: [], forward, load: [], ...(comment ? { comment } : {}) });
  switch (layer.kind) {
    case 'Conv2D':
      return done(conv2dCode(layer, v, x, input));
    case 'DepthwiseConv2D':
      return done(depthwiseCode(layer, v, x, input));
    case 'SeparableConv2D':
      return done(separableCode(layer, v, x, input));
    case 'Conv2DTranspose':
      return transposeCode(layer, v, x, input, layer.outputShape);
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return done(poolingCode(layer, v, x, input));
    case 'Dense':
      return done(denseCode(layer, v, x, input));
    case 'BatchNormalization':
      return done(batchNormCode(layer, v, x, input));
    case 'LayerNormalization':
      return layerNormCode(layer, v, x, input);
    case 'Dropout':
      return done({
        init: [`self.${v} = nn.Dropout(${decimal((layer.params as DropoutParams).rate)})`],
        forward: `self.${v}(${x})`,
        load: [],
      });
    case 'Activation':
      return plain(activate((layer.params as ActivationParams).activation, x, rank));
    case 'ReLU':
      return plain(reluCode(layer.params as ReLUParams, x));
    case 'LeakyReLU':
      return plain(`F.leaky_relu(${x}, ${decimal((layer.params as LeakyReLUParams).negative_slope)})`);
    case 'Softmax': {
      const dim = torchAxis((layer.params as SoftmaxParams).axis, input);
      if (dim === undefined) return { ok: false, problem: { code: 'axis-outside', values: { layer: layer.name } } };
      return plain(`torch.softmax(${x}, dim=${dim})`);
    }
    case 'Flatten':
      return rank === 3
        ? plain(
            `torch.flatten(${x}.permute(0, 2, 3, 1), 1)`,
            "Keras flattens channels-last (NHWC) order, and the next layer's weights expect it",
          )
        : plain(`torch.flatten(${x}, 1)`);
    case 'GlobalAveragePooling2D':
      return plain(`${x}.mean(dim=(2, 3))`);
    case 'GlobalMaxPooling2D':
      return plain(`${x}.amax(dim=(2, 3))`);
    case 'ZeroPadding2D': {
      const [[top, bottom], [left, right]] = (layer.params as ZeroPadding2DParams).padding;
      return done({ init: [`self.${v} = nn.ZeroPad2d(${tuple([left, right, top, bottom])})`], forward: `self.${v}(${x})`, load: [] });
    }
    case 'Cropping2D': {
      const [[top], [left]] = (layer.params as Cropping2DParams).cropping;
      const [h, w] = layer.outputShape;
      return plain(`${x}[:, :, ${top}:${top + h!}, ${left}:${left + w!}]`);
    }
    case 'UpSampling2D': {
      const p = layer.params as UpSampling2DParams;
      const mode = p.interpolation === 'bilinear' ? "mode='bilinear', align_corners=False" : "mode='nearest'";
      return done({
        init: [`self.${v} = nn.Upsample(scale_factor=${tuple(p.size)}, ${mode})`],
        forward: `self.${v}(${x})`,
        load: [],
        ...(p.interpolation === 'bilinear'
          ? { comment: "Keras's bilinear resize samples at half-pixel centres: align_corners=False" }
          : {}),
      });
    }
    case 'Reshape': {
      const out = layer.outputShape;
      return plain(
        fromKerasOrder(`${toKerasOrder(x, rank)}.reshape(-1, ${out.join(', ')})`, out.length),
        'Keras reshapes in its own (NHWC) order',
      );
    }
    case 'Add':
    case 'Multiply':
    case 'Average':
    case 'Maximum':
    case 'Minimum':
    case 'Concatenate':
      return mergeCode(layer, xs, input);
  }
}
