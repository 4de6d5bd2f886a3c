/**
 * The preload of the app's window. It runs sandboxed with context isolation, so it only has
 * Electron's renderer modules, and exposes to the page one object, `window.convas`, of typed
 * functions (ConvasBridge) — never ipcRenderer or anything of Node. Payloads are checked again
 * in main, which trusts nothing the page sends.
 *
 * It also hands the engine's MessagePort to the page. A MessagePort cannot cross the context
 * bridge, so, as Electron's MessagePort guide describes for context isolation, the port received
 * from main is passed on with window.postMessage to the page's own window.
 *
 * Bundled as CommonJS (dist/electron/preload.cjs) with `electron` as its only external import.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, ENGINE_PORT_MESSAGE, EVENTS, IPC, type IpcName } from '../../src-shared/electron/channels';
import type { ConvasBridge, EnginePortWindowMessage } from '../../src-shared/electron/bridge-api';
import type { IpcRequest, IpcResponses, IpcResult, MenuCommand } from '../../src-shared/electron/ipc-schemas';

/** The page's window as the preload uses it (the main tsconfig has no DOM types). */
interface PageWindow {
  postMessage(message: EnginePortWindowMessage, targetOrigin: string, transfer: readonly unknown[]): void;
}

async function invoke<N extends IpcName>(name: N, request?: IpcRequest<N>): Promise<IpcResponses[N]> {
  const result = (await ipcRenderer.invoke(IPC[name], request)) as IpcResult<IpcResponses[N]>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/**
 * Menu commands can arrive before the page has subscribed (a file opened from the command line
 * at start-up); they are kept until the first subscriber comes.
 */
const menuListeners = new Set<(command: MenuCommand) => void>();
const heldCommands: unknown[] = [];
ipcRenderer.on(EVENTS.menuCommand, (_event: IpcRendererEvent, command: unknown) => {
  if (menuListeners.size === 0) {
    if (heldCommands.length < 20) heldCommands.push(command);
    return;
  }
  // The page validates commands with menuCommandSchema; the preload stays free of zod.
  for (const l of menuListeners) l(command as MenuCommand);
});

ipcRenderer.on(EVENTS.enginePort, (event: IpcRendererEvent, data: unknown) => {
  const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || event.ports.length !== 1) return;
  // The target is this same window (Electron's documented pattern uses '*' here). Main only
  // sends a port in answer to engineConnect from our own page, after checking the sender, and
  // navigation away from convas://app is blocked, so no other page can be listening.
  (globalThis as unknown as PageWindow).postMessage({ channel: ENGINE_PORT_MESSAGE, id }, '*', [...event.ports]);
});

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as T);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const bridge: ConvasBridge = {
  platform: {
    os: process.platform,
    arch: process.arch,
    versions: { electron: process.versions['electron'] ?? '', chrome: process.versions['chrome'] ?? '', node: process.versions.node },
  },
  files: {
    open: (request) => invoke('openFile', request),
    save: (request) => invoke('saveFile', request),
    exportFile: (request) => invoke('exportFile', request),
    exportFiles: (request) => invoke('exportFiles', request),
    openRecent: (path) => invoke('openRecent', { path }),
    recent: () => invoke('recentFiles'),
    clearRecent: () => invoke('clearRecent'),
    openMany: (request) => invoke('openFiles', request),
  },
  app: {
    info: () => invoke('appInfo'),
    setDocumentState: (state) => invoke('setDocumentState', state),
    setLanguage: (language) => invoke('setLanguage', { language }),
  },
  menu: {
    onCommand(listener) {
      menuListeners.add(listener);
      for (const command of heldCommands.splice(0)) listener(command as MenuCommand);
      return () => {
        menuListeners.delete(listener);
      };
    },
  },
  data: {
    chooseFolder: (request) => invoke('chooseDataDir', request),
  },
  engine: {
    connect: (id) => invoke('engineConnect', { id }),
    restart: () => invoke('engineRestart'),
    onStatus: (listener) => subscribe(EVENTS.engineStatus, listener),
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
