/**
 * File operations of the desktop app behind the typed IPC: native dialogs choose, main reads and
 * writes (atomically). The page never names an arbitrary path: it may write without a dialog only
 * to a path main handed out itself (from a dialog or the recent list). Pure Node with the dialogs
 * injected, so it is tested without Electron.
 */
import { stat, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type {
  ExportedFile,
  ExportedFiles,
  ExportFileRequest,
  ExportFilesRequest,
  ExportKind,
  OpenedFile,
  OpenKind,
  SavedFile,
  SaveFileRequest,
} from '../../src-shared/electron/ipc-schemas';
import { writeFileAtomic } from '../files/atomic-write';
import type { RecentFiles } from './recent-files';

/** What the native dialogs do; Electron's `dialog` implements it in dialogs.ts. Each resolves undefined when cancelled. */
export interface FileDialogs {
  chooseFileToOpen(kind: OpenKind, defaultDir: string): Promise<string | undefined>;
  chooseSaveTarget(kind: ExportKind, defaultPath: string): Promise<string | undefined>;
  chooseDirectory(kind: ExportKind, defaultDir: string): Promise<string | undefined>;
  /** Asks before files in `dir` are replaced. */
  confirmOverwrite(dir: string, names: readonly string[]): Promise<boolean>;
}

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** The file-type filters of the dialogs, per purpose. */
export const FILE_FILTERS: Readonly<Record<OpenKind | ExportKind, readonly FileFilter[]>> = {
  project: [
    { name: 'Convas project', extensions: ['convas.json', 'json'] },
    { name: 'All files', extensions: ['*'] },
  ],
  model: [
    { name: 'Keras or TensorFlow.js model (JSON)', extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ],
  'keras-json': [{ name: 'Keras model JSON', extensions: ['json'] }],
  'tfjs-model': [{ name: 'TensorFlow.js model', extensions: ['json'] }],
  python: [{ name: 'Python script', extensions: ['py'] }],
  png: [{ name: 'PNG image', extensions: ['png'] }],
};

/** The extension a file of each kind gets when the user typed a name without one. */
export const DEFAULT_EXTENSION: Readonly<Record<ExportKind, string>> = {
  project: '.convas.json',
  'keras-json': '.json',
  'tfjs-model': '.json',
  python: '.py',
  png: '.png',
};

/** "net" → "net.convas.json"; a name that already has an extension is the user's choice and kept. */
export function withDefaultExtension(path: string, kind: ExportKind): string {
  return extname(basename(path)) === '' ? `${path}${DEFAULT_EXTENSION[kind]}` : path;
}

export const MAX_READ_BYTES = 32 * 1024 * 1024;

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

export interface FileServiceOptions {
  readonly dialogs: FileDialogs;
  readonly recent: RecentFiles;
  /** Where dialogs start before the user has picked anything (the Documents folder). */
  readonly startDir: string;
  readonly maxReadBytes?: number;
}

export class FileService {
  /** Paths the page may write to without a dialog: those main handed out itself. */
  private readonly granted = new Set<string>();
  private lastDir: string;

  constructor(private readonly options: FileServiceOptions) {
    this.lastDir = options.startDir;
  }

  isGranted(path: string): boolean {
    return this.granted.has(resolve(path));
  }

  /** Grants a path the user chose outside a dialog of ours (a file named on the command line). */
  grant(path: string): void {
    this.granted.add(resolve(path));
  }

  async open(kind: OpenKind): Promise<OpenedFile | null> {
    const chosen = await this.options.dialogs.chooseFileToOpen(kind, this.lastDir);
    if (!chosen) return null;
    const file = await this.read(resolve(chosen));
    this.lastDir = dirname(file.path);
    // A project may be saved back in place; an imported model becomes a new, unsaved project.
    if (kind === 'project') {
      this.grant(file.path);
      await this.options.recent.add(file.path);
    }
    return file;
  }

  async openRecent(path: string): Promise<OpenedFile> {
    const p = resolve(path);
    if (!this.options.recent.has(p)) throw new Error(`${basename(p)} is not on the recent-files list.`);
    let file: OpenedFile;
    try {
      file = await this.read(p);
    } catch (e) {
      await this.options.recent.remove(p);
      throw e;
    }
    this.grant(p);
    this.lastDir = dirname(p);
    await this.options.recent.add(p);
    return file;
  }

  async save(request: SaveFileRequest): Promise<SavedFile | null> {
    let target = request.path !== null && this.isGranted(request.path) ? resolve(request.path) : undefined;
    if (!target) {
      const chosen = await this.options.dialogs.chooseSaveTarget('project', join(this.lastDir, request.suggestedName));
      if (!chosen) return null;
      target = withDefaultExtension(resolve(chosen), 'project');
    }
    await this.write(target, request.text);
    this.grant(target);
    this.lastDir = dirname(target);
    await this.options.recent.add(target);
    return { path: target, name: basename(target) };
  }

  async exportFile(request: ExportFileRequest): Promise<ExportedFile | null> {
    const chosen = await this.options.dialogs.chooseSaveTarget(request.kind, join(this.lastDir, request.suggestedName));
    if (!chosen) return null;
    const target = withDefaultExtension(resolve(chosen), request.kind);
    await this.write(target, request.data);
    this.lastDir = dirname(target);
    return { path: target };
  }

  async exportFiles(request: ExportFilesRequest): Promise<ExportedFiles | null> {
    const chosen = await this.options.dialogs.chooseDirectory(request.kind, this.lastDir);
    if (!chosen) return null;
    const dir = resolve(chosen);
    // Names are validated bare file names; join cannot leave `dir`. Check anyway: this is the write boundary.
    const targets = request.files.map((f) => ({ path: join(dir, f.name), data: f.data }));
    if (targets.some((t) => dirname(t.path) !== dir)) throw new Error('A file name tried to leave the chosen folder.');
    const existing = targets.filter((t) => existsSync(t.path)).map((t) => basename(t.path));
    if (existing.length > 0 && !(await this.options.dialogs.confirmOverwrite(dir, existing))) return null;
    for (const t of targets) await this.write(t.path, t.data);
    this.lastDir = dir;
    return { dir, paths: targets.map((t) => t.path) };
  }

  private async read(path: string): Promise<OpenedFile> {
    const name = basename(path);
    let text: string;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      const max = this.options.maxReadBytes ?? MAX_READ_BYTES;
      if (info.size > max) throw new Error(`it is larger than ${Math.round(max / 1024 / 1024)} MB`);
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new Error(`Cannot open ${name}: ${reason(e)}.`, { cause: e });
    }
    return { path, name, text: text.replace(/^\uFEFF/, '') };
  }

  private async write(path: string, data: string | Uint8Array): Promise<void> {
    try {
      await writeFileAtomic(path, data);
    } catch (e) {
      throw new Error(`Cannot write ${basename(path)}: ${reason(e)}. Nothing was changed.`, { cause: e });
    }
  }
}
