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
 * image: TensorFlow's ImageProjectiveTransform (tf.image.transform), a native kernel on the wasm and
 * tensorflow backends. At whole-pixel positions the result is the input value exactly.
 */
export function affineResample(x: tf.Tensor4D, maps: readonly Affine[]): tf.Tensor4D {
  const n = x.shape[0];
  if (maps.length !== n) throw new RangeError(`affineResample: ${maps.length} maps for ${n} images`);
  return tf.tidy(() => {
    // The kernel's rows are [a, b, c, d, e, f, 0, 0]: no perspective.
    const transforms = tf.tensor2d(
      maps.flatMap((m) => [...m, 0, 0]),
      [n, 8],
      'float32',
    );
    const transform = (images: tf.Tensor4D, t: tf.Tensor2D) => tf.image.transform(images, t, 'bilinear', 'constant', 0);
    // tfjs-backend-cpu 4's Transform returns after a batch's first image (the others stay 0): one image at a time there.
    if (tf.getBackend() === 'cpu' && n > 1) {
      return tf.concat(tf.split(x, n).map((image, i) => transform(image as tf.Tensor4D, transforms.slice([i, 0], [1, 8])))) as tf.Tensor4D;
    }
    return transform(x, transforms);
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
