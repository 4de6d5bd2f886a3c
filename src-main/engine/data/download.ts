import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DatasetError, describeError, formatCount } from './errors';

/** How far one download has got; `total` is undefined when neither server nor manifest says. */
export interface DownloadProgress {
  readonly file: string;
  readonly url: string;
  readonly received: number;
  readonly total: number | undefined;
}

/** One file to fetch and the SHA-256 it must have before it may land at `dest`. */
export interface DownloadRequest {
  readonly url: string;
  readonly dest: string;
  readonly sha256: string;
  /** Expected size; a server that sends more is cut off early. */
  readonly bytes?: number;
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly signal?: AbortSignal;
  /** Give up when no byte arrives for this long. */
  readonly idleTimeoutMs?: number;
}

/** SHA-256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// fetch() reports network failures as "fetch failed" with the useful part (ECONNREFUSED, …) in `cause`.
function networkReason(e: unknown): string {
  return e instanceof Error && e.cause instanceof Error ? e.cause.message : describeError(e);
}

function tempPathFor(dest: string): string {
  // Same directory as dest so the final rename stays on one file system (and so is atomic).
  return join(dirname(dest), `.${basename(dest)}.${process.pid}.${randomUUID().slice(0, 8)}.part`);
}

/**
 * Downloads `url` to `dest` through a temp file that is renamed only after the size and SHA-256
 * match; on any failure the temp file is removed and `dest` is left as it was.
 */
export async function downloadFile(req: DownloadRequest): Promise<void> {
  const file = basename(req.dest);
  const temp = tempPathFor(req.dest);
  let handle: FileHandle;
  try {
    await mkdir(dirname(req.dest), { recursive: true });
    handle = await open(temp, 'w');
  } catch (e) {
    throw new DatasetError(
      'download-failed',
      `${dirname(req.dest)}: cannot write the download there (${describeError(e)}) — check its permissions or choose another cache directory (CONVAS_CACHE_DIR)`,
      { cause: e },
    );
  }
  const idle = new AbortController();
  const idleMs = req.idleTimeoutMs ?? 30_000;
  let timer = setTimeout(() => idle.abort(), idleMs);
  const signal = req.signal ? AbortSignal.any([req.signal, idle.signal]) : idle.signal;
  const fail = (code: 'download-failed' | 'size-mismatch' | 'checksum-mismatch', what: string, cause?: unknown): DatasetError =>
    new DatasetError(code, `${file} from ${req.url}: ${what}`, cause === undefined ? undefined : { cause });

  try {
    let response: Response;
    try {
      response = await fetch(req.url, { signal, redirect: 'follow' });
    } catch (e) {
      throw fail(
        'download-failed',
        `download failed: ${idle.signal.aborted ? `no answer for ${idleMs / 1000} s` : networkReason(e)} — check the network connection or try again later`,
        e,
      );
    }
    if (!response.ok || !response.body) {
      throw fail(
        'download-failed',
        `download failed: the server answered HTTP ${response.status} ${response.statusText}`.trimEnd() +
          ' — the mirror may have moved; try again later',
      );
    }
    const header = response.headers.get('content-length');
    const announced = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
    if (announced !== undefined && req.bytes !== undefined && announced !== req.bytes) {
      await response.body.cancel();
      throw fail(
        'size-mismatch',
        `the server offers ${formatCount(announced)} bytes but the published file has ${formatCount(req.bytes)} — the mirror holds a different file`,
      );
    }
    const total = req.bytes ?? announced;
    const hash = createHash('sha256');
    let received = 0;
    try {
      for await (const chunk of response.body) {
        const bytes = chunk as Uint8Array;
        received += bytes.length;
        if (req.bytes !== undefined && received > req.bytes) {
          throw fail(
            'size-mismatch',
            `the server sent more than the ${formatCount(req.bytes)} bytes of the published file — the mirror holds a different file`,
          );
        }
        hash.update(bytes);
        await handle.write(bytes);
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(), idleMs);
        req.onProgress?.({ file, url: req.url, received, total });
      }
    } catch (e) {
      if (e instanceof DatasetError) throw e;
      const why = idle.signal.aborted ? `no data for ${idleMs / 1000} s` : networkReason(e);
      throw fail(
        'download-failed',
        `download broke off after ${formatCount(received)} of ${total === undefined ? '?' : formatCount(total)} bytes (${why}) — try again`,
        e,
      );
    }
    if (total !== undefined && received !== total) {
      throw fail('size-mismatch', `download is incomplete: got ${formatCount(received)} of ${formatCount(total)} bytes — try again`);
    }
    const actual = hash.digest('hex');
    if (actual !== req.sha256.toLowerCase()) {
      throw fail(
        'checksum-mismatch',
        `SHA-256 mismatch: expected ${req.sha256}, got ${actual} — the download is damaged or the mirror holds a different file; nothing was saved`,
      );
    }
    await handle.close();
    await rename(temp, req.dest);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
