import * as tf from '@tensorflow/tfjs';

/** Per-example loss, as Keras losses are: targets and predictions in, one value per example out. */
export type ExampleLoss = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** One optimizer update on a batch already in tensors; returns the batch's total loss (the caller disposes it). */
export type TrainStep = (x: tf.Tensor, y: tf.Tensor) => tf.Scalar;

/**
 * A training step with model.fit's math and none of its per-batch bookkeeping (callbacks,
 * logs, shuffling, slicing copies): the mean over the batch of `loss` on the model run in
 * training mode (dropout active, batch-norm statistics updated) plus any weight-regulariser
 * penalties, minimised by `optimizer` over the model's trainable weights, as fit's train
 * function does.
 */
export function makeTrainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  loss: ExampleLoss = tf.metrics.categoricalCrossentropy,
): TrainStep {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const total = (x: tf.Tensor, y: tf.Tensor): tf.Scalar => {
    let value: tf.Scalar = tf.mean(loss(y, model.apply(x, { training: true }) as tf.Tensor));
    for (const penalty of model.calculateLosses()) value = tf.add(value, penalty);
    return value;
  };
  return (x, y) =>
    tf.tidy(() => {
      const value = optimizer.minimize(() => total(x, y), true, variables);
      if (!value) throw new Error('the optimizer returned no loss');
      return value;
    });
}
