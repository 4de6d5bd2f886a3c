/**
 * The Electron main process. It serves the built renderer from convas://app (never file://),
 * opens one hardened window (context isolation, sandbox, no Node in the page, a strict CSP,
 * navigation and new windows blocked, permissions denied), answers the page's typed IPC after
 * checking the sender and validating the payload, runs the training engine in a utilityProcess
 * with a direct MessagePort to the page, and provides the native menus and dialogs.
 *
 * Bundled by scripts/build-electron.ts into dist/electron/main.cjs (CommonJS, so `__dirname` is
 * the bundle's directory).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  protocol,
  session,
  utilityProcess,
  type MessagePortMain,
  type WebContents,
} from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, EVENTS, IPC, WINDOW_READY_SIGNAL, type IpcName } from '../../src-shared/electron/channels';
import type { DocumentState, EngineStatus, MenuCommand } from '../../src-shared/electron/ipc-schemas';
import type { Language } from '../../src-shared/i18n/language';
import { APP_SCHEME_PRIVILEGES, appResponse } from './app-protocol';
import {
  aboutOptions,
  dataDirOptions,
  DISCARD_BUTTON,
  RELOAD_BUTTON,
  rendererGoneOptions,
  startFailedTitle,
  unsavedChangesOptions,
} from './dialog-options';
import { electronDialogs } from './dialogs';
import { EngineSupervisor } from './engine-supervisor';
import { FileService } from './file-service';
import { createIpcRouter, type IpcHandlers } from './ipc-router';
import { buildMenuTemplate, systemLanguage } from './menu';
import { appPaths, dataDirArguments, fileArgument } from './paths';
import { RecentFiles } from './recent-files';
import { hardenSession, hardenWebContents } from './security';
import { confinedEnv } from '../engine/process/confinement';
import { withDecodeThreads } from '../engine/process/threads';

// ---- Before the app is ready ----

// A standard, secure scheme of our own: a real origin for the page, unlike file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
// Every renderer sandboxed, whatever its webPreferences say.
app.enableSandbox();
if (!app.isPackaged) {
  // `electron dist/electron/main.cjs` has no package.json beside it; keep the real name and data folder.
  app.setName('Convas');
  app.setPath('userData', join(app.getPath('appData'), 'Convas'));
}

const paths = appPaths(__dirname);
const development = !app.isPackaged;

let mainWindow: BrowserWindow | undefined;
let language: Language = 'en';
let documentState: DocumentState = { title: '', dirty: false };
let closeConfirmed = false;
/** Commands for the page, held until it has loaded (the preload buffers them until the page subscribes). */
let pageLoaded = false;
const pendingCommands: MenuCommand[] = [];
let exportDir: Promise<string> | undefined;
let recent: RecentFiles;
let files: FileService;
/** A file the OS asked us to open before the app was ready (macOS 'open-file'). */
let openAtStart: string | undefined;

function log(line: string): void {
  process.stderr.write(`[convas] ${line}\n`);
}

function sendCommand(command: MenuCommand): void {
  if (mainWindow && pageLoaded) mainWindow.webContents.send(EVENTS.menuCommand, command);
  else pendingCommands.push(command);
}

function sendEngineStatus(status: EngineStatus): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENTS.engineStatus, status);
}

