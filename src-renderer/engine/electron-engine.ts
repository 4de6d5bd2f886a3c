/**
 * The engine as the page reaches it in the desktop app: a MessagePort straight to the engine's
 * utilityProcess, handed over by the preload (see src-main/electron/preload.ts). Progress streams
 * over the port without passing through the main process. Every event that arrives is validated
 * with engineEventSchema and every command sent with engineCommandSchema; problems come back as
 * 'error' events, never as exceptions (EngineApi's contract).
 *
 * A crash of the engine process (reported by main) becomes an 'engine-crashed' error event; the
 * next command starts a fresh engine and reconnects, or call `restart()`.
 */
import type { EngineApi } from '../../src-shared/engine/engine-api';
import { engineCommandSchema, engineEventSchema, type EngineCommand, type EngineEvent } from '../../src-shared/engine/protocol';
import { ENGINE_PORT_MESSAGE, type ConvasBridge } from '../../src-shared/electron/bridge-api';
import { engineStatusSchema } from '../../src-shared/electron/ipc-schemas';
import { zodIssues } from '../../src-shared/project/io';

/** The link to the engine, as the status line shows it (the same states as the WebSocket engine's). */
export type ElectronLinkState = 'connecting' | 'open' | 'closed';

export interface ElectronEngine extends EngineApi {
  readonly kind: 'electron';
  readonly state: ElectronLinkState;
  /** Subscribes to link state changes; returns the unsubscribe function. */
  onState(listener: (state: ElectronLinkState) => void): () => void;
  /** Ends the engine process (and any run in it) and connects to a fresh one. */
  restart(): Promise<void>;
  /** Stops listening and closes the port (the engine process keeps running for the next page). */
  dispose(): void;
}

/** The part of a DOM MessagePort the adapter uses (Node's worker_threads MessagePort has it too). */
export interface EnginePort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  start(): void;
  close(): void;
}

interface PortMessageEvent {
  readonly data: unknown;
  readonly ports: readonly unknown[];
  readonly source: unknown;
}

/** The part of `window` the adapter uses; injectable for tests. */
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

