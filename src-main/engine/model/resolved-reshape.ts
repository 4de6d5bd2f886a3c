import * as tf from '@tensorflow/tfjs';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
type Shape = (number | null)[];

/** The per-sample target shape with its -1 filled in from the sample's shape; null where the sample's shape is not known. */
export function resolveTarget(sample: readonly (number | null)[], target: readonly number[]): Shape {
  if (sample.some((d) => d === null)) return target.map((d) => (d === -1 ? null : d));
  const n = (sample as number[]).reduce((a, b) => a * b, 1);
  const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const unknown = target.length - target.filter((d) => d !== -1).length;
  if ((unknown === 0 && known !== n) || (unknown === 1 && n % known !== 0) || unknown > 1) {
    throw new Error(`Reshape cannot arrange (${sample.join(', ')}) as (${target.join(', ')})`);
  }
  return target.map((d) => (d === -1 ? n / known : d));
}

/**
 * Keras's Reshape, whose -1 is resolved from the sample's shape (as Keras does when it builds the
 * layer). TensorFlow.js's own counts the unknown batch size as an unknown dimension and leaves the
 * -1 unknown (null) in its output shape, so a Dense or LayerNormalization after it cannot build
 * (tensorflow/tfjs#2719). It serializes as TensorFlow.js's Reshape; once built, with the -1 resolved,
 * so that a saved model loads into TensorFlow.js's own Reshape with a Dense after it.
 */
export class ResolvedReshape extends tf.layers.Layer {
  static className = 'Reshape';
  private readonly targetShape: number[];
  /** The target with its -1 filled in, once the layer knows its input's shape. */
  private resolved: number[] | null = null;

  constructor(args: LayerArgs & { readonly targetShape: readonly number[] }) {
    super(args);
    this.targetShape = [...args.targetShape];
  }

  override build(inputShape: Shape | Shape[]): void {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const target = resolveTarget(s.slice(1), this.targetShape);
    this.resolved = target.every((d) => d !== null) ? (target as number[]) : null;
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    return [s[0] ?? null, ...resolveTarget(s.slice(1), this.targetShape)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.reshape(x, [x.shape[0]!, ...(resolveTarget(x.shape.slice(1), this.targetShape) as number[])]);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), targetShape: [...(this.resolved ?? this.targetShape)] };
  }
}
