import type { Dictionary, Message } from '../../dictionary';
import type { TemplateId } from '../../../project/templates';

type Codes = `${TemplateId}.name` | `${TemplateId}.description`;

/** The templates' titles and descriptions in English (as their files hold them). */
export const en = {
  'lecture-cnn.name': 'Lecture CNN',
  'lecture-cnn.description':
    "The lecture's Fashion-MNIST CNN: one 3×3 convolution with 'same' padding, 2×2 max pooling, a 100-unit hidden layer.",
  'lecture-cnn-dropout.name': 'Lecture CNN with Dropout',
  'lecture-cnn-dropout.description': "The lecture's CNN with Dropout(0.5) after Flatten, to curb overfitting.",
  'lenet-5.name': 'LeNet-5',
  'lenet-5.description': 'LeCun et al. (1998): 32×32 input, tanh, average pooling; C5 is a 5×5 convolution over a 5×5 map.',
  'tensorflow-tutorial-cnn.name': 'TensorFlow tutorial CNN',
  'tensorflow-tutorial-cnn.description':
    "The TensorFlow CNN tutorial's network: two 5×5 'same' convolutions (32, 64), 2×2 pooling after each, Dense 1024 with Dropout 0.4.",
  'small-resnet.name': 'Small ResNet',
  'small-resnet.description':
    'He et al. (2015) in miniature for 28\u00d728\u00d71: residual blocks with an identity skip and two projection skips (a 1\u00d71 Conv2D with strides 2), joined by Add, then global average pooling.',
  'inception-block.name': 'Inception-style block',
  'inception-block.description':
    'Szegedy et al. (2014): one block of four parallel branches (1\u00d71; 1\u00d71 then 3\u00d73; 1\u00d71 then 5\u00d75; 3\u00d73 max pooling then 1\u00d71) joined by Concatenate along the channels.',
  'mobilenet-separable.name': 'MobileNet-style stack',
  'mobilenet-separable.description':
    'Howard et al. (2017): a depthwise 3\u00d73 then pointwise 1\u00d71 pair, then SeparableConv2D with strides 2, each followed by BatchNormalization and ReLU capped at 6.',
} as const satisfies Dictionary & Record<Codes, Message>;
