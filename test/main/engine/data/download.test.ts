import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadFile, type DownloadProgress } from '../../../../src-main/engine/data/download';
import { DatasetError } from '../../../../src-main/engine/data/errors';
import { listDir, loopbackServer, serveFiles, tempDirs } from './helpers';

const temps = tempDirs();
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await temps.cleanup();
});

const body = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) & 0xff);
const sha256 = createHash('sha256').update(body).digest('hex');

async function serve(handler: Parameters<typeof loopbackServer>[0]) {
  const server = await loopbackServer(handler);
  servers.push(server);
  return server;
}

async function rejection(p: Promise<unknown>): Promise<DatasetError> {
  const e = await p.then(
    () => {
      throw new Error('expected the download to fail');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DatasetError);
  return e as DatasetError;
}

describe('downloadFile against a loopback HTTP server', () => {
  it('verifies a good file, saves it under its name and reports progress', async () => {
    const server = await serve(serveFiles(new Map([['data.gz', body]])));
    const dir = await temps.make();
    const dest = join(dir, 'data.gz');
    const progress: DownloadProgress[] = [];
    await downloadFile({ url: `${server.url}data.gz`, dest, sha256, bytes: body.length, onProgress: (p) => progress.push(p) });
    expect(new Uint8Array(await readFile(dest))).toEqual(body);
    expect(await listDir(dir)).toEqual(['data.gz']);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ file: 'data.gz', received: body.length, total: body.length });
    expect(progress.every((p, i) => i === 0 || p.received >= progress[i - 1]!.received)).toBe(true);
  });

  it('rejects a wrong checksum and leaves no file behind', async () => {
    const server = await serve(serveFiles(new Map([['data.gz', body]])));
    const dir = await temps.make();
    const wrong = sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const e = await rejection(downloadFile({ url: `${server.url}data.gz`, dest: join(dir, 'data.gz'), sha256: wrong }));
    expect(e.code).toBe('checksum-mismatch');
    expect(e.message).toContain(`data.gz from ${server.url}data.gz: SHA-256 mismatch`);
    expect(e.message).toContain(wrong);
    expect(await listDir(dir)).toEqual([]);
  });

  it('rejects a response cut off mid-body (socket closed before Content-Length) and leaves no file', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(body.length) });
      res.write(body.subarray(0, 100_000), () => setTimeout(() => res.destroy(), 20));
    });
    const dir = await temps.make();
    const e = await rejection(downloadFile({ url: `${server.url}data.gz`, dest: join(dir, 'data.gz'), sha256, bytes: body.length }));
    expect(e.code).toBe('download-failed');
    expect(e.message).toMatch(/broke off after [\d,]+ of 300,000 bytes/);
    expect(await listDir(dir)).toEqual([]);
  });

  it('rejects a short response that ends cleanly (no Content-Length) and leaves no file', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      res.end(body.subarray(0, 1234));
    });
    const dir = await temps.make();
    const e = await rejection(downloadFile({ url: `${server.url}data.gz`, dest: join(dir, 'data.gz'), sha256, bytes: body.length }));
    expect(e.code).toBe('size-mismatch');
    expect(e.message).toContain('got 1,234 of 300,000 bytes');
    expect(await listDir(dir)).toEqual([]);
    // Without a known size the checksum still catches it.
    const e2 = await rejection(downloadFile({ url: `${server.url}data.gz`, dest: join(dir, 'data.gz'), sha256 }));
    expect(e2.code).toBe('checksum-mismatch');
    expect(await listDir(dir)).toEqual([]);
  });

  it('keeps a previous good file when a new download fails', async () => {
    const server = await serve(serveFiles(new Map([['data.gz', body.subarray(0, 10)]])));
    const dir = await temps.make();
    const dest = join(dir, 'data.gz');
    await writeFile(dest, 'previous');
    await rejection(downloadFile({ url: `${server.url}data.gz`, dest, sha256 }));
    expect(await readFile(dest, 'utf8')).toBe('previous');
    expect(await listDir(dir)).toEqual(['data.gz']);
  });

  it('reports HTTP errors and unreachable servers clearly', async () => {
    const server = await serve(serveFiles(new Map()));
    const dir = await temps.make();
    const e = await rejection(downloadFile({ url: `${server.url}missing.gz`, dest: join(dir, 'missing.gz'), sha256 }));
    expect(e.code).toBe('download-failed');
    expect(e.message).toContain('HTTP 404');
    const url = server.url;
    await server.close();
    servers.length = 0;
    const e2 = await rejection(downloadFile({ url: `${url}data.gz`, dest: join(dir, 'data.gz'), sha256 }));
    expect(e2.code).toBe('download-failed');
    expect(e2.message).toContain('ECONNREFUSED');
    expect(await listDir(dir)).toEqual([]);
  });

  it('says so when the cache directory cannot be written', async () => {
    const dir = await temps.make();
    await writeFile(join(dir, 'not-a-dir'), '');
    const e = await rejection(downloadFile({ url: 'http://127.0.0.1:9/data.gz', dest: join(dir, 'not-a-dir', 'data.gz'), sha256 }));
    expect(e.code).toBe('download-failed');
    expect(e.message).toContain('cannot write the download there');
  });

  it('gives up on a server that stops sending', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(body.length) });
      res.write(body.subarray(0, 10)); // …and never more
    });
    const dir = await temps.make();
    const e = await rejection(downloadFile({ url: `${server.url}data.gz`, dest: join(dir, 'data.gz'), sha256, idleTimeoutMs: 300 }));
    expect(e.code).toBe('download-failed');
    expect(e.message).toContain('no data for 0.3 s');
    expect(await listDir(dir)).toEqual([]);
  });
});
