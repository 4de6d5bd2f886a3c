// A folder of pictures, one subfolder per class: either `train/` and `test/` each holding the
// class subfolders, or the class subfolders alone (a test part is then held out after decoding).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkipReason } from '../../../src-shared/engine/protocol';
import { DatasetError, describeError } from './errors';

/** One picture file to decode: where it is, what the cache keys on, and its class. */
export interface FolderFile {
  readonly path: string;
  /** Relative to the dataset folder, with '/' separators (for messages and the cache key). */
  readonly rel: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly label: number;
}

/** A file left out, by path relative to the dataset folder. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: SkipReason;
}

/** What a folder holds: its classes (folder names, sorted) and the files of each split. */
export interface FolderScan {
  readonly root: string;
  /** 'split': train/ and test/ were given; 'classes': only class folders, the test part is held out later. */
  readonly layout: 'split' | 'classes';
  readonly classNames: readonly string[];
  readonly train: readonly FolderFile[];
  /** Empty for the 'classes' layout. */
  readonly test: readonly FolderFile[];
  /** Files that are not in a class folder, or could not be looked at. */
  readonly skipped: readonly SkippedFile[];
}

// Deep enough for any real photo collection, shallow enough to stop a symlink loop.
const MAX_DEPTH = 16;
/** Files looked at at once while listing a folder. */
const STAT_BATCH = 256;

/** Code-point order, as Python's sorted() gives Keras its class order: the same on every platform and locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Dot files are the system's (.DS_Store, .git): not the user's pictures, so neither read nor reported.
const hidden = (name: string) => name.startsWith('.');

interface Entry {
  readonly name: string;
  readonly path: string;
  readonly isDir: boolean;
  readonly size: number;
  readonly mtimeMs: number;
}

async function entriesOf(dir: string, rel: string, skipped: SkippedFile[]): Promise<Entry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    skipped.push({ file: rel || '.', reason: 'unreadable' });
    if (!rel)
      throw new DatasetError('not-found', `${dir}: cannot be read (${describeError(e)}) — check that it is a folder you may read`, {
        cause: e,
      });
    return [];
  }
  const visible = names.filter((n) => !hidden(n)).sort(byCodePoint);
  const found: (Entry | undefined)[] = new Array(visible.length);
  // Many stats at once: one after the other, a folder of 50,000 pictures takes seconds to list.
  for (let start = 0; start < visible.length; start += STAT_BATCH) {
    await Promise.all(
      visible.slice(start, start + STAT_BATCH).map(async (name, k) => {
        const path = join(dir, name);
        try {
          // stat, not lstat: a linked folder or picture counts as what it points to.
          const s = await stat(path);
          if (s.isDirectory() || s.isFile()) found[start + k] = { name, path, isDir: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs };
        } catch {
          skipped.push({ file: rel ? `${rel}/${name}` : name, reason: 'unreadable' });
        }
      }),
    );
  }
  return found.filter((e): e is Entry => e !== undefined);
}

/** Every file under a class folder (subfolders included, as Keras includes them), in a stable order. */
async function filesUnder(dir: string, rel: string, label: number, out: FolderFile[], skipped: SkippedFile[], depth = 0): Promise<void> {
  if (depth > MAX_DEPTH) return;
  for (const e of await entriesOf(dir, rel, skipped)) {
    const eRel = `${rel}/${e.name}`;
    if (e.isDir) await filesUnder(e.path, eRel, label, out, skipped, depth + 1);
    else out.push({ path: e.path, rel: eRel, size: e.size, mtimeMs: e.mtimeMs, label });
  }
}

/** The class folders of `dir` (sorted) and the files lying beside them, which belong to no class. */
async function classFolders(dir: string, rel: string, skipped: SkippedFile[]): Promise<Entry[]> {
  const entries = await entriesOf(dir, rel, skipped);
  for (const e of entries) if (!e.isDir) skipped.push({ file: rel ? `${rel}/${e.name}` : e.name, reason: 'outside-class' });
  return entries.filter((e) => e.isDir);
}

/**
 * Lists a dataset folder: with `train/` and `test/` subfolders, each holds one subfolder per class
 * (the classes are train/'s); otherwise every subfolder is a class. Throws DatasetError when the
 * folder is missing, or test/ names a class train/ does not have.
 */
export async function scanImageFolder(root: string): Promise<FolderScan> {
  let s;
  try {
    s = await stat(root);
  } catch {
    throw new DatasetError(
      'not-found',
      `${root}: folder not found — name a folder with one subfolder of pictures per class (or train/ and test/, each with one subfolder per class)`,
    );
  }
  if (!s.isDirectory()) {
    throw new DatasetError('not-found', `${root}: is a file, not a folder — name the folder that holds one subfolder per class`);
  }
  const skipped: SkippedFile[] = [];
  const top = await entriesOf(root, '', []);
  const dirs = new Set(top.filter((e) => e.isDir).map((e) => e.name));
  const split = dirs.has('train') && dirs.has('test');

  if (!split) {
    const classes = await classFolders(root, '', skipped);
    const train: FolderFile[] = [];
    for (const [label, c] of classes.entries()) await filesUnder(c.path, c.name, label, train, skipped);
    return { root, layout: 'classes', classNames: classes.map((c) => c.name), train, test: [], skipped };
  }

  for (const e of top) if (!e.isDir) skipped.push({ file: e.name, reason: 'outside-class' });
  const trainClasses = await classFolders(join(root, 'train'), 'train', skipped);
  const classNames = trainClasses.map((c) => c.name);
  const labelOf = new Map(classNames.map((n, i) => [n, i]));
  const train: FolderFile[] = [];
  for (const [label, c] of trainClasses.entries()) await filesUnder(c.path, `train/${c.name}`, label, train, skipped);
  const test: FolderFile[] = [];
  for (const c of await classFolders(join(root, 'test'), 'test', skipped)) {
    const label = labelOf.get(c.name);
    if (label === undefined) {
      throw new DatasetError(
        'unknown-test-class',
        `${join(root, 'test', c.name)}: test/${c.name} is not a class in train/ (${classNames.join(', ') || 'none'}) — the test folder must have the same class subfolders as the training folder`,
        { subject: c.name },
      );
    }
    await filesUnder(c.path, `test/${c.name}`, label, test, skipped);
  }
  return { root, layout: 'split', classNames, train, test, skipped };
}
