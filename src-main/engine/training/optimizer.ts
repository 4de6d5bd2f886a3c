import * as tf from '@tensorflow/tfjs';
import type { TrainingSettings } from '../../../src-shared/project/training';

/** The optimizer a setting names, with Keras's defaults for everything but the learning rate. */
export function makeOptimizer(name: TrainingSettings['optimizer'], learningRate: number): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'adam':
      return tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate, 0.9, 0, 1e-7);
    case 'adagrad':
      return tf.train.adagrad(learningRate, 0.1);
  }
}
