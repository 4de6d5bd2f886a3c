import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { create } from 'tar';
import {
  encodeCifarRecords,
  findCifarFiles,
  loadCifar10,
  readCifarBatches,
  type CifarProgress,
} from '../../../../src-main/engine/data/cifar';
import { DatasetError } from '../../../../src-main/engine/data/errors';
import type { ArchiveManifest } from '../../../../src-main/engine/data/catalog';
import { listDir, loopbackServer, serveFiles, tempDirs } from './helpers';

const temps = tempDirs();
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await temps.cleanup();
});

const NAMES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

/** `count` 32×32×3 images, interleaved: image n has red n, green 2n, blue 255 − n in its top-left pixel, a gradient elsewhere; label n mod 10. */
function tinyCifar(count: number, offset = 0): { images: Uint8Array; labels: Uint8Array } {
  const images = new Uint8Array(count * 3072);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const id = n + offset;
    labels[n] = id % 10;
    for (let p = 0; p < 1024; p++) {
      images.set([(id + p) & 0xff, (2 * id + p) & 0xff, (255 - id + p) & 0xff], n * 3072 + p * 3);
    }
  }
  return { images, labels };
}

/** Writes a CIFAR-10 binary set of tiny batches (3 records each, test 4) into `dir`. */
async function writeTinyCifar(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let b = 1; b <= 5; b++) {
    const { images, labels } = tinyCifar(3, (b - 1) * 3);
    await writeFile(join(dir, `data_batch_${b}.bin`), encodeCifarRecords(images, labels));
  }
  const test = tinyCifar(4, 100);
  await writeFile(join(dir, 'test_batch.bin'), encodeCifarRecords(test.images, test.labels));
  await writeFile(join(dir, 'batches.meta.txt'), `${NAMES.join('\n')}\n\n`);
}

