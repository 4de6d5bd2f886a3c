import { DatasetError, formatCount } from './errors';
import type { IdxImages, IdxLabels } from './idx';
import type { ImageSet } from './preprocess';

/** Pairs an images file with its labels file, checking the counts agree and every label names a class. */
export function toImageSet(images: IdxImages, labels: IdxLabels, files: { images: string; labels: string }, classes: number): ImageSet {
  if (images.count !== labels.count) {
    throw new DatasetError(
      'count-mismatch',
      `${files.labels}: holds ${formatCount(labels.count)} labels but ${files.images} holds ${formatCount(images.count)} images — the two files do not belong together; use matching files`,
    );
  }
  for (let i = 0; i < labels.data.length; i++) {
    const label = labels.data[i]!;
    if (label >= classes) {
      throw new DatasetError(
        'bad-label',
        `${files.labels}: label ${label} at index ${formatCount(i)} is outside 0–${classes - 1} — this is not a ${classes}-class classification dataset`,
      );
    }
  }
  return { images: images.data, labels: labels.data, count: images.count, height: images.height, width: images.width, channels: 1 };
}

/** Checks that the training and test images have the size the engine expects. */
export function checkImageSize(set: ImageSet, file: string, height: number, width: number): void {
  if (set.height !== height || set.width !== width) {
    throw new DatasetError(
      'bad-dimensions',
      `${file}: images are ${set.height}×${set.width} pixels but ${height}×${width} are needed — use MNIST-format files`,
    );
  }
}
