import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { loadDataset } from '../../../../src-main/engine/data/index';
import { DEBIAN_FASHION_MNIST_DIR } from '../../../../src-main/engine/data/catalog';
import { tempDirs } from './helpers';

const temps = tempDirs();
afterEach(() => temps.cleanup());

describe("Debian's dataset-fashion-mnist", () => {
  // Only where the package is installed (CI installs it; see .ci/run).
  it.skipIf(!existsSync(DEBIAN_FASHION_MNIST_DIR))(
    'is the source for Fashion-MNIST, with 60,000 training and 10,000 test images',
    async () => {
      const data = await loadDataset({ dataset: 'fashion-mnist', cacheDir: await temps.make(), download: false, fallbackToSample: false });
      expect(data.source).toBe('debian');
      expect(data.location).toBe(DEBIAN_FASHION_MNIST_DIR);
      expect([data.train.count, data.train.height, data.train.width]).toEqual([60_000, 28, 28]);
      expect(data.test.count).toBe(10_000);
      const perClass = (labels: Uint8Array) => {
        const counts = new Array<number>(10).fill(0);
        for (const l of labels) counts[l]! += 1;
        return counts;
      };
      expect(perClass(data.train.labels)).toEqual(new Array(10).fill(6000));
      expect(perClass(data.test.labels)).toEqual(new Array(10).fill(1000));
      // The first training image is an ankle boot in every copy of Fashion-MNIST.
      expect(data.train.labels[0]).toBe(9);
    },
  );
});
