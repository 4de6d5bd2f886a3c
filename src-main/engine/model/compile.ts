import * as tf from '@tensorflow/tfjs';
import type { NetworkLayer, Network } from '../../../src-shared/graph/network';
import type { Conv2DParams } from '../../../src-shared/layers/conv2d';
import type { PoolingParams } from '../../../src-shared/layers/pooling';
import type { DenseParams } from '../../../src-shared/layers/dense';
import type { DropoutParams } from '../../../src-shared/layers/dropout';
import type { ActivationParams } from '../../../src-shared/layers/activation';
import type { BatchNormalizationParams } from '../../../src-shared/layers/batch-normalization';
import type { ActivationName, InitializerName } from '../../../src-shared/layers/params';
import type { LeakyReLUParams, ReLUParams, SoftmaxParams } from '../../../src-shared/layers/activation-layers';
import type { ConcatenateParams } from '../../../src-shared/layers/merges';
import { reluTrainsInTfjs } from '../../../src-shared/training/compatibility';
import type { DepthwiseConv2DParams } from '../../../src-shared/layers/depthwise-conv2d';
import type { SeparableConv2DParams } from '../../../src-shared/layers/separable-conv2d';
import type { Conv2DTransposeParams } from '../../../src-shared/layers/conv2d-transpose';
import type { ZeroPadding2DParams } from '../../../src-shared/layers/zero-padding2d';
import type { Cropping2DParams } from '../../../src-shared/layers/cropping2d';
import type { UpSampling2DParams } from '../../../src-shared/layers/up-sampling2d';
import type { ReshapeParams } from '../../../src-shared/layers/reshape';
import type { LayerNormalizationParams } from '../../../src-shared/layers/layer-normalization';
import { BilinearUpSampling2D } from './bilinear-up-sampling';
import { ResolvedReshape } from './resolved-reshape';
import { ExplicitLayerNormalization } from './explicit-layer-normalization';

type TfActivation = NonNullable<Parameters<typeof tf.layers.dense>[0]['activation']>;

function activation(name: ActivationName): TfActivation {
  return (name === 'hard_sigmoid' ? 'hardSigmoid' : name) as TfActivation;
}

/** A seeded initializer, so the same seed gives the same starting weights. */
type Initializer = ReturnType<typeof tf.initializers.zeros>;

function initializer(name: InitializerName, seed: number): Initializer {
  const i = tf.initializers;
  switch (name) {
    case 'glorot_uniform':
      return i.glorotUniform({ seed });
    case 'glorot_normal':
      return i.glorotNormal({ seed });
    case 'he_uniform':
      return i.heUniform({ seed });
    case 'he_normal':
      return i.heNormal({ seed });
    case 'lecun_uniform':
      return i.leCunUniform({ seed });
    case 'lecun_normal':
      return i.leCunNormal({ seed });
    case 'zeros':
      return i.zeros();
    case 'ones':
      return i.ones();
    // Keras's defaults for the plain random initializers.
    case 'random_normal':
      return i.randomNormal({ mean: 0, stddev: 0.05, seed });
    case 'random_uniform':
      return i.randomUniform({ minval: -0.05, maxval: 0.05, seed });
    case 'truncated_normal':
      return i.truncatedNormal({ mean: 0, stddev: 0.05, seed });
    case 'orthogonal':
      return i.orthogonal({ gain: 1, seed });
  }
}

/** The settings every convolution kind shares with Keras's names, its bias seeded from `seed` + 1 as each kind's always was. */
function convolutionArgs(
  p: Pick<Conv2DParams, 'kernel_size' | 'strides' | 'padding' | 'activation' | 'use_bias' | 'bias_initializer'>,
  seed: number,
) {
  return {
    kernelSize: p.kernel_size,
    strides: p.strides,
    padding: p.padding,
    activation: activation(p.activation),
    useBias: p.use_bias,
    biasInitializer: initializer(p.bias_initializer, seed + 1),
  };
}

