import type { LayerKindId } from '../../../src-shared/layers/types';

/**
 * Keras 3's automatic layer names: the class in snake case ("<prefix>", then "<prefix>_1", …), as
 * `to_snake_case` writes them — written out here, never computed with Convas.
 */
export const KERAS_PREFIX: Record<LayerKindId, string> = {
  InputLayer: 'input_layer',
  Conv2D: 'conv2d',
  MaxPooling2D: 'max_pooling2d',
  AveragePooling2D: 'average_pooling2d',
  Activation: 'activation',
  Dropout: 'dropout',
  Flatten: 'flatten',
  Dense: 'dense',
  BatchNormalization: 'batch_normalization',
  GlobalAveragePooling2D: 'global_average_pooling2d',
  ReLU: 're_lu',
  LeakyReLU: 'leaky_re_lu',
  Softmax: 'softmax',
  Add: 'add',
  Multiply: 'multiply',
  Average: 'average',
  Maximum: 'maximum',
  Minimum: 'minimum',
  Concatenate: 'concatenate',
  DepthwiseConv2D: 'depthwise_conv2d',
  SeparableConv2D: 'separable_conv2d',
  Conv2DTranspose: 'conv2d_transpose',
  ZeroPadding2D: 'zero_padding2d',
  Cropping2D: 'cropping2d',
  UpSampling2D: 'up_sampling2d',
  GlobalMaxPooling2D: 'global_max_pooling2d',
  Reshape: 'reshape',
  LayerNormalization: 'layer_normalization',
};
