/**
 * The words and options of every native dialog main shows, in the app's language, from the
 * `electron` dictionary. Pure: electron is imported for types only, so the wording is tested
 * without Electron; dialogs.ts and main.ts hand these options to Electron's `dialog`.
 */
import type { MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { DataDirKind, ExportKind, OpenKind, OpenManyKind } from '../../src-shared/electron/ipc-schemas';
import { translator } from '../../src-shared/i18n/catalog';
import type { Language } from '../../src-shared/i18n/language';
import { fileFilters } from './file-service';

const filters = (language: Language, kind: OpenKind | OpenManyKind | ExportKind) =>
  fileFilters(language, kind).map((f) => ({ name: f.name, extensions: [...f.extensions] }));

/** Choosing a project to open or a model to import. */
export function openFileOptions(language: Language, kind: OpenKind, defaultDir: string): OpenDialogOptions {
  return {
    title: translator(language, 'electron')(`dialog.open.${kind}`),
    defaultPath: defaultDir,
    properties: ['openFile'],
    filters: filters(language, kind),
  };
}

/** Choosing several files at once: a trained model's model.json, weights.bin and convas-dataset.json. */
export function openFilesOptions(language: Language, kind: OpenManyKind, defaultDir: string): OpenDialogOptions {
  return {
    title: translator(language, 'electron')(`dialog.open.${kind}`),
    defaultPath: defaultDir,
    properties: ['openFile', 'multiSelections'],
    filters: filters(language, kind),
  };
}

/** Choosing where to save a project or an export. */
export function saveFileOptions(language: Language, kind: ExportKind, defaultPath: string): SaveDialogOptions {
  return {
    title: translator(language, 'electron')(`dialog.save.${kind}`),
    defaultPath,
    filters: filters(language, kind),
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

/** Choosing the folder an export of several files goes to. */
export function directoryOptions(language: Language, kind: ExportKind, defaultDir: string): OpenDialogOptions {
  const t = translator(language, 'electron');
  return {
    title: t('dialog.folder', { title: t(`dialog.save.${kind}`) }),
    defaultPath: defaultDir,
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  };
}

/** Choosing the folder a dataset is read from (a folder of pictures, or CIFAR-10's or IDX files). */
export function dataDirOptions(language: Language, kind: DataDirKind): OpenDialogOptions {
  return { title: translator(language, 'electron')(`dialog.dataDir.${kind}`), properties: ['openDirectory'] };
}

/** The button index of "Replace" in `overwriteOptions`. */
export const REPLACE_BUTTON = 1;

/** Asking before files of an export replace files already in the folder. */
export function overwriteOptions(language: Language, names: readonly string[]): MessageBoxOptions {
  const t = translator(language, 'electron');
  return {
    type: 'warning',
    buttons: [t('dialog.cancel'), t('dialog.replace')],
    defaultId: 0,
    cancelId: 0,
    message: t('dialog.exists', { names: names.join(', '), count: names.length }),
  };
}

/** The versions the About box lists. */
export interface AboutVersions {
  readonly app: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
}

/** Help › About Convas. */
export function aboutOptions(language: Language, versions: AboutVersions): MessageBoxOptions {
  const t = translator(language, 'electron');
  return {
    type: 'info',
    title: t('about'),
    message: `Convas ${versions.app}`,
    detail: [t('about.tagline'), '', `Electron ${versions.electron}`, `Chromium ${versions.chrome}`, `Node.js ${versions.node}`].join('\n'),
  };
}

/** The button index of "Close Without Saving" in `unsavedChangesOptions`. */
export const DISCARD_BUTTON = 1;

/** Closing the window with unsaved changes to the project named `title`. */
export function unsavedChangesOptions(language: Language, title: string): MessageBoxOptions {
  const t = translator(language, 'electron');
  return {
    type: 'warning',
    buttons: [t('close.cancel'), t('close.discard')],
    defaultId: 0,
    cancelId: 0,
    message: t('close.message'),
    detail: t('close.detail', { title }),
  };
}

/** The button index of "Reload" in `rendererGoneOptions` (the other button quits). */
export const RELOAD_BUTTON = 0;

/** The window's renderer stopped for `reason` (Electron's render-process-gone reason). */
export function rendererGoneOptions(language: Language, reason: string): MessageBoxOptions {
  const t = translator(language, 'electron');
  return {
    type: 'error',
    buttons: [t('rendererGone.reload'), t('rendererGone.quit')],
    defaultId: RELOAD_BUTTON,
    message: t('rendererGone.message'),
    detail: t('rendererGone.detail', { reason }),
  };
}

/** The title of the error box shown when the app cannot start. */
export function startFailedTitle(language: Language): string {
  return translator(language, 'electron')('startFailed');
}
