/**
 * The recent-files list of the desktop app, kept as JSON in the user-data directory (written
 * atomically). Only what is on this list may be reopened by path without a dialog.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { recentFileSchema, type RecentFile } from '../../src-shared/electron/ipc-schemas';
import { writeFileAtomic } from '../files/atomic-write';

export interface RecentFilesOptions {
  readonly max?: number;
  readonly now?: () => number;
  /** Called after every change (main rebuilds the File ▸ Open Recent menu). */
  readonly onChange?: (list: readonly RecentFile[]) => void;
}

export class RecentFiles {
  private entries: RecentFile[] = [];
  private readonly max: number;
  private readonly now: () => number;

  constructor(
    private readonly file: string,
    private readonly options: RecentFilesOptions = {},
  ) {
    this.max = options.max ?? 10;
    this.now = options.now ?? Date.now;
  }

  /** Reads the stored list; a missing or damaged file gives an empty list (it is a convenience, not data). */
  async load(): Promise<void> {
    try {
      const parsed = z.array(recentFileSchema).safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      this.entries = parsed.success ? this.dedupe(parsed.data) : [];
    } catch {
      this.entries = [];
    }
  }

  list(): readonly RecentFile[] {
    return this.entries;
  }

  has(path: string): boolean {
    const p = resolve(path);
    return this.entries.some((e) => e.path === p);
  }

  /** Puts `path` first. */
  async add(path: string): Promise<void> {
    const p = resolve(path);
    this.entries = this.dedupe([{ path: p, name: basename(p), at: this.now() }, ...this.entries]);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    const p = resolve(path);
    this.entries = this.entries.filter((e) => e.path !== p);
    await this.persist();
  }

  async clear(): Promise<void> {
    this.entries = [];
    await this.persist();
  }

  private dedupe(list: readonly RecentFile[]): RecentFile[] {
    const seen = new Set<string>();
    return list.filter((e) => !seen.has(e.path) && seen.add(e.path)).slice(0, this.max);
  }

  private async persist(): Promise<void> {
    try {
      await writeFileAtomic(this.file, `${JSON.stringify(this.entries, null, 2)}\n`);
    } finally {
      this.options.onChange?.(this.entries);
    }
  }
}
