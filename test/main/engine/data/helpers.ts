import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeIdx } from '../../../../src-main/engine/data/idx';

export const SAMPLE_DIR = fileURLToPath(new URL('../../../../assets/datasets/fashion-mnist-sample/', import.meta.url));

/** Temp directories that the caller removes with `cleanup()` (in afterEach). */
export function tempDirs(): { make(): Promise<string>; cleanup(): Promise<void> } {
  const made: string[] = [];
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), 'convas-data-test-'));
      made.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}

/** Every entry of a directory, hidden temp files included; [] if it does not exist. */
export async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** A tiny but valid dataset: `count` 28×28 images whose pixels encode their index, labels i mod 10. */
export function tinyDataset(count: number): { images: Uint8Array; labels: Uint8Array } {
  const images = new Uint8Array(count * 28 * 28);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    images.fill(i % 256, i * 784, (i + 1) * 784);
    labels[i] = i % 10;
  }
  return { images, labels };
}

/** Writes the four standard files of a tiny dataset into `dir` (gzipped unless raw is set). */
export async function writeTinyDataset(dir: string, trainCount = 50, testCount = 20, raw = false): Promise<void> {
  const write = (name: string, bytes: Uint8Array) => writeFile(join(dir, raw ? name : `${name}.gz`), raw ? bytes : gzipSync(bytes));
  const train = tinyDataset(trainCount);
  const test = tinyDataset(testCount);
  await write('train-images-idx3-ubyte', encodeIdx(train.images, [trainCount, 28, 28]));
  await write('train-labels-idx1-ubyte', encodeIdx(train.labels, [trainCount]));
  await write('t10k-images-idx3-ubyte', encodeIdx(test.images, [testCount, 28, 28]));
  await write('t10k-labels-idx1-ubyte', encodeIdx(test.labels, [testCount]));
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1, port chosen by the OS; `requests` lists the paths asked for. */
export async function loopbackServer(handler: Handler): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves `files` by name (path after the last '/'); unknown names get 404. */
export function serveFiles(files: ReadonlyMap<string, Uint8Array>): Handler {
  return (req, res) => {
    const name = (req.url ?? '').split('/').pop() ?? '';
    const body = files.get(name);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) });
    res.end(body);
  };
}
