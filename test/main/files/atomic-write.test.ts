import { fork } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src-main/files/atomic-write';

const CHILD = fileURLToPath(new URL('./atomic-writer-child.ts', import.meta.url));

/** Starts a child writing a large file at `target` through the helper; resolves once it is mid-write. */
function startWriter(target: string): Promise<import('node:child_process').ChildProcess> {
  const child = fork(CHILD, [target], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before it started writing`)));
  });
}

describe('writeFileAtomic', () => {
  it('writes text, bytes and chunks, replacing the old contents and leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-atomic-'));
    const path = join(dir, 'sub', 'model.json');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, new Uint8Array([104, 105]));
    expect(readFileSync(path, 'utf8')).toBe('hi');
    await writeFileAtomic(path, [new Uint8Array([97]), new Uint8Array([98])]);
    expect(readFileSync(path, 'utf8')).toBe('ab');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['model.json']);
  });

  it('keeps the permissions of the file it replaces, also those the umask would take away', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-atomic-'));
    const path = join(dir, 'private.convas.json');
    writeFileSync(path, 'old', { mode: 0o600 });
    await writeFileAtomic(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const shared = join(dir, 'shared.convas.json');
    writeFileSync(shared, 'old');
    chmodSync(shared, 0o666);
    await writeFileAtomic(shared, 'new');
    expect(statSync(shared).mode & 0o777).toBe(0o666);
  });

  it('saves through a symbolic link into the file it points to, keeping the link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-atomic-'));
    const real = join(dir, 'real.convas.json');
    const link = join(dir, 'link.convas.json');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('cleans up its temporary file when the data fails mid-way, and the old file stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-atomic-'));
    const path = join(dir, 'weights.bin');
    writeFileSync(path, 'previous');
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(10);
      throw new Error('the producer failed');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('the producer failed');
    expect(readFileSync(path, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['weights.bin']);
  });

  it('a writer killed mid-write (SIGKILL) leaves the previous file intact, five times over', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-atomic-kill-'));
    const target = join(dir, 'project.convas.json');
    const previous = `${JSON.stringify({ format: 'convas', note: 'the last good save' })}\n`;
    writeFileSync(target, previous);
    for (let i = 0; i < 5; i++) {
      const child = await startWriter(target);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
      // It is mid-file: its temporary file already holds megabytes.
      const temps = readdirSync(dir).filter((n) => n.endsWith('.tmp'));
      expect(temps.length).toBeGreaterThan(0);
      expect(Math.max(...temps.map((n) => statSync(join(dir, n)).size))).toBeGreaterThanOrEqual(1024 * 1024);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(readFileSync(target, 'utf8')).toBe(previous);
    }
    // Leftovers of the killed writers are temporaries, never the target.
    expect(
      readdirSync(dir)
        .filter((n) => n !== 'project.convas.json')
        .every((n) => n.startsWith('.project.convas.json.') && n.endsWith('.tmp')),
    ).toBe(true);
  });
});
