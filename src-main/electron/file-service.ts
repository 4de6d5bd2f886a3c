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
  OpenedBinaryFile,
  OpenedFile,
  OpenKind,
  OpenManyKind,
  SavedFile,
  SaveFileRequest,
} from '../../src-shared/electron/ipc-schemas';
import { MAX_BINARY_BYTES, MAX_OPENED_FILES } from '../../src-shared/electron/ipc-schemas';
import { translator, type Translator } from '../../src-shared/i18n/catalog';
import type { Language } from '../../src-shared/i18n/language';
import { writeFileAtomic } from '../files/atomic-write';
import type { RecentFiles } from './recent-files';

/** What the native dialogs do; Electron's `dialog` implements it in dialogs.ts. Each resolves undefined when cancelled. */
export interface FileDialogs {
  chooseFileToOpen(kind: OpenKind, defaultDir: string): Promise<string | undefined>;
  /** Several files at once; undefined when cancelled. */
  chooseFilesToOpen(kind: OpenManyKind, defaultDir: string): Promise<readonly string[] | undefined>;
  chooseSaveTarget(kind: ExportKind, defaultPath: string): Promise<string | undefined>;
  chooseDirectory(kind: ExportKind, defaultDir: string): Promise<string | undefined>;
  /** Asks before files in `dir` are replaced. */
  confirmOverwrite(dir: string, names: readonly string[]): Promise<boolean>;
}

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

type FilterKind = OpenKind | OpenManyKind | ExportKind;

/** The extensions each dialog offers; the first filter is named after the kind, "all files" may follow. */
const FILTER_EXTENSIONS: Readonly<Record<FilterKind, { readonly extensions: readonly string[]; readonly allFiles: boolean }>> = {
  project: { extensions: ['convas.json', 'json'], allFiles: true },
  model: { extensions: ['json'], allFiles: true },
  'trained-model': { extensions: ['json', 'bin'], allFiles: true },
  'keras-json': { extensions: ['json'], allFiles: false },
  'tfjs-model': { extensions: ['json'], allFiles: false },
  python: { extensions: ['py'], allFiles: false },
  png: { extensions: ['png'], allFiles: false },
  onnx: { extensions: ['onnx'], allFiles: false },
};

/** The file-type filters of a dialog for this purpose, named in the language. */
export function fileFilters(language: Language, kind: FilterKind): readonly FileFilter[] {
  const t = translator(language, 'electron');
  const { extensions, allFiles } = FILTER_EXTENSIONS[kind];
  const own: FileFilter = { name: t(`filter.${kind}`), extensions };
  return allFiles ? [own, { name: t('filter.all'), extensions: ['*'] }] : [own];
}

/** The extension a file of each kind gets when the user typed a name without one. */
export const DEFAULT_EXTENSION: Readonly<Record<ExportKind, string>> = {
  project: '.convas.json',
  'keras-json': '.json',
  'tfjs-model': '.json',
  python: '.py',
  png: '.png',
  onnx: '.onnx',
};

/** "net" → "net.convas.json"; a name that already has an extension is the user's choice and kept. */
export function withDefaultExtension(path: string, kind: ExportKind): string {
  return extname(basename(path)) === '' ? `${path}${DEFAULT_EXTENSION[kind]}` : path;
}

export const MAX_READ_BYTES = 32 * 1024 * 1024;

/** A file that is too big to read; the reason names the limit. */
class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
  }
}

/** Why a file operation failed, in words: the common system errors by code, anything else as the system said it. */
function reason(t: Translator<'electron'>, e: unknown): string {
  if (e instanceof TooLargeError) return t('file.reason.tooLarge', { mb: Math.round(e.maxBytes / 1024 / 1024) });
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return t('file.reason.missing');
    case 'EACCES':
    case 'EPERM':
      return t('file.reason.denied');
    case 'EISDIR':
      return t('file.reason.folder');
    case 'ENOSPC':
      return t('file.reason.diskFull');
    case 'EROFS':
      return t('file.reason.readOnly');
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
  /** The language errors are worded in (the page shows them as they are); English by default. */
  readonly language?: () => Language;
}

export class FileService {
  /** Paths the page may write to without a dialog: those main handed out itself. */
  private readonly granted = new Set<string>();
  private lastDir: string;

  constructor(private readonly options: FileServiceOptions) {
    this.lastDir = options.startDir;
  }

  private get t(): Translator<'electron'> {
    return translator(this.options.language?.() ?? 'en', 'electron');
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

  /** Several files chosen in one dialog, read as bytes (a trained model: model.json, weights.bin, convas-dataset.json); null when cancelled. */
  async openMany(kind: OpenManyKind): Promise<OpenedBinaryFile[] | null> {
    const chosen = await this.options.dialogs.chooseFilesToOpen(kind, this.lastDir);
    if (!chosen || chosen.length === 0) return null;
    if (chosen.length > MAX_OPENED_FILES) throw new Error(this.t('file.tooMany', { max: MAX_OPENED_FILES }));
    const opened: OpenedBinaryFile[] = [];
    for (const path of chosen) opened.push(await this.readBytes(resolve(path)));
    this.lastDir = dirname(opened[0]!.path);
    return opened;
  }

  async openRecent(path: string): Promise<OpenedFile> {
    const p = resolve(path);
    if (!this.options.recent.has(p)) throw new Error(this.t('file.notRecent', { name: basename(p) }));
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
    if (targets.some((t) => dirname(t.path) !== dir)) throw new Error(this.t('file.leavesFolder'));
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
      if (info.size > max) throw new TooLargeError(max);
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new Error(this.t('file.cannotOpen', { name, reason: reason(this.t, e) }), { cause: e });
    }
    return { path, name, text: text.replace(/^\uFEFF/, '') };
  }

  private async readBytes(path: string): Promise<OpenedBinaryFile> {
    const name = basename(path);
    try {
      const info = await stat(path);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      if (info.size > MAX_BINARY_BYTES) throw new TooLargeError(MAX_BINARY_BYTES);
      return { path, name, data: new Uint8Array(await readFile(path)) };
    } catch (e) {
      throw new Error(this.t('file.cannotOpen', { name, reason: reason(this.t, e) }), { cause: e });
    }
  }

  private async write(path: string, data: string | Uint8Array): Promise<void> {
    try {
      await writeFileAtomic(path, data);
    } catch (e) {
      throw new Error(this.t('file.cannotWrite', { name: basename(path), reason: reason(this.t, e) }), { cause: e });
    }
  }
}
