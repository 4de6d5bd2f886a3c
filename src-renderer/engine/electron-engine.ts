/**
 * The engine as the page reaches it in the desktop app: a MessagePort straight to the engine's
 * utilityProcess, handed over by the preload (see src-main/electron/preload.ts). Progress streams
 * over the port without passing through the main process. The link (engine-link.ts) does the
 * validation, queueing and restarts; this file only opens ports and hears main's crash reports.
 */
import { ENGINE_PORT_MESSAGE, type ConvasBridge } from '../../src-shared/electron/bridge-api';
import { engineStatusSchema } from '../../src-shared/electron/ipc-schemas';
import type { EngineCommand } from '../../src-shared/engine/protocol';
import { createEngineLink, type EngineLink, type EngineLinkState } from './engine-link';
import type { EngineTransport, Incoming, TransportOpener } from './transport';

/** The link to the engine, as the status line shows it (the one link state of every host). */
export type ElectronLinkState = EngineLinkState;

export type ElectronEngine = EngineLink & { readonly kind: 'electron' };

/** The part of a DOM MessagePort the transport uses (Node's worker_threads MessagePort has it too). */
export interface EnginePort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}

export interface MessagePortTransportOptions {
  /** Rewrites a command on its way out (the desktop app sends exports to main's folder). */
  readonly rewrite?: (command: EngineCommand) => EngineCommand;
  /** Report the port's 'close' event as the transport's death (default true). */
  readonly watchClose?: boolean;
}

/** A MessagePort as an engine transport: structured clone carries typed arrays as they are. */
export function messagePortTransport(port: EnginePort, options: MessagePortTransportOptions = {}): EngineTransport {
  const rewrite = options.rewrite ?? ((c: EngineCommand) => c);
  let onMessage: ((incoming: Incoming) => void) | undefined;
  let onClose: ((why: string) => void) | undefined;
  const message = (e: { readonly data: unknown }) => onMessage?.({ message: e.data });
  const closed = () => onClose?.('the connection to the engine closed');
  port.addEventListener('message', message);
  if (options.watchClose !== false) port.addEventListener('close', closed);
  port.start();
  return {
    send: (command) => port.postMessage(rewrite(command)),
    onMessage: (listener) => void (onMessage = listener),
    onClose: (listener) => void (onClose = listener),
    close() {
      port.removeEventListener('message', message);
      port.removeEventListener('close', closed);
      port.close();
    },
  };
}

interface PortMessageEvent {
  readonly data: unknown;
  readonly ports: readonly unknown[];
  readonly source: unknown;
}

/** The part of `window` the opener uses; injectable for tests. */
export interface ElectronEngineHost {
  readonly convas?: ConvasBridge;
  addEventListener(type: 'message', listener: (event: PortMessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: PortMessageEvent) => void): void;
}

export interface ElectronEngineOptions {
  /** Defaults to `window` (globalThis). */
  readonly host?: ElectronEngineHost;
  /** Connection ids; defaults to crypto.randomUUID. */
  readonly newId?: () => string;
  /** Commands kept while the engine (re)connects; more are refused with an error event. */
  readonly maxQueued?: number;
}

interface PendingPort {
  readonly id: string;
  exportDir?: string;
  port?: EnginePort;
  resolve(t: EngineTransport): void;
  reject(e: unknown): void;
}

/** Opens MessagePorts to the engine through the preload bridge: main answers, then the port arrives as a window message. */
export function electronOpener(
  host: ElectronEngineHost,
  bridge: ConvasBridge,
  newId: () => string,
): TransportOpener & { readonly kind: 'electron' } {
  let pending: PendingPort | undefined;

  const settle = (p: PendingPort) => {
    if (pending !== p || p.exportDir === undefined || !p.port) return;
    pending = undefined;
    const exportDir = p.exportDir;
    // Engine exports go to main's folder and come back as bytes for the page to save with a
    // native dialog, as in browser mode; the page never picks a folder for the engine to write to.
    p.resolve(
      messagePortTransport(p.port, {
        rewrite: (c) => (c.type === 'export' ? { ...c, dir: exportDir, returnContents: true } : c),
        // Main reports the engine's death with its exit code and last words (onCrash), which a
        // port's bare 'close' would otherwise beat to it.
        watchClose: false,
      }),
    );
  };

  const onWindowMessage = (event: PortMessageEvent) => {
    // Only a message of our own window (the preload posts to it) carrying the port we asked for.
    if (event.source !== null && event.source !== host) return;
    const data = event.data as { channel?: unknown; id?: unknown } | null;
    if (typeof data !== 'object' || data === null || data.channel !== ENGINE_PORT_MESSAGE) return;
    const p = pending;
    if (!p || data.id !== p.id || event.ports.length !== 1) {
      // Our preload's port for a connection a newer one replaced: closed, or it would stay open until the page closes.
      for (const port of event.ports) (port as EnginePort).close();
      return;
    }
    p.port = event.ports[0] as EnginePort;
    settle(p);
  };
  host.addEventListener('message', onWindowMessage);

  return {
    kind: 'electron',
    open() {
      pending?.reject(new Error('a newer connection replaced this one'));
      return new Promise<EngineTransport>((resolve, reject) => {
        const p: PendingPort = { id: newId(), resolve, reject };
        pending = p;
        bridge.engine.connect(p.id).then(
          (info) => {
            p.exportDir = info.exportDir;
            settle(p);
          },
          (e: unknown) => {
            if (pending === p) pending = undefined;
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      });
    },
    reset: () => bridge.engine.restart(),
    onCrash(listener) {
      return bridge.engine.onStatus((status: unknown) => {
        const parsed = engineStatusSchema.safeParse(status);
        if (parsed.success && parsed.data.state === 'crashed') listener(parsed.data.message);
      });
    },
    dispose() {
      host.removeEventListener('message', onWindowMessage);
      pending?.port?.close();
      pending = undefined;
    },
  };
}

/** Creates the Electron engine link, or returns undefined when the page does not run in the desktop app. */
export function createElectronEngine(options: ElectronEngineOptions = {}): ElectronEngine | undefined {
  // globalThis is `window` in the page; written without DOM names so the file also type-checks in Node tests.
  const page = globalThis as unknown as Partial<ElectronEngineHost>;
  const host = options.host ?? (typeof page.addEventListener === 'function' ? (page as ElectronEngineHost) : undefined);
  const bridge = host?.convas;
  if (!host || !bridge) return undefined;
  const newId = options.newId ?? (() => crypto.randomUUID());
  return createEngineLink(electronOpener(host, bridge, newId), options.maxQueued !== undefined ? { maxQueued: options.maxQueued } : {});
}