/** The TensorFlow.js layer of one Convas layer; merges are applied by the caller to several tensors. */
export function layerFor(
  layer: Pick<NetworkLayer, 'name' | 'kind' | 'params'>,
  seed: number,
  first: { batchInputShape?: (number | null)[] },
): tf.layers.Layer {
  const base = { name: layer.name, ...first };
  switch (layer.kind) {
    case 'Conv2D': {
      const p = layer.params as Conv2DParams;
      return tf.layers.conv2d({
        ...base,
        ...convolutionArgs(p, seed),
        filters: p.filters,
        dilationRate: p.dilation_rate,
        kernelInitializer: initializer(p.kernel_initializer, seed),
      });
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const p = layer.params as PoolingParams;
      const args = { ...base, poolSize: p.pool_size, strides: p.strides, padding: p.padding };
      return layer.kind === 'MaxPooling2D' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    }
    case 'Activation':
      return tf.layers.activation({ ...base, activation: activation((layer.params as ActivationParams).activation) });
    case 'Dropout':
      return tf.layers.dropout({ ...base, rate: (layer.params as DropoutParams).rate, seed });
    case 'Flatten':
      return tf.layers.flatten(base);
    case 'Dense': {
      const p = layer.params as DenseParams;
      return tf.layers.dense({
        ...base,
        units: p.units,
        activation: activation(p.activation),
        useBias: p.use_bias,
        kernelInitializer: initializer(p.kernel_initializer, seed),
        biasInitializer: initializer(p.bias_initializer, seed + 1),
      });
    }
    case 'BatchNormalization': {
      const p = layer.params as BatchNormalizationParams;
      return tf.layers.batchNormalization({
        ...base,
        axis: -1,
        momentum: p.momentum,
        epsilon: p.epsilon,
        center: p.center,
        scale: p.scale,
      });
    }
    case 'GlobalAveragePooling2D':
      return tf.layers.globalAveragePooling2d(base);
    case 'ReLU': {
      const p = layer.params as ReLUParams;
      // Keras's ReLU with a slope and nothing else is exactly a leaky ReLU (Keras itself computes it so).
      if (!reluTrainsInTfjs(p)) throw new Error(`TensorFlow.js has no layer for ${layer.name}'s ReLU settings; planTraining refuses them`);
      if (p.negative_slope !== 0) return tf.layers.leakyReLU({ ...base, alpha: p.negative_slope });
      return tf.layers.reLU({ ...base, maxValue: p.max_value ?? undefined });
    }
    case 'LeakyReLU':
      return tf.layers.leakyReLU({ ...base, alpha: (layer.params as LeakyReLUParams).negative_slope });
    case 'Softmax':
      // Always explicit: TensorFlow.js's Softmax layer defaults to axis 1, Keras's to -1.
      return tf.layers.softmax({ ...base, axis: (layer.params as SoftmaxParams).axis });
    case 'Add':
      return tf.layers.add(base);
    case 'Multiply':
      return tf.layers.multiply(base);
    case 'Average':
      return tf.layers.average(base);
    case 'Maximum':
      return tf.layers.maximum(base);
    case 'Minimum':
      return tf.layers.minimum(base);
    case 'Concatenate':
      return tf.layers.concatenate({ ...base, axis: (layer.params as ConcatenateParams).axis });
    case 'DepthwiseConv2D': {
      const p = layer.params as DepthwiseConv2DParams;
      // tfjs-layers 4 drops dilationRate here (its call passes none), so a dilated one would be a different layer.
      if (p.dilation_rate.some((d) => d > 1)) throw new Error(`${layer.name}: TensorFlow.js's DepthwiseConv2D ignores dilation_rate`);
      return tf.layers.depthwiseConv2d({
        ...base,
        ...convolutionArgs(p, seed),
        depthMultiplier: p.depth_multiplier,
        depthwiseInitializer: initializer(p.depthwise_initializer, seed),
      });
    }
    case 'SeparableConv2D': {
      const p = layer.params as SeparableConv2DParams;
      return tf.layers.separableConv2d({
        ...base,
        ...convolutionArgs(p, seed),
        filters: p.filters,
        dilationRate: p.dilation_rate,
        depthMultiplier: p.depth_multiplier,
        depthwiseInitializer: initializer(p.depthwise_initializer, seed),
        pointwiseInitializer: initializer(p.pointwise_initializer, seed + 2),
      });
    }
    case 'Conv2DTranspose': {
      const p = layer.params as Conv2DTransposeParams;
      // tfjs-layers 4 has no output_padding and ignores dilationRate; its sizes match Keras's only without them.
      if (p.output_padding) throw new Error(`${layer.name}: TensorFlow.js's Conv2DTranspose has no output_padding`);
      if (p.dilation_rate.some((d) => d > 1)) throw new Error(`${layer.name}: TensorFlow.js's Conv2DTranspose ignores dilation_rate`);
      return tf.layers.conv2dTranspose({
        ...base,
        ...convolutionArgs(p, seed),
        filters: p.filters,
        kernelInitializer: initializer(p.kernel_initializer, seed),
      });
    }
    // Copies of the params' arrays: TensorFlow.js keeps what it is given, and LayerNormalization rewrites its axes.
    case 'ZeroPadding2D': {
      const [[top, bottom], [left, right]] = (layer.params as ZeroPadding2DParams).padding;
      return tf.layers.zeroPadding2d({
        ...base,
        padding: [
          [top, bottom],
          [left, right],
        ],
      });
    }
    case 'Cropping2D': {
      const [[top, bottom], [left, right]] = (layer.params as Cropping2DParams).cropping;
      return tf.layers.cropping2D({
        ...base,
        cropping: [
          [top, bottom],
          [left, right],
        ],
      });
    }
    case 'UpSampling2D': {
      const p = layer.params as UpSampling2DParams;
      // TensorFlow.js's bilinear resize is not Keras's (see BilinearUpSampling2D); its nearest is: each value repeated.
      if (p.interpolation === 'bilinear') return new BilinearUpSampling2D({ ...base, size: p.size });
      return tf.layers.upSampling2d({ ...base, size: [...p.size], interpolation: 'nearest' });
    }
    case 'GlobalMaxPooling2D':
      return tf.layers.globalMaxPooling2d(base);
    case 'Reshape':
      // TensorFlow.js's Reshape leaves a -1 unknown in its output shape (see ResolvedReshape).
      return new ResolvedReshape({ ...base, targetShape: (layer.params as ReshapeParams).target_shape });
    case 'LayerNormalization': {
      const p = layer.params as LayerNormalizationParams;
      const args = { ...base, axis: Array.isArray(p.axis) ? [...p.axis] : p.axis, epsilon: p.epsilon, center: p.center, scale: p.scale };
      // TensorFlow.js's own cannot train without gamma or beta (see ExplicitLayerNormalization).
      return p.center && p.scale ? tf.layers.layerNormalization(args) : new ExplicitLayerNormalization(args);
    }
  }
}