const engine = new EngineSupervisor<MessagePortMain>({
  fork: () => {
    // The renderer drives the engine directly, so the engine may write only under the app's temp folder
    // and read datasets only from the catalogue and the folders named on the command line.
    const child = utilityProcess.fork(paths.engine, [], {
      serviceName: 'Convas training engine',
      stdio: ['ignore', 'inherit', 'pipe'],
      env: withDecodeThreads(
        confinedEnv(app.getPath('temp'), process.env, [...dataDirArguments(process.argv, process.cwd()), ...engine.grantedDirs]),
      ),
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    return child;
  },
  createChannel: () => new MessageChannelMain(),
  onStatus: (status) => {
    if (status.state === 'crashed') log(status.message);
    sendEngineStatus(status);
  },
});

/** A folder of ours the engine exports into; the page gets the bytes back and saves them with a dialog. */
function exportDirectory(): Promise<string> {
  exportDir ??= mkdtemp(join(app.getPath('temp'), 'convas-export-'));
  return exportDir;
}

function rebuildMenu(): void {
  const template = buildMenuTemplate(
    { platform: process.platform, language, recent: recent.list(), development },
    {
      command: sendCommand,
      clearRecent: () => void recent.clear().then(() => app.clearRecentDocuments()),
      about: () => void showAbout(),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function showAbout(): Promise<void> {
  const options = aboutOptions(language, {
    app: app.getVersion(),
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
  });
  await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function updateTitle(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  const name = documentState.title.trim();
  mainWindow.setTitle(`${documentState.dirty ? '• ' : ''}${name ? `${name} — ` : ''}Convas`);
  if (process.platform === 'darwin') mainWindow.setDocumentEdited(documentState.dirty);
}

async function confirmClose(win: BrowserWindow): Promise<void> {
  const r = await dialog.showMessageBox(win, unsavedChangesOptions(language, documentState.title));
  if (r.response === DISCARD_BUTTON) {
    closeConfirmed = true;
    win.close();
  }
}

/** A project file named on the command line or handed over by the OS: put it on the recent list and let the page open it. */
async function openFromOutside(path: string): Promise<void> {
  if (!app.isReady() || !files) {
    openAtStart = path;
    return;
  }
  try {
    if (!statSync(path).isFile()) return;
  } catch {
    log(`cannot open ${path}: it does not exist`);
    return;
  }
  files.grant(path);
  await recent.add(path);
  sendCommand({ type: 'open-recent', path });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Convas',
    backgroundColor: '#ffffff',
    webPreferences: {
      // Reviewed for electronegativity's PRELOAD_JS_CHECK (a prompt to review every preload): the
      // preload is a small sandboxed CommonJS bundle that exposes only typed functions (preload.ts),
      // never ipcRenderer, the electron module or a Node API; main validates every call again.
      preload: paths.preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle clicks cannot open windows anyway (setWindowOpenHandler denies all); this removes the event too.
      disableBlinkFeatures: 'Auxclick',
      devTools: development,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-navigate', () => {
    pageLoaded = false;
    documentState = { title: '', dirty: false };
  });
  win.webContents.on('did-finish-load', () => {
    pageLoaded = true;
    for (const command of pendingCommands.splice(0)) win.webContents.send(EVENTS.menuCommand, command);
    process.stdout.write(`${WINDOW_READY_SIGNAL}\n`);
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    log(`the window's renderer stopped: ${details.reason}`);
    void dialog
      .showMessageBox(win, rendererGoneOptions(language, details.reason))
      .then((r) => (r.response === RELOAD_BUTTON ? win.reload() : app.quit()));
  });
  win.on('close', (event) => {
    if (documentState.dirty && !closeConfirmed) {
      event.preventDefault();
      void confirmClose(win);
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
    pageLoaded = false;
    closeConfirmed = false;
    documentState = { title: '', dirty: false };
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function registerIpc(): void {
  const handlers: IpcHandlers<WebContents> = {
    openFile: (request) => files.open(request.kind),
    openFiles: (request) => files.openMany(request.kind),
    saveFile: (request) => files.save(request),
    exportFile: (request) => files.exportFile(request),
    exportFiles: (request) => files.exportFiles(request),
    openRecent: (request) => files.openRecent(request.path),
    recentFiles: () => [...recent.list()],
    clearRecent: async () => {
      await recent.clear();
      app.clearRecentDocuments();
    },
    setDocumentState: (state) => {
      documentState = state;
      updateTitle();
    },
    setLanguage: (request) => {
      language = request.language;
      rebuildMenu();
    },
    engineConnect: async (request, sender) => {
      const port = engine.connect();
      sender.postMessage(EVENTS.enginePort, { id: request.id }, [port]);
      return { exportDir: await exportDirectory() };
    },
    engineRestart: () => engine.restart(),
    chooseDataDir: async (request) => {
      const options = dataDirOptions(language, request.dataset);
      const r = await (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options));
      const path = r.canceled ? undefined : r.filePaths[0];
      if (!path) return null;
      // The user chose it in main's own dialog, so the page-driven engine may read it.
      engine.grantDataDir(path);
      return { path };
    },
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), locale: app.getLocale(), packaged: app.isPackaged }),
  };
  const route = createIpcRouter(handlers, {
    // Sender validation: our window's webContents, and (in the router) its main frame on convas://app.
    isKnownSender: (sender) => mainWindow !== undefined && !mainWindow.isDestroyed() && sender === mainWindow.webContents,
    onRefused: (name, reason) => log(`refused ${name}: ${reason}`),
  });
  for (const name of Object.keys(IPC) as IpcName[]) {
    ipcMain.handle(IPC[name], (event, payload: unknown) => route(name, { frame: event.senderFrame, payload, context: event.sender }));
  }
}

async function start(): Promise<void> {
  language = systemLanguage(app.getLocale());
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => appResponse(paths.rendererDir, request));
  recent = new RecentFiles(join(app.getPath('userData'), 'recent-files.json'), {
    onChange: (list) => {
      if (list[0]) app.addRecentDocument(list[0].path);
      rebuildMenu();
    },
  });
  await recent.load();
  files = new FileService({
    dialogs: electronDialogs(
      () => mainWindow,
      () => language,
    ),
    recent,
    startDir: app.getPath('documents'),
    language: () => language,
  });
  registerIpc();
  rebuildMenu();
  mainWindow = createWindow();
  const file = openAtStart ?? fileArgument(process.argv, app.isPackaged, process.cwd());
  if (file) await openFromOutside(file);
}

let cleanedUp = false;
async function cleanUp(): Promise<void> {
  await engine.stop(500);
  if (exportDir) await rm(await exportDir, { recursive: true, force: true });
}

if (!app.requestSingleInstanceLock()) {
  // Another Convas is running: it gets our command line (second-instance) and we leave.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const file = fileArgument(argv, app.isPackaged, workingDirectory);
    if (file) void openFromOutside(file);
  });
  // macOS: a project file dropped on the dock icon or opened in Finder.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFromOutside(path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && app.isReady()) mainWindow = createWindow();
  });
  app.on('will-quit', (event) => {
    if (cleanedUp) return;
    event.preventDefault();
    void cleanUp().finally(() => {
      cleanedUp = true;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      dialog.showErrorBox(startFailedTitle(language), e instanceof Error ? (e.stack ?? e.message) : String(e));
      app.exit(1);
    });
}
