import * as tf from '@tensorflow/tfjs';
import { MAX_PREVIEW_CLASS_SAMPLES, type EngineEventOf } from '../../../src-shared/engine/protocol';
import type { TrainingSettings } from '../../../src-shared/project/training';
import type { InputAdapter } from '../../../src-shared/training/compatibility';
import { shuffledIndices } from '../../../src-shared/util/random';
import { view } from '../inspect/feature-maps';
import { augmentBatch, batchSeed, imageLayout } from './augment';
import { exampleValues, toExamples } from './examples';

/** What a preview is made from: the training images as the data layer hands them over (28×28 IDX bytes, or pictures at the Input's size) and their labels. */
export interface PreviewSource {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  /** The indices of the training split (validation images are never augmented). */
  readonly train: Uint32Array;
}

export interface PreviewRequest {
  readonly adapter: InputAdapter;
  readonly settings: TrainingSettings;
  readonly samples: number;
  readonly versions: number;
  readonly seed: number;
  /** Pick this many images of each class, in class order, instead of `samples` at random. */
  readonly perClass?: number;
}

/** Up to `perClass` training images of each class in class order, picked by the seeded order; at most `cap` in all. */
export function samplesPerClass(labels: Uint8Array, train: Uint32Array, order: Uint32Array, perClass: number, cap: number): number[] {
  const byClass = new Map<number, number[]>();
  for (const i of order) {
    const index = train[i]!;
    const label = labels[index]!;
    const list = byClass.get(label) ?? byClass.set(label, []).get(label)!;
    if (list.length < perClass) list.push(index);
  }
  return [...byClass.keys()]
    .sort((a, b) => a - b)
    .flatMap((label) => byClass.get(label)!)
    .slice(0, cap);
}

/**
 * `samples` training images picked by the seed, each with `versions` augmented copies as a
 * training batch would hold them (0–1, before normalisation, in the image layout of the model's input).
 */
export function previewAugmentation(source: PreviewSource, request: PreviewRequest): EngineEventOf<'augment-preview'>['samples'] {
  const { adapter, settings, versions, seed } = request;
  const order = shuffledIndices(source.train.length, seed);
  const picked =
    request.perClass !== undefined
      ? samplesPerClass(source.labels, source.train, order, request.perClass, MAX_PREVIEW_CLASS_SAMPLES)
      : Array.from(order.subarray(0, Math.min(request.samples, source.train.length)), (i) => source.train[i]!);
  const count = picked.length;
  const ex = toExamples(source.images, source.labels, picked, adapter);
  const shape = imageLayout(ex.shape) ?? [...ex.shape];
  const originals = picked.map((_, n) => exampleValues(ex, n));
  const size = originals[0]?.length ?? 0;
  // All versions as one batch, version after version: one draw, as training makes one per batch.
  const augmented = tf.tidy(() => {
    const x = tf.stack(originals.map((v) => tf.tensor(v, [...ex.shape], 'float32')));
    const copies = tf.concat(Array.from({ length: versions }, () => x));
    return augmentBatch(copies, settings.augmentation, batchSeed(seed, 0, 0)).dataSync() as Float32Array;
  });
  return picked.map((index, n) => ({
    index,
    label: ex.labels[n]!,
    original: view(new Float32Array(originals[n]!), shape),
    versions: Array.from({ length: versions }, (_, v) => view(augmented.slice((v * count + n) * size, (v * count + n + 1) * size), shape)),
  }));
}
