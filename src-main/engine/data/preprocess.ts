import { seededRandom } from '../../../src-shared/util/random';

/** A split of a dataset as the data layer hands it over: uint8 pixels, row-major, and uint8 labels. */
export interface ImageSet {
  /** count × height × width × channels pixels, 0–255 (channels interleaved, as the model takes them). */
  readonly images: Uint8Array;
  /** count labels, 0 … classes − 1. */
  readonly labels: Uint8Array;
  readonly count: number;
  readonly height: number;
  readonly width: number;
  /** 1 (grayscale) or 3 (RGB). */
  readonly channels: number;
}

/** Fashion-MNIST's classes, by label (from the dataset's README). */
export const FASHION_MNIST_CLASS_NAMES: readonly string[] = Object.freeze([
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
]);

/** MNIST's classes: the digits. */
export const MNIST_CLASS_NAMES: readonly string[] = Object.freeze(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** Pixels / 255 as float32, the lecture's normalisation to [0, 1]. */
export function normalizePixels(pixels: Uint8Array): Float32Array {
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i]! / 255;
  return out;
}

/** One-hot rows: n × classes float32, 1 at each label's column. */
export function oneHot(labels: Uint8Array, classes = 10): Float32Array {
  const out = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label >= classes) throw new RangeError(`oneHot: label ${label} at index ${i} is not below ${classes} classes`);
    out[i * classes + label] = 1;
  }
  return out;
}

/** Training and validation indices into one set of labels. */
export interface Split {
  readonly train: Uint32Array;
  readonly validation: Uint32Array;
}

// Largest-remainder apportionment: the total is exactly round(n·fraction) and every class gets
// its proportional share rounded up or down, never further off.
function validationQuotas(classSizes: readonly number[], fraction: number): number[] {
  const total = classSizes.reduce((a, b) => a + b, 0);
  const target = Math.round(total * fraction);
  const exact = classSizes.map((n) => n * fraction);
  const quotas = exact.map(Math.floor);
  let missing = target - quotas.reduce((a, b) => a + b, 0);
  const order = exact.map((e, c) => ({ c, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.c - b.c);
  for (const { c } of order) {
    if (missing <= 0) break;
    if (quotas[c]! < classSizes[c]!) {
      quotas[c]! += 1;
      missing -= 1;
    }
  }
  return quotas;
}

/** Seeded, stratified split: each class gives `fraction` of its examples to validation; same seed, same split. */
export function stratifiedSplit(labels: Uint8Array, fraction = 0.2, seed = 42): Split {
  if (!(fraction >= 0 && fraction < 1)) throw new RangeError(`stratifiedSplit: the validation fraction must be in [0, 1), got ${fraction}`);
  const byClass: number[][] = [];
  for (let i = 0; i < labels.length; i++) (byClass[labels[i]!] ??= []).push(i);
  const members = Array.from(byClass, (m) => m ?? []);
  const quotas = validationQuotas(
    members.map((m) => m.length),
    fraction,
  );
  const rand = seededRandom(seed);
  const isValidation = new Uint8Array(labels.length);
  members.forEach((m, c) => {
    // Partial Fisher–Yates: only the first `quota` places need a random pick.
    const quota = quotas[c]!;
    for (let i = 0; i < quota; i++) {
      const j = i + Math.floor(rand() * (m.length - i));
      const t = m[i]!;
      m[i] = m[j]!;
      m[j] = t;
      isValidation[m[i]!] = 1;
    }
  });
  const validationCount = quotas.reduce((a, b) => a + b, 0);
  const train = new Uint32Array(labels.length - validationCount);
  const validation = new Uint32Array(validationCount);
  let t = 0;
  let v = 0;
  for (let i = 0; i < labels.length; i++) {
    if (isValidation[i]) validation[v++] = i;
    else train[t++] = i;
  }
  return { train, validation };
}

/**
 * Seeded, stratified hold-out of a test part: each class gives round(n·fraction) of its examples, but
 * at least one and never all of them (a class of one example cannot give any: see `short`). Both
 * index lists come back in ascending order.
 */
export function stratifiedHoldout(
  labels: Uint8Array,
  fraction: number,
  seed: number,
): { readonly train: Uint32Array; readonly test: Uint32Array; readonly short: readonly number[] } {
  const byClass: number[][] = [];
  for (let i = 0; i < labels.length; i++) (byClass[labels[i]!] ??= []).push(i);
  const rand = seededRandom(seed);
  const isTest = new Uint8Array(labels.length);
  const short: number[] = [];
  let testCount = 0;
  byClass.forEach((members, c) => {
    if (members.length < 2) {
      short.push(c);
      return;
    }
    const quota = Math.min(members.length - 1, Math.max(1, Math.round(members.length * fraction)));
    for (let i = 0; i < quota; i++) {
      const j = i + Math.floor(rand() * (members.length - i));
      const t = members[i]!;
      members[i] = members[j]!;
      members[j] = t;
      isTest[members[i]!] = 1;
    }
    testCount += quota;
  });
  const train = new Uint32Array(labels.length - testCount);
  const test = new Uint32Array(testCount);
  let a = 0;
  let b = 0;
  for (let i = 0; i < labels.length; i++) {
    if (isTest[i]) test[b++] = i;
    else train[a++] = i;
  }
  return { train, test, short };
}

/**
 * Reorders `count` records of `recordBytes` bytes in place so that record k becomes the old record
 * order[k] (a permutation): one record of scratch space, however large the set.
 */
export function permuteRecords(data: Uint8Array, recordBytes: number, order: ArrayLike<number>): void {
  const done = new Uint8Array(order.length);
  const scratch = new Uint8Array(recordBytes);
  for (let start = 0; start < order.length; start++) {
    if (done[start] || order[start] === start) continue;
    scratch.set(data.subarray(start * recordBytes, (start + 1) * recordBytes));
    let k = start;
    for (;;) {
      done[k] = 1;
      const from = order[k]!;
      if (from === start) {
        data.set(scratch, k * recordBytes);
        break;
      }
      data.copyWithin(k * recordBytes, from * recordBytes, (from + 1) * recordBytes);
      k = from;
    }
  }
}