/** Creates the Electron engine, or returns undefined when the page does not run in the desktop app. */
export function createElectronEngine(options: ElectronEngineOptions = {}): ElectronEngine | undefined {
  // globalThis is `window` in the page; written without DOM names so the file also type-checks in Node tests.
  const page = globalThis as unknown as Partial<ElectronEngineHost>;
  const host = options.host ?? (typeof page.addEventListener === 'function' ? (page as ElectronEngineHost) : undefined);
  const bridge = host?.convas;
  if (!host || !bridge) return undefined;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const maxQueued = options.maxQueued ?? 100;

  const listeners = new Set<(event: EngineEvent) => void>();
  const stateListeners = new Set<(state: ElectronLinkState) => void>();
  let state: ElectronLinkState = 'connecting';
  const setState = (next: ElectronLinkState) => {
    if (next === state) return;
    state = next;
    for (const l of [...stateListeners]) l(next);
  };
  let port: EnginePort | undefined;
  let exportDir: string | undefined;
  let pendingId: string | undefined;
  /** The engine process died (or could not be reached); the next command restarts it. */
  let crashed = false;
  let restarting: Promise<void> | undefined;
  let disposed = false;
  const queue: EngineCommand[] = [];

  const emit = (event: EngineEvent) => {
    for (const l of [...listeners]) l(event);
  };
  const emitLater = (event: EngineEvent) => queueMicrotask(() => emit(event));

  const onPortMessage = (e: { readonly data: unknown }) => {
    const parsed = engineEventSchema.safeParse(e.data);
    if (!parsed.success) {
      emit({ type: 'error', code: 'bad-message', message: `The engine sent a malformed event: ${zodIssues(parsed.error)}` });
      return;
    }
    if (parsed.data.type === 'error' && parsed.data.code === 'engine-crashed') markCrashed();
    emit(parsed.data);
  };

  const closePort = () => {
    if (!port) return;
    port.removeEventListener('message', onPortMessage);
    port.close();
    port = undefined;
  };

  const markCrashed = () => {
    crashed = true;
    pendingId = undefined;
    closePort();
    setState('closed');
  };

  const ready = () => port !== undefined && exportDir !== undefined && !crashed;

  const deliver = (command: EngineCommand) => {
    // Engine exports go to main's folder and come back as bytes for the page to save with a
    // native dialog, as in browser mode; the page never picks a folder for the engine to write to.
    const outgoing: EngineCommand = command.type === 'export' ? { ...command, dir: exportDir!, returnContents: true } : command;
    port!.postMessage(outgoing);
  };

  const flush = () => {
    if (!ready()) return;
    setState('open');
    for (const command of queue.splice(0)) deliver(command);
  };

  const connect = () => {
    const id = newId();
    pendingId = id;
    setState('connecting');
    bridge.engine.connect(id).then(
      (info) => {
        if (pendingId !== id) return;
        exportDir = info.exportDir;
        flush();
      },
      (e: unknown) => {
        if (pendingId !== id) return;
        markCrashed();
        emit({
          type: 'error',
          code: 'engine-crashed',
          message: `Cannot reach the training engine: ${e instanceof Error ? e.message : String(e)}`,
        });
      },
    );
  };

  const onWindowMessage = (event: PortMessageEvent) => {
    // Only a message of our own window (the preload posts to it) carrying the port we asked for.
    if (event.source !== null && event.source !== host) return;
    const data = event.data as { channel?: unknown; id?: unknown } | null;
    if (typeof data !== 'object' || data === null || data.channel !== ENGINE_PORT_MESSAGE) return;
    if (data.id !== pendingId || event.ports.length !== 1) return;
    closePort();
    port = event.ports[0] as EnginePort;
    port.addEventListener('message', onPortMessage);
    port.start();
    flush();
  };

  const offStatus = bridge.engine.onStatus((status: unknown) => {
    const parsed = engineStatusSchema.safeParse(status);
    if (!parsed.success || parsed.data.state !== 'crashed') return;
    // The engine usually says so itself over the port first; report a crash once.
    if (crashed) return;
    markCrashed();
    emit({ type: 'error', code: 'engine-crashed', message: parsed.data.message });
  });

  const restart = (): Promise<void> => {
    restarting ??= (async () => {
      markCrashed();
      exportDir = undefined;
      try {
        await bridge.engine.restart();
        crashed = false;
        connect();
      } catch (e) {
        emit({
          type: 'error',
          code: 'engine-crashed',
          message: `Cannot restart the training engine: ${e instanceof Error ? e.message : String(e)}`,
        });
      } finally {
        restarting = undefined;
      }
    })();
    return restarting;
  };

  host.addEventListener('message', onWindowMessage);
  connect();

  return {
    kind: 'electron',
    get state() {
      return state;
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    send(command) {
      if (disposed) return;
      const parsed = engineCommandSchema.safeParse(command);
      if (!parsed.success) {
        emitLater({ type: 'error', code: 'bad-message', message: `Invalid engine command: ${zodIssues(parsed.error)}` });
        return;
      }
      const valid = parsed.data;
      if (crashed && (valid.type === 'stop' || valid.type === 'shutdown')) return; // nothing runs in a dead engine
      if (ready()) {
        deliver(valid);
        return;
      }
      if (queue.length >= maxQueued) {
        emitLater({ type: 'error', code: 'engine-crashed', message: 'The training engine is not answering — restart it' });
        return;
      }
      queue.push(valid);
      if (crashed && !restarting) void restart();
    },
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    restart,
    dispose() {
      disposed = true;
      host.removeEventListener('message', onWindowMessage);
      offStatus();
      closePort();
      listeners.clear();
      stateListeners.clear();
      queue.length = 0;
      state = 'closed';
    },
  };
}
