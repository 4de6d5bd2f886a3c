import * as tf from '@tensorflow/tfjs';
import { bilinearWeights } from '../../../src-shared/layers/bilinear-weights';

export { bilinearWeights };

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
type Shape = (number | null)[];

/**
 * Keras's UpSampling2D(interpolation='bilinear'). TensorFlow.js's own samples at i / s (no half-pixel
 * centres), so its values differ from Keras's at every edge, and its gradient kernels ignore the
 * half-pixel option. Here each axis is one matrix product with fixed weights: Keras's values, and an
 * exact gradient on every backend. It serializes as TensorFlow.js's UpSampling2D with the same config.
 */
export class BilinearUpSampling2D extends tf.layers.Layer {
  static className = 'UpSampling2D';
  private readonly size: [number, number];

  constructor(args: LayerArgs & { readonly size: readonly [number, number] }) {
    super(args);
    this.size = [args.size[0], args.size[1]];
    this.inputSpec = [{ ndim: 4 }];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const scaled = (d: number | null | undefined, f: number) => (d == null ? null : d * f);
    return [s[0] ?? null, scaled(s[1], this.size[0]), scaled(s[2], this.size[1]), s[3] ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor4D;
      const [b, h, w, c] = x.shape;
      const [sh, sw] = this.size;
      const rows = tf.tensor2d(bilinearWeights(h, sh), [h, h * sh]);
      const cols = tf.tensor2d(bilinearWeights(w, sw), [w, w * sw]);
      // Height: (b, w, c, h)·(h, h·sh) → (b, w, c, h·sh).
      const tall = tf.matMul(tf.reshape(tf.transpose(x, [0, 2, 3, 1]), [b * w * c, h]), rows);
      // Width: (b, h·sh, c, w)·(w, w·sw) → (b, h·sh, c, w·sw), then channels last again.
      const across = tf.reshape(tf.transpose(tf.reshape(tall, [b, w, c, h * sh]), [0, 3, 2, 1]), [b * h * sh * c, w]);
      return tf.transpose(tf.reshape(tf.matMul(across, cols), [b, h * sh, c, w * sw]), [0, 1, 3, 2]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), size: [...this.size], dataFormat: 'channelsLast', interpolation: 'bilinear' };
  }
}
