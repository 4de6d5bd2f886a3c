/** The native open/save/folder dialogs behind FileDialogs, attached to the app's window. */
import { dialog, type BaseWindow } from 'electron';
import type { ExportKind, Language, OpenKind } from '../../src-shared/electron/ipc-schemas';
import { FILE_FILTERS, type FileDialogs, type FileFilter } from './file-service';

const TITLES = {
  en: {
    project: 'Open project',
    model: 'Import Keras / TensorFlow.js model',
    save: {
      project: 'Save project',
      'keras-json': 'Export Keras JSON',
      'tfjs-model': 'Export TensorFlow.js model',
      python: 'Export Python script',
      png: 'Export PNG image',
    },
    folder: 'Choose a folder for the files',
    replace: 'Replace',
    cancel: 'Cancel',
    exists: (names: string) => `${names} already exist${names.includes(',') ? '' : 's'} in this folder. Replace?`,
  },
  ko: {
    project: '프로젝트 열기',
    model: 'Keras / TensorFlow.js 모델 가져오기',
    save: {
      project: '프로젝트 저장',
      'keras-json': 'Keras JSON 내보내기',
      'tfjs-model': 'TensorFlow.js 모델 내보내기',
      python: 'Python 스크립트 내보내기',
      png: 'PNG 이미지 내보내기',
    },
    folder: '파일을 저장할 폴더 선택',
    replace: '바꾸기',
    cancel: '취소',
    exists: (names: string) => `이 폴더에 ${names} 파일이 이미 있습니다. 바꿀까요?`,
  },
} as const;

const filters = (list: readonly FileFilter[]) => list.map((f) => ({ name: f.name, extensions: [...f.extensions] }));

/** Dialogs parented to `window()` (the current main window), titled in `language()`. */
export function electronDialogs(window: () => BaseWindow | undefined, language: () => Language): FileDialogs {
  const parented = <T>(show: (w: BaseWindow | undefined) => Promise<T>) => show(window());
  return {
    async chooseFileToOpen(kind: OpenKind, defaultDir) {
      const options = {
        title: TITLES[language()][kind],
        defaultPath: defaultDir,
        properties: ['openFile' as const],
        filters: filters(FILE_FILTERS[kind]),
      };
      const r = await parented((w) => (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options)));
      return r.canceled ? undefined : r.filePaths[0];
    },
    async chooseSaveTarget(kind: ExportKind, defaultPath) {
      const options = {
        title: TITLES[language()].save[kind],
        defaultPath,
        filters: filters(FILE_FILTERS[kind]),
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const r = await parented((w) => (w ? dialog.showSaveDialog(w, options) : dialog.showSaveDialog(options)));
      return r.canceled || !r.filePath ? undefined : r.filePath;
    },
    async chooseDirectory(kind: ExportKind, defaultDir) {
      const options = {
        title: `${TITLES[language()].save[kind]} — ${TITLES[language()].folder}`,
        defaultPath: defaultDir,
        properties: ['openDirectory' as const, 'createDirectory' as const, 'promptToCreate' as const],
      };
      const r = await parented((w) => (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options)));
      return r.canceled ? undefined : r.filePaths[0];
    },
    async confirmOverwrite(_dir, names) {
      const t = TITLES[language()];
      const options = {
        type: 'warning' as const,
        buttons: [t.cancel, t.replace],
        defaultId: 0,
        cancelId: 0,
        message: t.exists(names.join(', ')),
      };
      const r = await parented((w) => (w ? dialog.showMessageBox(w, options) : dialog.showMessageBox(options)));
      return r.response === 1;
    },
  };
}
