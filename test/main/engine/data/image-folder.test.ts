import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { byCodePoint, scanImageFolder } from '../../../../src-main/engine/data/image-folder';
import { DatasetError } from '../../../../src-main/engine/data/errors';
import { tempDirs } from './helpers';
import { writeSolid } from './picture-helpers';

const temps = tempDirs();
afterEach(() => temps.cleanup());

async function touch(path: string, text = 'x'): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
}

describe('scanImageFolder', () => {
  it('takes every subfolder as a class, sorted by code point, with the files of its subfolders too', async () => {
    const root = await temps.make();
    await writeSolid(join(root, 'zebra', 'a.png'), [0, 0, 0], 'png');
    await writeSolid(join(root, 'Apple', 'b.png'), [0, 0, 0], 'png');
    await writeSolid(join(root, 'apple', 'nested', 'deeper', 'c.jpg'), [0, 0, 0], 'jpeg');
    await writeSolid(join(root, 'apple', 'd.webp'), [0, 0, 0], 'webp');
    await touch(join(root, 'README.txt'));
    await touch(join(root, '.DS_Store'));
    await touch(join(root, 'apple', '.hidden.png'));
    await mkdir(join(root, '.git', 'objects'), { recursive: true });
    const scan = await scanImageFolder(root);
    expect(scan.layout).toBe('classes');
    // Upper case before lower case, as Python's sorted() orders Keras's classes.
    expect(scan.classNames).toEqual(['Apple', 'apple', 'zebra']);
    expect(scan.train.map((f) => [f.rel, f.label])).toEqual([
      ['Apple/b.png', 0],
      ['apple/d.webp', 1],
      ['apple/nested/deeper/c.jpg', 1],
      ['zebra/a.png', 2],
    ]);
    expect(scan.test).toEqual([]);
    // A stray file is reported; the system's dot files are neither read nor reported.
    expect(scan.skipped).toEqual([{ file: 'README.txt', reason: 'outside-class' }]);
    const file = scan.train[0]!;
    expect(file.path).toBe(join(root, 'Apple', 'b.png'));
    expect(file.size).toBeGreaterThan(0);
    expect(file.mtimeMs).toBeGreaterThan(0);
  });

  it("reads train/ and test/ with train/'s classes, and refuses a test class that train/ lacks", async () => {
    const root = await temps.make();
    for (const split of ['train', 'test']) {
      await writeSolid(join(root, split, 'cat', '1.png'), [0, 0, 0], 'png');
      await writeSolid(join(root, split, 'dog', '1.png'), [0, 0, 0], 'png');
    }
    await touch(join(root, 'train', 'notes.md'));
    await mkdir(join(root, 'val', 'cat'), { recursive: true });
    const scan = await scanImageFolder(root);
    expect(scan.layout).toBe('split');
    expect(scan.classNames).toEqual(['cat', 'dog']);
    expect(scan.train.map((f) => f.rel)).toEqual(['train/cat/1.png', 'train/dog/1.png']);
    expect(scan.test.map((f) => [f.rel, f.label])).toEqual([
      ['test/cat/1.png', 0],
      ['test/dog/1.png', 1],
    ]);
    expect(scan.skipped).toEqual([{ file: 'train/notes.md', reason: 'outside-class' }]);

    await writeSolid(join(root, 'test', 'bird', '1.png'), [0, 0, 0], 'png');
    const e = await scanImageFolder(root).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DatasetError);
    expect(e).toMatchObject({ code: 'unknown-test-class', subject: 'bird' });
    expect((e as Error).message).toMatch(/test\/bird is not a class in train\/ \(cat, dog\)/);
  });

  it('says clearly when the folder is missing or is a file', async () => {
    const root = await temps.make();
    await expect(scanImageFolder(join(root, 'nope'))).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/folder not found/),
    });
    await touch(join(root, 'file.png'));
    await expect(scanImageFolder(join(root, 'file.png'))).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/is a file/),
    });
  });
});

describe('byCodePoint', () => {
  it('orders by code point, not by locale', () => {
    expect(['b', 'B', 'a', '가', 'A', '_'].sort(byCodePoint)).toEqual(['A', 'B', '_', 'a', 'b', '가']);
  });
});
