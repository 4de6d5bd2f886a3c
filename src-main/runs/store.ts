import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write';
import { isInside } from '../engine/process/confinement';
import type { Graph } from '../../src-shared/graph/schema';
import { parseProject, serializeProject } from '../../src-shared/project/io';
import { CURRENT_FORMAT_VERSION } from '../../src-shared/project/schema';
import { isStoredRunId, runManifestSchema, type RunManifest, type StoredRun } from '../../src-shared/runs/manifest';
import { runCurvesSchema, type RunCurves } from '../../src-shared/runs/curves';

/** The files of one run's folder. */
export const MANIFEST_FILE = 'manifest.json';
export const CURVES_FILE = 'curves.json';
/** The graph and settings as trained, as a project file Convas opens. */
export const DESIGN_FILE = 'design.convas.json';
/** The trained model as an export folder (model.json, weights.bin, model.keras.json, convas-dataset.json). */
export const MODEL_DIR = 'model';

/** What went wrong with a stored run, as a code the engine turns into an error reason. */
export type RunStoreProblem = 'bad-id' | 'not-found' | 'unreadable';

export class RunStoreError extends Error {
  constructor(
    readonly problem: RunStoreProblem,
    readonly id: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** Run folders this process is recording now (a 'running' manifest of its own pid that is not here was left by a failed recorder). */
const writing = new Set<string>();

/** Whether a process of this pid is alive (EPERM: alive, someone else's). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Bytes of the files under `path` (symbolic links counted as themselves, never followed). */
async function sizeOnDisk(path: string): Promise<number> {
  const info = await lstat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await sizeOnDisk(join(path, entry));
  return total;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

/** A new run id: its UTC start time (so ids sort by age) and a few random characters. */
export function newRunId(now: Date = new Date()): string {
  const t = now.toISOString();
  return `${t.slice(0, 10).replaceAll('-', '')}-${t.slice(11, 19).replaceAll(':', '')}-${randomBytes(3).toString('hex')}`;
}

/**
 * One project's runs: a folder holding one folder per run. Every id is checked before it names a
 * folder (see STORED_RUN_ID), and every file is written atomically, so a crash leaves each file
 * whole: the old version or the new.
 */
export class RunStore {
  constructor(readonly dir: string) {}

  /** The folder of run `id`; throws RunStoreError('bad-id') for an id that is not a plain folder name. */
  folderOf(id: string): string {
    const folder = join(this.dir, id);
    if (!isStoredRunId(id) || !isInside(this.dir, folder) || folder === this.dir)
      throw new RunStoreError('bad-id', id, `not a run id: ${id}`);
    return folder;
  }

  /** Makes the folder of a new run and marks it as recorded by this process; returns its id. */
  async create(now: Date = new Date()): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    for (;;) {
      const id = newRunId(now);
      try {
        await mkdir(this.folderOf(id));
        writing.add(this.folderOf(id));
        return id;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  }

  /** Marks run `id` as no longer recorded by this process. */
  release(id: string): void {
    writing.delete(this.folderOf(id));
  }

  async writeManifest(manifest: RunManifest): Promise<void> {
    await writeFileAtomic(join(this.folderOf(manifest.id), MANIFEST_FILE), json(runManifestSchema.parse(manifest)));
  }

  async writeCurves(id: string, curves: RunCurves): Promise<void> {
    await writeFileAtomic(join(this.folderOf(id), CURVES_FILE), json(curves));
  }

  /** Writes the design (graph and settings) as a project file named after the run's project. */
  async writeDesign(manifest: RunManifest, graph: Graph): Promise<void> {
    const text = serializeProject({
      formatVersion: CURRENT_FORMAT_VERSION,
      app: 'convas',
      name: manifest.project || manifest.name,
      description: '',
      graph,
      training: manifest.settings,
    });
    await writeFileAtomic(join(this.folderOf(manifest.id), DESIGN_FILE), text);
  }

  /** The model folder of run `id`. */
  modelDir(id: string): string {
    return join(this.folderOf(id), MODEL_DIR);
  }

  /**
   * Run `id`'s manifest as it stands: its size measured now, and a 'running' run whose writer is
   * gone turned 'crashed' (and written so, so that a later process with the same pid cannot revive it).
   */
  async manifest(id: string): Promise<RunManifest> {
    const folder = this.folderOf(id);
    let text: string;
    try {
      text = await readFile(join(folder, MANIFEST_FILE), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new RunStoreError(code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable', id, `run ${id}: ${String(e)}`);
    }
    let manifest: RunManifest;
    try {
      manifest = runManifestSchema.parse(JSON.parse(text));
    } catch (e) {
      throw new RunStoreError('unreadable', id, `run ${id}: the manifest cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
    if (manifest.id !== id) throw new RunStoreError('unreadable', id, `run ${id}: its manifest names run ${manifest.id}`);
    const sizeBytes = await sizeOnDisk(folder);
    const pid = manifest.writer.pid;
    const gone = pid === process.pid ? !writing.has(folder) : !alive(pid);
    if (manifest.status === 'running' && gone) {
      manifest = { ...manifest, status: 'crashed', sizeBytes };
      await this.writeManifest(manifest).catch(() => undefined);
      return manifest;
    }
    return { ...manifest, sizeBytes };
  }

  /** Every run that can be read, newest first, and the bytes they take in all (unreadable folders are counted too, so nothing is hidden). */
  async list(): Promise<{ runs: RunManifest[]; unreadable: string[]; totalBytes: number }> {
    let entries: string[];
    try {
      entries = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], unreadable: [], totalBytes: 0 };
      throw e;
    }
    const runs: RunManifest[] = [];
    const unreadable: string[] = [];
    let totalBytes = 0;
    for (const id of entries.sort().reverse()) {
      if (!isStoredRunId(id)) continue;
      try {
        const m = await this.manifest(id);
        runs.push(m);
        totalBytes += m.sizeBytes;
      } catch (e) {
        if (!(e instanceof RunStoreError) || e.problem === 'not-found') continue;
        unreadable.push(id);
        totalBytes += await sizeOnDisk(this.folderOf(id)).catch(() => 0);
      }
    }
    runs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return { runs, unreadable, totalBytes };
  }

  /** Run `id` with its graph and curves. */
  async read(id: string): Promise<StoredRun> {
    const manifest = await this.manifest(id);
    const folder = this.folderOf(id);
    try {
      const design = parseProject(await readFile(join(folder, DESIGN_FILE), 'utf8'));
      if (!design.ok) throw new Error(`${DESIGN_FILE}: ${design.error.code}`);
      const curves = runCurvesSchema.parse(JSON.parse(await readFile(join(folder, CURVES_FILE), 'utf8')));
      return { manifest, graph: design.project.graph, curves };
    } catch (e) {
      throw new RunStoreError('unreadable', id, `run ${id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Gives run `id` a new name. */
  async rename(id: string, name: string): Promise<RunManifest> {
    const manifest = { ...(await this.manifest(id)), name };
    await this.writeManifest(manifest);
    return manifest;
  }

  /** Deletes run `id` and every file in its folder. */
  async delete(id: string): Promise<void> {
    const folder = this.folderOf(id);
    await this.manifest(id).catch((e: unknown) => {
      // A damaged run can be deleted; one that is not there cannot.
      if (e instanceof RunStoreError && e.problem === 'unreadable') return;
      throw e;
    });
    await rm(folder, { recursive: true, force: true });
  }
}
