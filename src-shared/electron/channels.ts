/**
 * Names shared by the Electron main process, the preload and the page. Plain constants with no
 * imports, so the sandboxed preload bundle stays free of everything else.
 */

/** Requests from the page to main (ipcRenderer.invoke / ipcMain.handle). */
export const IPC = {
  openFile: 'convas:file-open',
  saveFile: 'convas:file-save',
  exportFile: 'convas:file-export',
  exportFiles: 'convas:file-export-files',
  openRecent: 'convas:file-open-recent',
  recentFiles: 'convas:recent-list',
  clearRecent: 'convas:recent-clear',
  setDocumentState: 'convas:document-state',
  setLanguage: 'convas:language',
  engineConnect: 'convas:engine-connect',
  engineRestart: 'convas:engine-restart',
  appInfo: 'convas:app-info',
  chooseDataDir: 'convas:data-dir-choose',
  openFiles: 'convas:file-open-many',
} as const;
export type IpcName = keyof typeof IPC;
export type IpcChannel = (typeof IPC)[IpcName];

/** Messages from main to the page (webContents.send / postMessage). */
export const EVENTS = {
  menuCommand: 'convas:menu-command',
  enginePort: 'convas:engine-port',
  engineStatus: 'convas:engine-status',
} as const;

/** The `channel` of the window message by which the preload hands the engine's MessagePort to the page. */
export const ENGINE_PORT_MESSAGE = 'convas:engine-port';

/** The global the preload exposes the bridge as: `window.convas`. */
export const BRIDGE_KEY = 'convas';

/** The custom scheme and host the app is served from: convas://app/index.html. */
export const APP_SCHEME = 'convas';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The line the main process prints once its window has loaded; the `npm start` launcher waits for it. */
export const WINDOW_READY_SIGNAL = 'CONVAS_WINDOW_READY';
