import * as tf from '@tensorflow/tfjs';
import type { Augmentation } from '../../../src-shared/project/training';
import { augments } from '../../../src-shared/project/training';
import { seededRandom } from '../../../src-shared/util/random';

/**
 * Augmentation of a float batch of images (NHWC, values 0–1, any channel count) as TensorFlow.js
 * ops on the whole batch. The geometric changes (flip, shift, rotation) are one affine resampling
 * per image, so an image is interpolated at most once; brightness and contrast follow, each clipped
 * to 0–1 so an augmented image is still an image.
 */

/** (x, y) → (a·x + b·y + c, d·x + e·y + f): where an output pixel reads the input, row-major [a, b, c, d, e, f]. */
export type Affine = readonly [number, number, number, number, number, number];

const IDENTITY: Affine = [1, 0, 0, 0, 1, 0];

/** p ↦ outer(inner(p)). */
function compose(outer: Affine, inner: Affine): Affine {
  const [a, b, c, d, e, f] = outer;
  const [p, q, r, s, t, u] = inner;
  return [a * p + b * s, a * q + b * t, a * r + b * u + c, d * p + e * s, d * q + e * t, d * r + e * u + f];
}

/** The input pixel an output pixel of a horizontally flipped image reads. */
function flipMap(width: number): Affine {
  return [-1, 0, width - 1, 0, 1, 0];
}

/** The input pixel an output pixel reads after padding `pad` pixels and cropping at (top, left) of the padded image. */
function cropMap(pad: number, top: number, left: number): Affine {
  return [1, 0, left - pad, 0, 1, top - pad];
}

/**
 * The input pixel an output pixel reads when the image turns `degrees` counter-clockwise as seen
 * (rows run down) about its centre.
 */
function rotationMap(degrees: number, height: number, width: number): Affine {
  if (degrees === 0) return IDENTITY;
  const t = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(t), Math.sin(t)];
  const [cx, cy] = [(width - 1) / 2, (height - 1) / 2];
  return [cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy];
}

/**
 * Resamples every image of a batch through its own affine map, bilinearly, reading 0 outside the
 * image (as TensorFlow's ImageProjectiveTransform with fill 0). At whole-pixel positions the result
 * is the input value exactly.
 */
export function affineResample(x: tf.Tensor4D, maps: readonly Affine[]): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  if (maps.length !== n) throw new RangeError(`affineResample: ${maps.length} maps for ${n} images`);
  return tf.tidy(() => {
    const m = tf.tensor2d(maps.flat(), [n, 6], 'float32');
    const col = (k: number) => m.slice([0, k], [n, 1]);
    const xs = tf.tile(tf.range(0, w, 1, 'float32'), [h]).reshape([1, h * w]);
    const ys = tf
      .range(0, h, 1, 'float32')
      .reshape([h, 1])
      .tile([1, w])
      .reshape([1, h * w]);
    const inX = col(0).mul(xs).add(col(1).mul(ys)).add(col(2));
    const inY = col(3).mul(xs).add(col(4).mul(ys)).add(col(5));
    const x0 = inX.floor();
    const y0 = inY.floor();
    const fx = inX.sub(x0);
    const fy = inY.sub(y0);
    const flat = x.reshape([n * h * w, c]);
    const base = tf
      .range(0, n, 1, 'int32')
      .mul(tf.scalar(h * w, 'int32'))
      .reshape([n, 1]);
    const corner = (dy: number, dx: number, weight: tf.Tensor): tf.Tensor => {
      const xi = dx === 0 ? x0 : x0.add(dx);
      const yi = dy === 0 ? y0 : y0.add(dy);
      const inside = tf.logicalAnd(
        tf.logicalAnd(xi.greaterEqual(0), xi.lessEqual(w - 1)),
        tf.logicalAnd(yi.greaterEqual(0), yi.lessEqual(h - 1)),
      );
      const row = yi.clipByValue(0, h - 1).toInt();
      const column = xi.clipByValue(0, w - 1).toInt();
      const index = base.add(row.mul(tf.scalar(w, 'int32'))).add(column);
      const values = tf.gather(flat, index.reshape([-1]));
      return values.mul(weight.mul(inside.toFloat()).reshape([-1, 1]));
    };
    const gx = tf.onesLike(fx).sub(fx);
    const gy = tf.onesLike(fy).sub(fy);
    const sum = tf.addN([corner(0, 0, gx.mul(gy)), corner(0, 1, fx.mul(gy)), corner(1, 0, gx.mul(fy)), corner(1, 1, fx.mul(fy))]);
    return sum.reshape([n, h, w, c]) as tf.Tensor4D;
  });
}

/** Flips the images whose entry in `which` is true left to right. */
export function flipImages(x: tf.Tensor4D, which: readonly boolean[]): tf.Tensor4D {
  const w = x.shape[2];
  return affineResample(
    x,
    which.map((f) => (f ? flipMap(w) : IDENTITY)),
  );
}

/** Pads each image with `pad` zero pixels on every side and crops it back to its size at (top, left) ∈ [0, 2·pad]² of the padded image. */
export function shiftImages(x: tf.Tensor4D, pad: number, offsets: readonly (readonly [number, number])[]): tf.Tensor4D {
  return affineResample(
    x,
    offsets.map(([top, left]) => cropMap(pad, top, left)),
  );
}

