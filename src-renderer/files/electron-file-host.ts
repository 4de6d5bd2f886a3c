/**
 * Files in the desktop app: native dialogs and atomic writes through the preload bridge
 * (`window.convas.files`). Main validates every request and writes only where the user chose
 * (or to a path it handed out itself); this side checks every answer main sends back.
 * Written without DOM names and with the bridge passed in, so Node tests drive it with a fake.
 */
import type { z } from 'zod';
import type { ConvasBridge } from '../../src-shared/electron/bridge-api';
import {
  exportedFileSchema,
  exportedFilesSchema,
  openedBinaryFilesSchema,
  openedFileSchema,
  recentFilesSchema,
  savedFileSchema,
  type ExportKind,
} from '../../src-shared/electron/ipc-schemas';
import { zodIssues } from '../../src-shared/project/io';
import { baseName, type FileHost, type OpenedFile, type RecentFile, type RecentStore } from './file-host';

export type BridgeFiles = ConvasBridge['files'];

/** Checks an answer of the bridge; a malformed one becomes an error with a sentence to show. */
function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`The desktop app answered ${what} with unexpected data: ${zodIssues(parsed.error)}`);
  return parsed.data;
}

/** Which export an exported file is, from its name and type; it picks the save dialog's title and filter. */
export function exportKindOf(name: string, mime: string): ExportKind {
  const lower = name.toLowerCase();
  if (mime === 'image/png' || lower.endsWith('.png')) return 'png';
  if (mime === 'text/x-python' || lower.endsWith('.py')) return 'python';
  if (lower.endsWith('.convas.json')) return 'project';
  if (lower.endsWith('.keras.json')) return 'keras-json';
  if (lower.endsWith('.onnx')) return 'onnx';
  return 'tfjs-model';
}

/** Bytes on a plain ArrayBuffer, as the bridge takes them (a view on shared memory is copied). */
function plain(data: string | Uint8Array): string | Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return data;
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

async function bytesOf(data: string | Uint8Array | Blob): Promise<string | Uint8Array<ArrayBuffer>> {
  if (typeof data === 'string' || data instanceof Uint8Array) return plain(data);
  return new Uint8Array(await data.arrayBuffer());
}

/**
 * The FileHost of the desktop app. Save writes without asking only to a path this host was handed
 * by main (from an open, a recent file or an earlier save); any other target asks with a dialog.
 */
export function electronFileHost(files: BridgeFiles): FileHost {
  /** Paths main handed out: the only ones Save passes back (main would refuse others anyway). */
  const known = new Set<string>();

  const opened = (value: unknown, what: string): OpenedFile => {
    const file = checked(openedFileSchema, value, what);
    return { name: file.name, text: file.text, path: file.path };
  };

  return {
    async open(_accept, purpose = 'project') {
      const answer = await files.open({ kind: purpose });
      if (answer === null) return null;
      const file = opened(answer, 'open');
      // Main grants saving back in place only to projects; an imported model is saved with Save As.
      if (purpose === 'project' && file.path) known.add(file.path);
      return file;
    },

    async save(target, text, suggested) {
      const path = target !== null && known.has(target) ? target : null;
      const answer = await files.save({ path, suggestedName: suggested, text });
      if (answer === null) return null;
      const saved = checked(savedFileSchema, answer, 'save');
      known.add(saved.path);
      return { name: saved.name, path: saved.path };
    },

    async download(name, data, mime) {
      const answer = await files.exportFile({ kind: exportKindOf(name, mime), suggestedName: name, data: await bytesOf(data) });
      if (answer === null) return false;
      checked(exportedFileSchema, answer, 'export');
      return true;
    },

    async saveFiles(list) {
      if (list.length === 0) return { names: [] };
      const kind = list.length === 1 ? exportKindOf(list[0]!.name, '') : 'tfjs-model';
      const answer = await files.exportFiles({ kind, files: list.map((f) => ({ name: f.name, data: plain(f.data) })) });
      if (answer === null) return null;
      const written = checked(exportedFilesSchema, answer, 'export');
      return { dir: written.dir, names: written.paths.map(baseName) };
    },

    async openFiles() {
      const answer = await files.openMany({ kind: 'trained-model' });
      if (answer === null) return null;
      return checked(openedBinaryFilesSchema, answer, 'open').map((f) => ({ name: f.name, data: f.data }));
    },

    async openRecent(path) {
      const file = opened(await files.openRecent(path), 'open recent');
      if (file.path) known.add(file.path);
      return file;
    },
  };
}

/** Two recent files of the same name (in different folders) are told apart by their folder. */
function distinctNames(list: readonly { path: string; name: string; at: number }[]): RecentFile[] {
  const count = new Map<string, number>();
  for (const r of list) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return list.map((r) => {
    if ((count.get(r.name) ?? 0) < 2) return { name: r.name, at: r.at, path: r.path };
    const dir = baseName(r.path.slice(0, Math.max(0, r.path.length - baseName(r.path).length - 1)));
    return { name: dir ? `${r.name} (${dir})` : r.name, at: r.at, path: r.path };
  });
}

/**
 * The desktop app's recent files: the main process keeps the list (it also fills the native
 * menu), this keeps the last copy for the page's menus and reloads it after every open or save.
 */
export function electronRecentStore(files: BridgeFiles, onError: (message: string) => void = () => {}): Required<RecentStore> {
  let list: readonly RecentFile[] = [];
  let loading: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const load = () =>
    files
      .recent()
      .then((answer) => {
        list = distinctNames(checked(recentFilesSchema, answer, 'the recent-files list'));
      })
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        loading = undefined;
      });
  /** Loads the list; `fresh` waits for a load that starts after this call (the one under way may predate a change). */
  const refresh = (fresh = true): Promise<void> => {
    if (!loading) return (loading = load());
    if (!fresh) return loading;
    queued ??= loading.then(() => {
      queued = undefined;
      return refresh();
    });
    return queued;
  };
  return {
    list() {
      // Stale-while-revalidate: main may have changed the list (Clear Recent, a file opened from the OS).
      void refresh(false);
      return list;
    },
    remember() {
      void refresh();
    },
    refresh: () => refresh(),
  };
}
