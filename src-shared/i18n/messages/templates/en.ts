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
} as const satisfies Dictionary & Record<Codes, Message>;
