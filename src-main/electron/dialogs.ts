/** The native open/save/folder dialogs behind FileDialogs, attached to the app's window. */
import { dialog, type BaseWindow } from 'electron';
import type { Language } from '../../src-shared/i18n/language';
import { directoryOptions, openFileOptions, openFilesOptions, overwriteOptions, REPLACE_BUTTON, saveFileOptions } from './dialog-options';
import type { FileDialogs } from './file-service';

/** Dialogs parented to `window()` (the current main window), worded in `language()`. */
export function electronDialogs(window: () => BaseWindow | undefined, language: () => Language): FileDialogs {
  return {
    async chooseFileToOpen(kind, defaultDir) {
      const options = openFileOptions(language(), kind, defaultDir);
      const w = window();
      const r = await (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options));
      return r.canceled ? undefined : r.filePaths[0];
    },
    async chooseFilesToOpen(kind, defaultDir) {
      const options = openFilesOptions(language(), kind, defaultDir);
      const w = window();
      const r = await (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options));
      return r.canceled ? undefined : r.filePaths;
    },
    async chooseSaveTarget(kind, defaultPath) {
      const options = saveFileOptions(language(), kind, defaultPath);
      const w = window();
      const r = await (w ? dialog.showSaveDialog(w, options) : dialog.showSaveDialog(options));
      return r.canceled || !r.filePath ? undefined : r.filePath;
    },
    async chooseDirectory(kind, defaultDir) {
      const options = directoryOptions(language(), kind, defaultDir);
      const w = window();
      const r = await (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options));
      return r.canceled ? undefined : r.filePaths[0];
    },
    async confirmOverwrite(_dir, names) {
      const options = overwriteOptions(language(), names);
      const w = window();
      const r = await (w ? dialog.showMessageBox(w, options) : dialog.showMessageBox(options));
      return r.response === REPLACE_BUTTON;
    },
  };
}