/** Turns each image by its angle in degrees, counter-clockwise as seen, about its centre; bilinear, 0 where nothing maps. */
export function rotateImages(x: tf.Tensor4D, degrees: readonly number[]): tf.Tensor4D {
  const [, h, w] = x.shape;
  return affineResample(
    x,
    degrees.map((d) => rotationMap(d, h, w)),
  );
}

/** Adds each image's δ to all its values, clipped to 0–1. */
export function adjustBrightness(x: tf.Tensor4D, deltas: readonly number[]): tf.Tensor4D {
  return tf.tidy(() => x.add(tf.tensor4d(deltas as number[], [deltas.length, 1, 1, 1])).clipByValue(0, 1) as tf.Tensor4D);
}

/** Scales each channel of each image about its own mean by the image's factor, clipped to 0–1: (x − m)·f + m. */
export function adjustContrast(x: tf.Tensor4D, factors: readonly number[]): tf.Tensor4D {
  return tf.tidy(() => {
    const mean = x.mean([1, 2], true);
    return x
      .sub(mean)
      .mul(tf.tensor4d(factors as number[], [factors.length, 1, 1, 1]))
      .add(mean)
      .clipByValue(0, 1) as tf.Tensor4D;
  });
}

/** The random choices for one batch, one entry per image (absent when that augmentation is off). */
export interface AugmentDraw {
  readonly flip?: readonly boolean[];
  /** Crop position (top, left) in the image padded by `pad` pixels. */
  readonly crop?: { readonly pad: number; readonly offsets: readonly (readonly [number, number])[] };
  readonly degrees?: readonly number[];
  readonly brightness?: readonly number[];
  readonly contrast?: readonly number[];
}

/** Draws every image's random choices from `random` in a fixed order (image by image, then augmentation by augmentation). */
export function drawAugmentation(settings: Augmentation, count: number, random: () => number): AugmentDraw {
  const uniform = (r: number) => (2 * random() - 1) * r;
  const flip: boolean[] = [];
  const offsets: [number, number][] = [];
  const degrees: number[] = [];
  const brightness: number[] = [];
  const contrast: number[] = [];
  const pad = settings.shift;
  for (let i = 0; i < count; i++) {
    if (settings.flip) flip.push(random() < 0.5);
    if (pad > 0) offsets.push([Math.floor(random() * (2 * pad + 1)), Math.floor(random() * (2 * pad + 1))]);
    if (settings.rotation > 0) degrees.push(uniform(settings.rotation));
    if (settings.brightness > 0) brightness.push(uniform(settings.brightness));
    if (settings.contrast > 0) contrast.push(1 + uniform(settings.contrast));
  }
  return {
    ...(settings.flip ? { flip } : {}),
    ...(pad > 0 ? { crop: { pad, offsets } } : {}),
    ...(settings.rotation > 0 ? { degrees } : {}),
    ...(settings.brightness > 0 ? { brightness } : {}),
    ...(settings.contrast > 0 ? { contrast } : {}),
  };
}

/** Applies one batch's draw: flip, then shift, then rotation as one resampling; then brightness, then contrast. */
export function applyAugmentation(x: tf.Tensor4D, draw: AugmentDraw): tf.Tensor4D {
  const [n, h, w] = x.shape;
  return tf.tidy(() => {
    let out = x;
    if (draw.flip || draw.crop || draw.degrees) {
      const maps = Array.from({ length: n }, (_, i) => {
        // Output → rotated → shifted → flipped → input: the inverse maps in reverse order.
        let map = draw.degrees ? rotationMap(draw.degrees[i]!, h, w) : IDENTITY;
        if (draw.crop) map = compose(cropMap(draw.crop.pad, ...draw.crop.offsets[i]!), map);
        if (draw.flip?.[i]) map = compose(flipMap(w), map);
        return map;
      });
      out = affineResample(out, maps);
    }
    if (draw.brightness) out = adjustBrightness(out, draw.brightness);
    if (draw.contrast) out = adjustContrast(out, draw.contrast);
    return out;
  });
}

/** A seed for one batch of one epoch, so a run's augmented batches depend on its seed alone. */
export function batchSeed(seed: number, epoch: number, batch: number): number {
  let h = Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(epoch + 1, 0x85ebca6b) ^ Math.imul(batch + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * The image layout augmentation works in for an input shape: [h, w, c] as it is, [h, w] as one
 * channel, a flat input of a square number of values as one grayscale square image; null when it
 * has no image layout.
 */
export function imageLayout(shape: readonly number[]): [number, number, number] | null {
  if (shape.length === 3) return [shape[0]!, shape[1]!, shape[2]!];
  if (shape.length === 2) return [shape[0]!, shape[1]!, 1];
  if (shape.length === 1) {
    const side = Math.round(Math.sqrt(shape[0]!));
    if (side * side === shape[0]) return [side, side, 1];
  }
  return null;
}

/** Augments a batch of inputs (any shape imageLayout knows) with choices drawn from `seed`; the batch itself when nothing is on. */
export function augmentBatch(x: tf.Tensor, settings: Augmentation, seed: number): tf.Tensor {
  const layout = imageLayout(x.shape.slice(1));
  if (!augments(settings) || !layout) return x;
  const n = x.shape[0]!;
  return tf.tidy(() => {
    const draw = drawAugmentation(settings, n, seededRandom(seed));
    return applyAugmentation(x.reshape([n, ...layout]) as tf.Tensor4D, draw).reshape(x.shape);
  });
}
