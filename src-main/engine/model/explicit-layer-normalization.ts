import * as tf from '@tensorflow/tfjs';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
type Shape = (number | null)[];

export interface ExplicitLayerNormalizationArgs extends LayerArgs {
  /** Keras's axes, counted with the batch (1 is a sample's first dimension, -1 its last). */
  readonly axis: number | readonly number[];
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
}

/**
 * Keras's LayerNormalization written with plain ops: (x − mean) / sqrt(variance + epsilon) over the
 * axes, then · gamma and + beta where enabled. TensorFlow.js's own cannot train without gamma or beta
 * (its batchNorm gradient reads the missing scale or offset), so this one is used when center or scale
 * is off. Its weights and config are those of TensorFlow.js's LayerNormalization, as which it serializes.
 */
export class ExplicitLayerNormalization extends tf.layers.Layer {
  static className = 'LayerNormalization';
  private readonly axis: number[];
  private readonly epsilon: number;
  private readonly center: boolean;
  private readonly scale: boolean;
  /** The axes as indices of the batched shape, once built. */
  private axes: number[] = [];
  private gamma: tf.LayerVariable | null = null;
  private beta: tf.LayerVariable | null = null;

  constructor(args: ExplicitLayerNormalizationArgs) {
    super(args);
    this.axis = typeof args.axis === 'number' ? [args.axis] : [...args.axis];
    this.epsilon = args.epsilon;
    this.center = args.center;
    this.scale = args.scale;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    this.axes = this.axis.map((a) => (a < 0 ? a + shape.length : a));
    const weightShape = this.axes.map((a) => shape[a] ?? null);
    if (this.scale) this.gamma = this.addWeight('gamma', weightShape, 'float32', tf.initializers.ones());
    if (this.center) this.beta = this.addWeight('beta', weightShape, 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const { mean, variance } = tf.moments(x, this.axes, true);
      let y = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, this.epsilon)));
      // gamma and beta span the normalized axes; 1 elsewhere broadcasts them over the rest.
      const along = x.shape.map((d, i) => (this.axes.includes(i) ? d : 1));
      if (this.gamma) y = tf.mul(y, tf.reshape(this.gamma.read(), along));
      if (this.beta) y = tf.add(y, tf.reshape(this.beta.read(), along));
      return y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axis: [...this.axis], epsilon: this.epsilon, center: this.center, scale: this.scale };
  }
}
