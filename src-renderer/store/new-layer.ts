import type { LayerKindId } from '../../src-shared/layers/types';

/**
 * Parameters of a layer fresh from the palette: the required ones, with the lecture's values
 * (a 3×3 convolution with 10 filters and 'same' padding, 2×2 pooling, a 100-unit hidden layer),
 * so a dropped layer is valid at once. Everything else takes the Keras default.
 */
export function newLayerParams(kind: LayerKindId): Record<string, unknown> {
  switch (kind) {
    case 'InputLayer':
      return { shape: [28, 28, 1] };
    case 'Conv2D':
      return { filters: 10, kernel_size: [3, 3], padding: 'same', activation: 'relu' };
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return { pool_size: [2, 2] };
    case 'Activation':
      return { activation: 'relu' };
    case 'Dropout':
      return { rate: 0.5 };
    case 'Dense':
      return { units: 100, activation: 'relu' };
    case 'DepthwiseConv2D':
      return { kernel_size: [3, 3], padding: 'same', activation: 'relu' };
    case 'SeparableConv2D':
      return { filters: 10, kernel_size: [3, 3], padding: 'same', activation: 'relu' };
    // The usual upsampling step: stride 2 with 'same' doubles height and width (28×28 → 56×56).
    case 'Conv2DTranspose':
      return { filters: 10, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' };
    case 'Flatten':
    case 'BatchNormalization':
    case 'GlobalAveragePooling2D':
    case 'ReLU':
    case 'LeakyReLU':
    case 'Softmax':
    case 'Add':
    case 'Multiply':
    case 'Average':
    case 'Maximum':
    case 'Minimum':
    case 'Concatenate':
      return {};
    // Keras's defaults: 1 zero on every side, no cropping (set it in the inspector), 2×2 nearest, axis -1.
    case 'ZeroPadding2D':
    case 'Cropping2D':
    case 'UpSampling2D':
    case 'GlobalMaxPooling2D':
    case 'LayerNormalization':
      return {};
    // Keras has no default; -1 alone fits any input (it is what Flatten does).
    case 'Reshape':
      return { target_shape: [-1] };
  }
}
