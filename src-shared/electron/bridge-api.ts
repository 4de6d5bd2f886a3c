import type {
  AppInfo,
  ChooseDataDirRequest,
  ChosenDataDir,
  DocumentState,
  EngineConnection,
  EngineStatus,
  ExportedFile,
  ExportedFiles,
  ExportFileRequest,
  ExportFilesRequest,
  Language,
  MenuCommand,
  OpenedBinaryFile,
  OpenedFile,
  OpenFileRequest,
  OpenFilesRequest,
  RecentFile,
  SavedFile,
  SaveFileRequest,
} from './ipc-schemas';

export type {
  AppInfo,
  DocumentState,
  EngineConnection,
  EngineStatus,
  ExportedFile,
  ExportedFiles,
  ExportFileRequest,
  ExportFilesRequest,
  Language,
  MenuCommand,
  OpenedBinaryFile,
  OpenedFile,
  OpenFileRequest,
  OpenFilesRequest,
  RecentFile,
  SavedFile,
  SaveFileRequest,
};
import { ENGINE_PORT_MESSAGE } from './channels';
export { BRIDGE_KEY, ENGINE_PORT_MESSAGE } from './channels';

/** The operating system and runtime versions, known synchronously in the preload. */
export interface PlatformInfo {
  /** Node's `process.platform`: 'linux', 'darwin', 'win32', … */
  readonly os: string;
  readonly arch: string;
  readonly versions: { readonly electron: string; readonly chrome: string; readonly node: string };
}

/**
 * What the preload exposes to the page as `window.convas` (only in the desktop app). Every call
 * is validated again in the main process; a refusal rejects the promise with a sentence to show.
 */
export interface ConvasBridge {
  readonly platform: PlatformInfo;
  readonly files: {
    /** A native open dialog; null when the user cancels. */
    open(request: OpenFileRequest): Promise<OpenedFile | null>;
    /**
     * Writes a project atomically. With `path` from an earlier open or save (Save) it writes there;
     * otherwise (Save As, or a path main did not hand out) it asks with a native dialog. Null when cancelled.
     */
    save(request: SaveFileRequest): Promise<SavedFile | null>;
    /** Asks where to put one generated file (Keras JSON, Python script, PNG …) and writes it. */
    exportFile(request: ExportFileRequest): Promise<ExportedFile | null>;
    /** Asks for a folder and writes several files into it (a tfjs model.json with its weights.bin). */
    exportFiles(request: ExportFilesRequest): Promise<ExportedFiles | null>;
    /** Reopens a file from the recent list (only paths on that list are accepted). */
    openRecent(path: string): Promise<OpenedFile>;
    recent(): Promise<RecentFile[]>;
    clearRecent(): Promise<void>;
    /** A native open dialog choosing several files, read as bytes (a trained model's model.json and weights.bin); null when cancelled. */
    openMany(request: OpenFilesRequest): Promise<OpenedBinaryFile[] | null>;
  };
  readonly app: {
    info(): Promise<AppInfo>;
    /** The window title and the unsaved-changes flag (closing a dirty window asks first). */
    setDocumentState(state: DocumentState): Promise<void>;
    /** Rebuilds the native menus in this language. */
    setLanguage(language: Language): Promise<void>;
  };
  readonly menu: {
    /** Subscribes to native menu choices; returns the unsubscribe function. */
    onCommand(listener: (command: MenuCommand) => void): () => void;
  };
  readonly data?: {
    /** A native folder dialog for a dataset; main lets the engine read the chosen folder. Null when cancelled. */
    chooseFolder(request: ChooseDataDirRequest): Promise<ChosenDataDir | null>;
  };
  readonly engine: {
    /**
     * Asks main for a new MessagePort to the engine process. The port arrives as a window
     * 'message' event whose data is `{ channel: ENGINE_PORT_MESSAGE, id }` with the port in
     * `event.ports[0]` (MessagePorts cannot cross the context bridge itself).
     */
    connect(id: string): Promise<EngineConnection>;
    /** Stops the engine process if it runs and starts a fresh one; connect again afterwards. */
    restart(): Promise<void>;
    /** Subscribes to the engine process's state as main sees it (a crash, a start). */
    onStatus(listener: (status: EngineStatus) => void): () => void;
  };
}

/** The data of the window message that carries the engine port from the preload to the page. */
export interface EnginePortWindowMessage {
  readonly channel: typeof ENGINE_PORT_MESSAGE;
  readonly id: string;
}
