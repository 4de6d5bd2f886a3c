import type { Dictionary, Message } from '../../dictionary';
import type { CaptionCode, DescriptionCode, HelpCode } from '../../../layers/types';

/** Every code of the layer kinds has its words: a new code without them fails the type-check. */
type Codes = `describe.${DescriptionCode}` | `caption.${CaptionCode}` | `help.${HelpCode}`;

/**
 * The layer kinds in English: the parts of a node's one-line description, the captions beside
 * formulas, and the help of every parameter.
 */
export const en = {
  'describe.kernels': '{n} × {kh}×{kw}',
  'describe.stride': 'stride {h}×{w}',
  'describe.dilation': 'dilation {h}×{w}',
  'describe.keras': '{value}',
  'describe.units': { count: 'n', one: '{n} unit', other: '{n} units' },
  'describe.window': '{h}×{w}',
  'describe.rate': 'rate {rate}',
  'describe.momentum': 'momentum {momentum}',
  'describe.shape': '{dims}',
  'describe.to-vector': 'to a vector',
  'describe.mean-per-channel': 'mean per channel',
  /** Between the parts of a description. */
  'describe.separator': ', ',

  /** A formula followed by its caption. */
  'caption.line': '{formula} ({caption})',
  'caption.unchanged': 'unchanged',
  'caption.last-axis': 'unchanged: Dense acts on the last axis',
  'caption.given': 'given',
  'caption.units': 'units',
  'caption.filters': 'filters',
  'caption.channels': 'channels',
  'caption.no-weights': 'no weights',
  'caption.no-macs': 'no multiply-accumulates',
  'caption.pool-max': 'no multiplications: a maximum per window',
  'caption.pool-average': 'no multiplications: an average per window',
  'caption.channel-average': 'one average per channel over {h}×{w}',
  'caption.channel-average-macs': 'no multiply-accumulates: one average per channel',
  'caption.no-gamma-beta': 'no gamma or beta',
  'caption.learned': '{names}',
  'caption.moving-stats': 'moving mean + moving variance',
  'caption.multiply-add': 'one multiply-add per value',

  'help.InputLayer.shape': 'Shape of one sample without the batch dimension: 28, 28, 1 for a grayscale 28×28 image.',
  'help.Conv2D.filters': 'Number of kernels, i.e. output channels (feature maps).',
  'help.Conv2D.kernel_size': 'Height and width of each kernel.',
  'help.Conv2D.strides': 'Step of the sliding window along height and width.',
  'help.Conv2D.padding': "'valid': no padding; 'same': zero-pad so the output is ceil(n / stride).",
  'help.Conv2D.dilation_rate': 'Spacing between kernel taps; >1 widens the view without more weights.',
  'help.Conv2D.activation': 'Function applied to each output value.',
  'help.Conv2D.use_bias': 'Add one learned bias per filter.',
  'help.Conv2D.kernel_initializer': 'How kernel weights start.',
  'help.Conv2D.bias_initializer': 'How biases start.',
  'help.MaxPooling2D.pool_size': 'Height and width of the window whose maximum is taken.',
  'help.MaxPooling2D.strides': 'Step of the window; empty means the same as pool_size.',
  'help.MaxPooling2D.padding': "'valid': drop what does not fit; 'same': pad so the output is ceil(n / stride).",
  'help.AveragePooling2D.pool_size': 'Height and width of the window whose average is taken.',
  'help.AveragePooling2D.strides': 'Step of the window; empty means the same as pool_size.',
  'help.AveragePooling2D.padding': "'valid': drop what does not fit; 'same': pad so the output is ceil(n / stride).",
  'help.Activation.activation': 'Function applied to every value.',
  'help.Dropout.rate': 'Fraction of inputs set to 0 while training (the rest are scaled by 1 / (1 − rate)).',
  'help.Dense.units': 'Number of neurons, i.e. the size of the output vector.',
  'help.Dense.activation': 'Function applied to each output.',
  'help.Dense.use_bias': 'Add one learned bias per unit.',
  'help.Dense.kernel_initializer': 'How weights start.',
  'help.Dense.bias_initializer': 'How biases start.',
  'help.BatchNormalization.momentum': 'How slowly the moving mean and variance follow the batches.',
  'help.BatchNormalization.epsilon': 'Added to the variance so it is never divided by 0.',
  'help.BatchNormalization.center': 'Learn an offset beta per channel.',
  'help.BatchNormalization.scale': 'Learn a factor gamma per channel.',
} as const satisfies Dictionary & Record<Codes, Message>;