async function failure(p: Promise<unknown>): Promise<DatasetError> {
  const e = await p.then(
    () => new Error('expected CIFAR-10 to be refused'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DatasetError);
  return e as DatasetError;
}

const RGB32 = { height: 32, width: 32, channels: 3 } as const;

describe('CIFAR-10 binary files', () => {
  it('reads records as interleaved RGB with their labels, the planes put back together', async () => {
    const dir = await temps.make();
    await writeTinyCifar(dir);
    const files = await findCifarFiles(dir);
    if ('missing' in files) throw new Error('not found');
    const train = await readCifarBatches(files.train);
    expect(train.count).toBe(15);
    expect(Array.from(train.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4]);
    // Image 7 (batch 3, record 1): its top-left pixel is (7, 14, 248), the next one (8, 15, 249).
    expect(Array.from(train.images.subarray(7 * 3072, 7 * 3072 + 6))).toEqual([7, 14, 248, 8, 15, 249]);
    expect(Array.from(train.images)).toEqual(Array.from(tinyCifar(15).images));
  });

  it('loads a named folder (or its cifar-10-batches-bin) with the class names of batches.meta.txt', async () => {
    const root = await temps.make();
    await writeTinyCifar(join(root, 'cifar-10-batches-bin'));
    const data = await loadCifar10({ directory: root, size: RGB32, download: false });
    expect(data.source).toBe('directory');
    expect(data.location).toBe(join(root, 'cifar-10-batches-bin'));
    expect(data.classNames).toEqual(NAMES);
    expect([data.train.count, data.test.count]).toEqual([15, 4]);
    expect(Array.from(data.test.labels)).toEqual([0, 1, 2, 3]);
    expect(Array.from(data.test.images.subarray(0, 3))).toEqual([100, 200, 155]);
  });

  it('resizes and converts to another Input as pictures are, and caches the result', async () => {
    const root = await temps.make();
    const cacheDir = await temps.make();
    await writeTinyCifar(root);
    const progress: CifarProgress[] = [];
    const gray = { height: 16, width: 16, channels: 1 } as const;
    const data = await loadCifar10({ directory: root, cacheDir, size: gray, onProgress: (p) => progress.push(p) });
    expect(data.train.images.length).toBe(15 * 256);
    expect([data.train.height, data.train.width, data.train.channels]).toEqual([16, 16, 1]);
    expect(progress.at(-1)).toEqual({ phase: 'decode', done: 19, total: 19 });
    expect(await listDir(join(cacheDir, 'pictures'))).toHaveLength(1);
    const again = await loadCifar10({ directory: root, cacheDir, size: gray });
    expect(Array.from(again.train.images)).toEqual(Array.from(data.train.images));
    expect(Array.from(again.test.labels)).toEqual(Array.from(data.test.labels));
  });

  it('refuses missing files, a file of partial records, a label past 9 and a meta file without ten names', async () => {
    const root = await temps.make();
    const missing = await failure(loadCifar10({ directory: root, size: RGB32, download: false }));
    expect(missing.code).toBe('missing-cifar-files');
    expect(missing.message).toMatch(/missing data_batch_1\.bin, .*batches\.meta\.txt/);

    await writeTinyCifar(root);
    await writeFile(join(root, 'data_batch_2.bin'), new Uint8Array(3073 * 2 + 100));
    const cut = await failure(loadCifar10({ directory: root, size: RGB32, download: false }));
    expect(cut.code).toBe('truncated');
    expect(cut.message).toMatch(/data_batch_2\.bin: 6,246 bytes is not a whole number of CIFAR-10 records/);

    const bad = tinyCifar(2);
    bad.labels[1] = 10;
    await writeFile(join(root, 'data_batch_2.bin'), encodeCifarRecords(bad.images, bad.labels));
    expect(await failure(loadCifar10({ directory: root, size: RGB32, download: false }))).toMatchObject({ code: 'bad-label' });

    await writeTinyCifar(root);
    await writeFile(join(root, 'batches.meta.txt'), 'cat\ndog\n');
    expect(await failure(loadCifar10({ directory: root, size: RGB32, download: false }))).toMatchObject({ code: 'bad-label' });
  });
});

describe('CIFAR-10 download against a loopback HTTP server', () => {
  async function archive(): Promise<{ bytes: Uint8Array; manifest: ArchiveManifest }> {
    const work = await temps.make();
    await writeTinyCifar(join(work, 'cifar-10-batches-bin'));
    // A file the archive also holds but Convas never unpacks.
    await writeFile(join(work, 'cifar-10-batches-bin', 'readme.html'), '<p>hi</p>');
    const file = join(work, 'cifar-10-binary.tar.gz');
    await create({ gzip: true, file, cwd: work }, ['cifar-10-batches-bin']);
    const bytes = new Uint8Array(await readFile(file));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { bytes, manifest: { mirrors: [], file: { name: 'cifar-10-binary.tar.gz', bytes: bytes.length, sha256 } } };
  }

  it('downloads the archive, checks its SHA-256, unpacks the seven files into the cache and reads them from there next time', async () => {
    const { bytes, manifest } = await archive();
    const server = await loopbackServer(serveFiles(new Map([['cifar-10-binary.tar.gz', bytes]])));
    servers.push(server);
    const cacheDir = await temps.make();
    const phases = new Set<string>();
    const data = await loadCifar10({ cacheDir, size: RGB32, manifest, mirrors: [server.url], onProgress: (p) => phases.add(p.phase) });
    expect(data.source).toBe('download');
    expect(data.classNames).toEqual(NAMES);
    expect([data.train.count, data.test.count]).toEqual([15, 4]);
    expect(phases).toEqual(new Set(['download', 'unpack']));
    const cached = join(cacheDir, 'datasets', 'cifar10');
    // The archive is gone once unpacked; readme.html was never written.
    expect(await listDir(cached)).toEqual(['cifar-10-batches-bin']);
    expect((await listDir(join(cached, 'cifar-10-batches-bin'))).sort()).toEqual(
      [
        'batches.meta.txt',
        'data_batch_1.bin',
        'data_batch_2.bin',
        'data_batch_3.bin',
        'data_batch_4.bin',
        'data_batch_5.bin',
        'test_batch.bin',
      ].sort(),
    );
    expect(server.requests).toEqual(['/cifar-10-binary.tar.gz']);

    const again = await loadCifar10({ cacheDir, size: RGB32, manifest, mirrors: [server.url] });
    expect(again.source).toBe('cache');
    expect(server.requests).toHaveLength(1);
  });

  it('refuses an archive whose SHA-256 does not match and leaves nothing in the cache', async () => {
    const { bytes, manifest } = await archive();
    const server = await loopbackServer(serveFiles(new Map([['cifar-10-binary.tar.gz', bytes]])));
    servers.push(server);
    const cacheDir = await temps.make();
    const wrong = { ...manifest, file: { ...manifest.file, sha256: '0'.repeat(64) } };
    const e = await failure(loadCifar10({ cacheDir, size: RGB32, manifest: wrong, mirrors: [server.url] }));
    expect(e.code).toBe('checksum-mismatch');
    expect(e.message).toMatch(/SHA-256 mismatch/);
    expect(await listDir(join(cacheDir, 'datasets', 'cifar10'))).toEqual([]);
  });

  it('refuses a verified archive that is not CIFAR-10, and offline says what to do', async () => {
    const notTar = new TextEncoder().encode('this is not a tar.gz');
    const sha256 = createHash('sha256').update(notTar).digest('hex');
    const server = await loopbackServer(serveFiles(new Map([['cifar-10-binary.tar.gz', notTar]])));
    servers.push(server);
    const cacheDir = await temps.make();
    const manifest: ArchiveManifest = { mirrors: [], file: { name: 'cifar-10-binary.tar.gz', bytes: notTar.length, sha256 } };
    const e = await failure(loadCifar10({ cacheDir, size: RGB32, manifest, mirrors: [server.url] }));
    expect(e.code).toBe('bad-archive');
    expect(await listDir(join(cacheDir, 'datasets', 'cifar10'))).toEqual([]);

    const offline = await failure(loadCifar10({ cacheDir, size: RGB32, download: false }));
    expect(offline.code).toBe('unavailable');
    expect(offline.message).toMatch(/not available offline/);
  });
});