/**
 * Builds the TensorFlow.js model of a validated network; `seed` fixes every initializer. A chain
 * becomes a `tf.sequential` (exports stay Sequential, as Keras would write them); anything else a
 * functional `tf.model` with the layers applied in Keras's order.
 */
export function compileModel(model: Network, seed = 42): tf.LayersModel {
  if (model.chain) {
    const seq = tf.sequential({ name: model.name });
    model.layers.forEach((layer, i) => {
      // TensorFlow.js takes the input shape from the first layer, as its own toJSON writes it.
      const first = i === 0 ? { batchInputShape: [null, ...model.input.shape] } : {};
      seq.add(layerFor(layer, seed + 1000 * (i + 1), first));
    });
    return seq;
  }
  const input = tf.input({ name: model.input.name, shape: [...model.input.shape] });
  const tensors = new Map<string, tf.SymbolicTensor>([[model.input.name, input]]);
  model.layers.forEach((layer, i) => {
    const inputs = layer.inbound.map((name) => {
      const t = tensors.get(name);
      if (!t) throw new Error(`${layer.name}: its input ${name} comes later in the order (the network was not validated)`);
      return t;
    });
    const applied = layerFor(layer, seed + 1000 * (i + 1), {}).apply(inputs.length === 1 ? inputs[0]! : inputs);
    tensors.set(layer.name, applied as tf.SymbolicTensor);
  });
  const output = tensors.get(model.layers[model.layers.length - 1]!.name)!;
  return tf.model({ name: model.name, inputs: input, outputs: output });
}
