import { randomBytes } from 'node:crypto';
import { mkdir, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** What can be written: the whole contents, or its chunks in order (a large file written as it is produced). */
export type AtomicData = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** The file mode to give the new file: the one it replaces keeps its permissions; a new file gets the default (less the umask). */
async function modeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** Where the bytes really go: a symbolic link's target (renaming over the link would replace the link with a plain file). */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** Writes every byte of `chunk` (a write may take fewer bytes than it was given). */
async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let offset = 0; offset < chunk.byteLength;) offset += (await handle.write(chunk, offset)).bytesWritten;
}

/**
 * Writes a file so that a crash never leaves half of it: the bytes go to a temporary file beside
 * the target (same folder, so the rename stays on one file system and is atomic), are flushed to
 * disk, and only then replace the target. Killed at any moment, the target is either the old file
 * or the new one; at worst a `.<name>.<random>.tmp` beside it remains.
 */
export async function writeFileAtomic(linkOrPath: string, data: AtomicData): Promise<void> {
  const path = await realTarget(linkOrPath);
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await modeOf(path);
  try {
    const handle = await open(temp, 'wx', mode ?? 0o666);
    try {
      // open() applies the umask; a replaced file keeps exactly the permissions it had.
      if (mode !== undefined) await handle.chmod(mode);
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else for await (const chunk of data) await writeAll(handle, chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
