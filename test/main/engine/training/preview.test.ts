import { describe, expect, it } from 'vitest';
import { samplesPerClass } from '../../../../src-main/engine/training/preview';
import { shuffledIndices } from '../../../../src-shared/util/random';

describe('samplesPerClass', () => {
  // Ten images: labels 2, 0, 1, 0, 2, 1, 0, 0, 2, 1; the training split leaves out image 3.
  const labels = Uint8Array.from([2, 0, 1, 0, 2, 1, 0, 0, 2, 1]);
  const train = Uint32Array.from([0, 1, 2, 4, 5, 6, 7, 8, 9]);

  it('takes up to n training images of each class, in class order, in the seeded order within a class', () => {
    const order = shuffledIndices(train.length, 5);
    const picked = samplesPerClass(labels, train, order, 2, 64);
    expect(picked.map((i) => labels[i])).toEqual([0, 0, 1, 1, 2, 2]);
    expect(picked).not.toContain(3);
    // Within a class, the images come in the order the seed shuffled them.
    const seeded = Array.from(order, (i) => train[i]!);
    for (const label of [0, 1, 2]) {
      const mine = picked.filter((i) => labels[i] === label);
      expect(mine).toEqual(seeded.filter((i) => labels[i] === label).slice(0, 2));
    }
  });

  it('keeps to the cap, dropping the last classes first', () => {
    const order = shuffledIndices(train.length, 1);
    expect(samplesPerClass(labels, train, order, 2, 3).map((i) => labels[i])).toEqual([0, 0, 1]);
  });
});
