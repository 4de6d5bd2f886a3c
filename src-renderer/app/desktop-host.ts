/**
 * Start-up of the page inside the desktop app: when the preload bridge `window.convas` exists,
 * files go through native dialogs, the native menus run the page's actions, and main is told the
 * document's title, unsaved flag and language. In a browser tab it does nothing.
 * The logic lives in desktop-link.ts (tested with a fake bridge); this wires in the real stores and actions.
 */
import type { ConvasBridge } from '../../src-shared/electron/bridge-api';
import { useMeasuredStore } from '../canvas/measured';
import {
  exportAction,
  importModelAction,
  newProjectAction,
  openAction,
  openRecentPathAction,
  saveAction,
  saveAsAction,
} from '../files/file-actions';
import { setFileHost } from '../files/host';
import { openTrainedModelAction } from '../files/open-trained-model';
import { setRecentStore } from '../files/recent-files';
import { useLanguageStore } from '../i18n/i18n';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { arrangeAction, fitAction, redoAction, undoAction } from './actions';
import { desktopBridge } from './bridge';
import { connectDesktop, documentStateOf, watchStore } from './desktop-link';

let installed = false;

/** Runs `run` now, or when the page's confirm dialog has been answered. */
function whenIdle(run: () => void): void {
  if (!useUiStore.getState().dialog) return run();
  const off = useUiStore.subscribe((s) => {
    if (s.dialog) return;
    off();
    run();
  });
}

/** Call once before the app renders; returns whether the page runs in the desktop app. */
export function installDesktopHost(bridge: ConvasBridge | undefined = desktopBridge()): boolean {
  if (!bridge) return false;
  if (installed) return true;
  installed = true;
  connectDesktop(bridge, {
    actions: {
      newProject: newProjectAction,
      open: openAction,
      openRecent: openRecentPathAction,
      save: saveAction,
      saveAs: saveAsAction,
      importModel: importModelAction,
      openTrainedModel: openTrainedModelAction,
      exportDesign: (kind) => exportAction(kind, useMeasuredStore.getState().sizes),
      undo: undoAction,
      redo: redoAction,
      fitView: fitAction,
      arrange: arrangeAction,
      setLanguage: (language) => useLanguageStore.getState().setLanguage(language),
    },
    document: watchStore(useProjectStore, documentStateOf),
    language: watchStore(useLanguageStore, (s) => s.language),
    useFiles: (host, recent) => {
      setFileHost(host);
      setRecentStore(recent);
    },
    whenIdle,
    report: (message) => console.warn(`Convas desktop: ${message}`),
  });
  return true;
}
