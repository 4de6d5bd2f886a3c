// A working stand-in for the preload bridge (`window.convas`): it records every call and answers
// with what the test queued, like main would. Not a mock library: a plain ConvasBridge.
import type {
  AppInfo,
  ConvasBridge,
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
} from '../../src-shared/electron/bridge-api';

export interface BridgeCall {
  readonly method: string;
  readonly arg: unknown;
}

/** What a queued answer may be: a value, an error to reject with, or a function of the request. */
type Answer = unknown;

export class FakeBridge implements ConvasBridge {
  readonly calls: BridgeCall[] = [];
  private readonly queued = new Map<string, Answer[]>();
  private readonly menuListeners = new Set<(command: MenuCommand) => void>();
  private readonly statusListeners = new Set<(status: EngineStatus) => void>();
  /** Answers given when nothing is queued. */
  private readonly defaults: Record<string, Answer> = {
    'files.recent': [],
    'files.clearRecent': undefined,
    'app.setDocumentState': undefined,
    'app.setLanguage': undefined,
    'engine.restart': undefined,
  };

  readonly platform = { os: 'linux', arch: 'x64', versions: { electron: '0', chrome: '0', node: '20' } } as const;

  /** Queues answers for a method ("files.open", "app.setLanguage" …), used in order. */
  answer(method: string, ...answers: Answer[]): this {
    const list = this.queued.get(method) ?? [];
    list.push(...answers);
    this.queued.set(method, list);
    return this;
  }

  /** The arguments of every call of a method, in order. */
  args(method: string): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.arg);
  }

  /** Sends a message on the menu channel as main would (unchecked, as the preload forwards it). */
  sendMenu(raw: unknown): void {
    for (const l of [...this.menuListeners]) l(raw as MenuCommand);
  }

  get menuSubscribers(): number {
    return this.menuListeners.size;
  }

  private call<T>(method: string, arg?: unknown): Promise<T> {
    this.calls.push({ method, arg });
    const list = this.queued.get(method);
    let answer: Answer;
    if (list && list.length > 0) answer = list.shift();
    else if (method in this.defaults) answer = this.defaults[method];
    else return Promise.reject(new Error(`FakeBridge: no answer queued for ${method}`));
    if (typeof answer === 'function') answer = (answer as (arg: unknown) => unknown)(arg);
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer as T);
  }

  readonly files: ConvasBridge['files'] = {
    open: (request: OpenFileRequest) => this.call<OpenedFile | null>('files.open', request),
    save: (request: SaveFileRequest) => this.call<SavedFile | null>('files.save', request),
    exportFile: (request: ExportFileRequest) => this.call<ExportedFile | null>('files.exportFile', request),
    exportFiles: (request: ExportFilesRequest) => this.call<ExportedFiles | null>('files.exportFiles', request),
    openRecent: (path: string) => this.call<OpenedFile>('files.openRecent', path),
    recent: () => this.call<RecentFile[]>('files.recent'),
    clearRecent: () => this.call<void>('files.clearRecent'),
    openMany: (request: OpenFilesRequest) => this.call<OpenedBinaryFile[] | null>('files.openMany', request),
  };

  readonly app: ConvasBridge['app'] = {
    info: () => this.call<AppInfo>('app.info'),
    setDocumentState: (state: DocumentState) => this.call<void>('app.setDocumentState', state),
    setLanguage: (language: Language) => this.call<void>('app.setLanguage', language),
  };

  readonly menu: ConvasBridge['menu'] = {
    onCommand: (listener) => {
      this.menuListeners.add(listener);
      return () => {
        this.menuListeners.delete(listener);
      };
    },
  };

  readonly engine: ConvasBridge['engine'] = {
    connect: (id: string) => this.call<EngineConnection>('engine.connect', id),
    restart: () => this.call<void>('engine.restart'),
    onStatus: (listener) => {
      this.statusListeners.add(listener);
      return () => {
        this.statusListeners.delete(listener);
      };
    },
  };
}
