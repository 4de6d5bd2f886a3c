import * as tf from '@tensorflow/tfjs';

/** Mean categorical cross-entropy, from probabilities (softmax output, clipped as Keras does) or from logits. */
export function crossEntropy(labels: tf.Tensor2D, output: tf.Tensor, outputIsProbability: boolean): tf.Scalar {
  if (outputIsProbability) {
    const p = tf.clipByValue(output, 1e-7, 1 - 1e-7);
    return tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.log(p)), -1)));
  }
  return tf.losses.softmaxCrossEntropy(labels, output) as tf.Scalar;
}

/** Number of rows whose arg-max matches the label's. */
export function correctCount(labels: tf.Tensor2D, output: tf.Tensor): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(labels, -1), tf.argMax(output, -1)), 'float32'));
}

/** A classes × classes matrix counting [true][predicted]. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) m[labels[i]!]![predicted[i]!]!++;
  return m;
}

/** Accuracy of each class from a confusion matrix (0 for a class with no samples). */
export function perClassAccuracy(matrix: number[][]): number[] {
  return matrix.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? 0 : row[c]! / total;
  });
}
