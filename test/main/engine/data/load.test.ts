import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DatasetError,
  FASHION_MNIST_CLASS_NAMES,
  MNIST_CLASS_NAMES,
  loadDataset,
  type LoadDatasetOptions,
} from '../../../../src-main/engine/data/index';
import { FILE_ROLES, IDX_FILE_NAMES, MANIFESTS, type DatasetManifest } from '../../../../src-main/engine/data/catalog';
import { cacheRoot, datasetCacheDir } from '../../../../src-main/engine/data/sources';
import { encodeIdx } from '../../../../src-main/engine/data/idx';
import { SAMPLE_DIR, listDir, loopbackServer, serveFiles, tempDirs, writeTinyDataset } from './helpers';

const temps = tempDirs();
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await temps.cleanup();
});

function classCounts(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const l of labels) counts[l]! += 1;
  return counts;
}

async function rejection(p: Promise<unknown>): Promise<DatasetError> {
  const e = await p.then(
    () => {
      throw new Error('expected loading to fail');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DatasetError);
  return e as DatasetError;
}

/** The sample's files as a manifest, so the download path can be tested with real checksums. */
async function sampleAsRemote(): Promise<{ manifest: DatasetManifest; files: Map<string, Uint8Array> }> {
  const files = new Map<string, Uint8Array>();
  const entries = await Promise.all(
    FILE_ROLES.map(async (role) => {
      const name = `${IDX_FILE_NAMES[role]}.gz`;
      const bytes = new Uint8Array(await readFile(join(SAMPLE_DIR, name)));
      files.set(name, bytes);
      return [role, { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }] as const;
    }),
  );
  return { manifest: { mirrors: [], files: Object.fromEntries(entries) as DatasetManifest['files'] }, files };
}

describe('the shipped sample', () => {
  it('loads 3,000 training and 1,000 test images, balanced over the 10 classes', async () => {
    const data = await loadDataset({ dataset: 'sample', sampleDir: SAMPLE_DIR });
    expect(data.source).toBe('sample');
    expect(data.classNames).toEqual(FASHION_MNIST_CLASS_NAMES);
    expect([data.train.count, data.train.height, data.train.width]).toEqual([3000, 28, 28]);
    expect(data.train.images.length).toBe(3000 * 784);
    expect(classCounts(data.train.labels)).toEqual(new Array(10).fill(300));
    expect(data.test.count).toBe(1000);
    expect(classCounts(data.test.labels)).toEqual(new Array(10).fill(100));
  });

  it('is found without naming its directory, and stays small', async () => {
    const data = await loadDataset({ dataset: 'sample' });
    expect(data.train.count).toBe(3000);
    let total = 0;
    for (const name of await listDir(SAMPLE_DIR)) total += (await stat(join(SAMPLE_DIR, name))).size;
    expect(total).toBeLessThan(5_000_000);
    expect(await listDir(SAMPLE_DIR)).toEqual(expect.arrayContaining(['LICENSE', 'README.md']));
  });
});

describe('a directory the user names', () => {
  it('is used first, with raw or gzipped files', async () => {
    for (const raw of [false, true]) {
      const dir = await temps.make();
      await writeTinyDataset(dir, 50, 20, raw);
      const data = await loadDataset({ dataset: 'fashion-mnist', directory: dir, download: false, debianDir: null });
      expect(data.source).toBe('directory');
      expect(data.location).toBe(dir);
      expect([data.train.count, data.test.count]).toEqual([50, 20]);
      expect(data.train.images[49 * 784]).toBe(49);
      expect(data.train.labels[49]).toBe(9);
    }
  });

  it("gives the 'directory' dataset digit class names unless told otherwise", async () => {
    const dir = await temps.make();
    await writeTinyDataset(dir);
    expect((await loadDataset({ dataset: 'directory', directory: dir })).classNames).toEqual(MNIST_CLASS_NAMES);
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    expect((await loadDataset({ dataset: 'directory', directory: dir, classNames: names })).classNames).toEqual(names);
  });

  it('lists the missing files instead of silently using another source', async () => {
    const dir = await temps.make();
    await writeTinyDataset(dir);
    await rm(join(dir, 't10k-labels-idx1-ubyte.gz'));
    const e = await rejection(loadDataset({ dataset: 'fashion-mnist', directory: dir, sampleDir: SAMPLE_DIR }));
    expect(e.code).toBe('missing-files');
    expect(e.message).toContain(dir);
    expect(e.message).toContain('t10k-labels-idx1-ubyte[.gz]');
    expect(e.message).not.toContain('train-images-idx3-ubyte[.gz],');
  });

  it('rejects labels outside 0–9, mismatched counts and images that are not 28×28', async () => {
    const dir = await temps.make();
    await writeTinyDataset(dir, 50, 20);
    await writeFile(
      join(dir, 'train-labels-idx1-ubyte.gz'),
      gzipSync(
        encodeIdx(
          Uint8Array.from({ length: 50 }, (_, i) => (i === 17 ? 12 : 1)),
          [50],
        ),
      ),
    );
    const bad = await rejection(loadDataset({ dataset: 'directory', directory: dir }));
    expect(bad.code).toBe('bad-label');
    expect(bad.message).toContain('label 12 at index 17 is outside 0–9');

    await writeFile(join(dir, 'train-labels-idx1-ubyte.gz'), gzipSync(encodeIdx(new Uint8Array(49), [49])));
    const count = await rejection(loadDataset({ dataset: 'directory', directory: dir }));
    expect(count.code).toBe('count-mismatch');
    expect(count.message).toContain('49 labels');
    expect(count.message).toContain('50 images');

    await writeTinyDataset(dir, 50, 20);
    await writeFile(join(dir, 't10k-images-idx3-ubyte.gz'), gzipSync(encodeIdx(new Uint8Array(20 * 32 * 32), [20, 32, 32])));
    const size = await rejection(loadDataset({ dataset: 'directory', directory: dir }));
    expect(size.code).toBe('bad-dimensions');
    expect(size.message).toContain('32×32');
  });

  it('reports a corrupt file by name', async () => {
    const dir = await temps.make();
    await writeTinyDataset(dir);
    await writeFile(join(dir, 'train-images-idx3-ubyte.gz'), Uint8Array.from([0x1f, 0x8b, 1, 2, 3]));
    const e = await rejection(loadDataset({ dataset: 'mnist', directory: dir }));
    expect(e.code).toBe('bad-gzip');
    expect(e.message).toContain(join(dir, 'train-images-idx3-ubyte.gz'));
  });
});

describe('cache and download', () => {
  async function options(extra: Partial<LoadDatasetOptions>): Promise<LoadDatasetOptions> {
    return { dataset: 'fashion-mnist', cacheDir: await temps.make(), debianDir: null, sampleDir: SAMPLE_DIR, ...extra };
  }

  it('downloads from the mirror, verifies, caches, and then uses the cache without the network', async () => {
    const { manifest, files } = await sampleAsRemote();
    const server = await loopbackServer(serveFiles(files));
    servers.push(server);
    const opts = await options({ manifest, mirrors: [server.url] });
    const progress: number[] = [];
    const first = await loadDataset({ ...opts, onProgress: (p) => progress.push(p.received) });
    expect(first.source).toBe('download');
    expect(first.location).toBe(join(opts.cacheDir!, 'datasets', 'fashion-mnist'));
    expect(first.train.count).toBe(3000);
    expect(server.requests).toHaveLength(4);
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect((await listDir(first.location)).sort()).toEqual([...files.keys()].sort());

    const second = await loadDataset({ ...opts, download: false });
    expect(second.source).toBe('cache');
    expect(second.train.labels).toEqual(first.train.labels);
    expect(server.requests).toHaveLength(4);
  });

  it('downloads only the files the cache lacks, and replaces a cached file whose checksum is wrong', async () => {
    const { manifest, files } = await sampleAsRemote();
    const server = await loopbackServer(serveFiles(files));
    servers.push(server);
    const opts = await options({ manifest, mirrors: [server.url] });
    const cache = datasetCacheDir('fashion-mnist', opts.cacheDir);
    await mkdir(cache, { recursive: true });
    await copyFile(join(SAMPLE_DIR, 'train-images-idx3-ubyte.gz'), join(cache, 'train-images-idx3-ubyte.gz'));
    await writeFile(join(cache, 'train-labels-idx1-ubyte.gz'), 'stale');
    const data = await loadDataset(opts);
    expect(data.source).toBe('download');
    expect(server.requests.map((r) => r.split('/').pop()).sort()).toEqual([
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
    ]);
    expect(data.notes.join('\n')).toContain('does not match the published SHA-256');
    expect(data.train.count).toBe(3000);
  });

  it('tries the next mirror when one fails', async () => {
    const { manifest, files } = await sampleAsRemote();
    const broken = await loopbackServer(serveFiles(new Map([...files].map(([k, v]) => [k, v.subarray(0, 100)]))));
    const good = await loopbackServer(serveFiles(files));
    servers.push(broken, good);
    const data = await loadDataset(await options({ manifest, mirrors: [broken.url, good.url] }));
    expect(data.source).toBe('download');
    expect(broken.requests).toHaveLength(4);
    expect(good.requests).toHaveLength(4);
  });

  it('a wrong checksum is a clear error and leaves no file in the cache', async () => {
    const { manifest, files } = await sampleAsRemote();
    const server = await loopbackServer(serveFiles(files));
    servers.push(server);
    const tampered: DatasetManifest = {
      ...manifest,
      files: { ...manifest.files, trainImages: { ...manifest.files.trainImages, sha256: '0'.repeat(64) } },
    };
    const opts = await options({ manifest: tampered, mirrors: [server.url], fallbackToSample: false });
    const e = await rejection(loadDataset(opts));
    expect(e.code).toBe('checksum-mismatch');
    expect(e.message).toContain(`train-images-idx3-ubyte.gz from ${server.url}train-images-idx3-ubyte.gz: SHA-256 mismatch`);
    expect(e.message).toContain('nothing was saved');
    expect(await listDir(datasetCacheDir('fashion-mnist', opts.cacheDir))).toEqual([]);
  });

  it('a truncated response is a clear error and leaves no file in the cache', async () => {
    const { manifest, files } = await sampleAsRemote();
    const server = await loopbackServer((req, res) => {
      const body = files.get((req.url ?? '').split('/').pop() ?? '')!;
      res.writeHead(200, { 'Content-Length': String(body.length) });
      res.write(body.subarray(0, body.length >> 1), () => setTimeout(() => res.destroy(), 20));
    });
    servers.push(server);
    const opts = await options({ manifest, mirrors: [server.url], fallbackToSample: false });
    const e = await rejection(loadDataset(opts));
    expect(e.code).toBe('download-failed');
    expect(e.message).toMatch(
      /^train-images-idx3-ubyte\.gz from http:\/\/127\.0\.0\.1:\d+\/train-images-idx3-ubyte\.gz: download broke off/,
    );
    expect(await listDir(datasetCacheDir('fashion-mnist', opts.cacheDir))).toEqual([]);
  });

  it('falls back to the sample for Fashion-MNIST when the download fails, and says why', async () => {
    const server = await loopbackServer(serveFiles(new Map()));
    servers.push(server);
    const data = await loadDataset(await options({ mirrors: [server.url] }));
    expect(data.source).toBe('sample');
    expect(data.name).toBe('fashion-mnist');
    expect(data.notes.join('\n')).toMatch(/download: .*HTTP 404/);
  });

  it('refuses MNIST offline with a message that says what to do', async () => {
    const e = await rejection(loadDataset({ dataset: 'mnist', cacheDir: await temps.make(), download: false }));
    expect(e.code).toBe('unavailable');
    expect(e.message).toContain('name it, or allow the download');
  });

  it('keeps the published checksums of the standard files', () => {
    expect(MANIFESTS['fashion-mnist'].files.trainImages).toEqual({
      name: 'train-images-idx3-ubyte.gz',
      bytes: 26_421_880,
      sha256: '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84',
    });
    expect(MANIFESTS.mnist.files.trainImages.sha256).toBe('440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609');
    for (const m of Object.values(MANIFESTS)) for (const f of Object.values(m.files)) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('cache directory', () => {
  it('is the parameter, else CONVAS_CACHE_DIR, else the user cache', () => {
    expect(cacheRoot('/x', { CONVAS_CACHE_DIR: '/y' })).toBe('/x');
    expect(cacheRoot(undefined, { CONVAS_CACHE_DIR: '/y' })).toBe('/y');
    expect(datasetCacheDir('mnist', undefined, { CONVAS_CACHE_DIR: '/y' })).toBe(join('/y', 'datasets', 'mnist'));
    if (process.platform === 'linux') expect(cacheRoot(undefined, { XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'convas'));
  });
});
