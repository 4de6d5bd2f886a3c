// Builds assets/datasets/fashion-mnist-sample/ from Debian's dataset-fashion-mnist package:
// the first N images of each class in file order (so the choice is deterministic and easy to
// reproduce), written as gzipped IDX files with the standard names.
// Run: npx tsx scripts/make-sample.ts [--train-per-class 300] [--test-per-class 100] [--from DIR] [--out DIR]
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readIdxImages, readIdxLabels, encodeIdx } from '../src-main/engine/data/idx';
import { DEBIAN_FASHION_MNIST_DIR, IDX_FILE_NAMES } from '../src-main/engine/data/catalog';
import { FASHION_MNIST_CLASS_NAMES } from '../src-main/engine/data/preprocess';
import { writeFileAtomic } from '../src-main/files/atomic-write';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLASSES = 10;

const { values } = parseArgs({
  options: {
    'train-per-class': { type: 'string', default: '300' },
    'test-per-class': { type: 'string', default: '100' },
    from: { type: 'string', default: DEBIAN_FASHION_MNIST_DIR },
    out: { type: 'string', default: join(ROOT, 'assets', 'datasets', 'fashion-mnist-sample') },
  },
});

/** Indices of the first `perClass` examples of every class, in file order. */
function firstPerClass(labels: Uint8Array, perClass: number, file: string): number[] {
  const taken = new Array<number>(CLASSES).fill(0);
  const picked: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (taken[c]! < perClass) {
      taken[c]! += 1;
      picked.push(i);
    }
  }
  const short = taken.findIndex((n) => n < perClass);
  if (short >= 0) throw new Error(`${file}: class ${short} has only ${taken[short]} examples, fewer than ${perClass}`);
  return picked;
}

async function writeSplit(prefix: 'train' | 't10k', perClass: number): Promise<{ count: number; bytes: number }> {
  const imagesName = prefix === 'train' ? IDX_FILE_NAMES.trainImages : IDX_FILE_NAMES.testImages;
  const labelsName = prefix === 'train' ? IDX_FILE_NAMES.trainLabels : IDX_FILE_NAMES.testLabels;
  const imagesFile = join(values.from, `${imagesName}.gz`);
  const labelsFile = join(values.from, `${labelsName}.gz`);
  const [images, labels] = await Promise.all([readIdxImages(imagesFile), readIdxLabels(labelsFile)]);
  const picked = firstPerClass(labels.data, perClass, labelsFile);
  const size = images.height * images.width;
  const outImages = new Uint8Array(picked.length * size);
  const outLabels = new Uint8Array(picked.length);
  picked.forEach((src, n) => {
    outImages.set(images.data.subarray(src * size, (src + 1) * size), n * size);
    outLabels[n] = labels.data[src]!;
  });
  // gzip's header carries no name or time from Node's zlib, so the output is byte-for-byte repeatable.
  const gzImages = gzipSync(encodeIdx(outImages, [picked.length, images.height, images.width]), { level: 9 });
  const gzLabels = gzipSync(encodeIdx(outLabels, [picked.length]), { level: 9 });
  await writeFileAtomic(join(values.out, `${imagesName}.gz`), gzImages);
  await writeFileAtomic(join(values.out, `${labelsName}.gz`), gzLabels);
  return { count: picked.length, bytes: gzImages.length + gzLabels.length };
}

function readme(trainPerClass: number, testPerClass: number): string {
  return `# Fashion-MNIST sample

A small, class-balanced subset of [Fashion-MNIST](https://github.com/zalandoresearch/fashion-mnist)
that ships with Convas so a network can be trained out of the box, with no download.

- Training split: the first ${trainPerClass} images of each of the 10 classes in
  \`train-images-idx3-ubyte\`, in their original order (${trainPerClass * CLASSES} images).
- Test split: the first ${testPerClass} images of each class in \`t10k-images-idx3-ubyte\`
  (${testPerClass * CLASSES} images).
- Format: gzipped IDX files with the standard names, 28×28 grayscale pixels, labels 0–9:
  ${FASHION_MNIST_CLASS_NAMES.map((name, i) => `${i} ${name}`).join(', ')}.

Made by \`npx tsx scripts/make-sample.ts\` from the files of Debian's \`dataset-fashion-mnist\`
package (${DEBIAN_FASHION_MNIST_DIR}), which packages Zalando Research's release. Running the
script again gives the same files.

Fashion-MNIST is © 2017 Zalando SE and distributed under the MIT License; see LICENSE.
`;
}

const LICENSE = `The files in this directory are a subset of Fashion-MNIST
(https://github.com/zalandoresearch/fashion-mnist), taken from Debian's
dataset-fashion-mnist package, and are distributed under the license of
Fashion-MNIST:

The MIT License (MIT) Copyright © 2017 Zalando SE, https://tech.zalando.com

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the “Software”), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED “AS IS”, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN
AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;

const trainPerClass = Number(values['train-per-class']);
const testPerClass = Number(values['test-per-class']);
if (!Number.isInteger(trainPerClass) || trainPerClass < 1 || !Number.isInteger(testPerClass) || testPerClass < 1) {
  throw new Error('--train-per-class and --test-per-class must be positive integers');
}
const train = await writeSplit('train', trainPerClass);
const test = await writeSplit('t10k', testPerClass);
await writeFileAtomic(join(values.out, 'README.md'), readme(trainPerClass, testPerClass));
await writeFileAtomic(join(values.out, 'LICENSE'), LICENSE);
console.log(
  `${values.out}: ${train.count} training and ${test.count} test images, ${(train.bytes + test.bytes).toLocaleString('en-US')} bytes of IDX.gz`,
);
