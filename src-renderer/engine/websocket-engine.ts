import type { EngineApi } from '../../src-shared/engine/engine-api';
import { engineEventSchema, type EngineCommand, type EngineEvent } from '../../src-shared/engine/protocol';
import { decodeFrame, encodeFrame } from '../../src-shared/engine/wire';
import { zodIssues } from '../../src-shared/project/io';

/** The state of the link to the engine, for a status line and the "Restart engine" button. */
export type EngineLinkState = 'connecting' | 'open' | 'closed';

/** An engine link that can be started again after a crash or a lost connection. */
export interface RestartableEngine extends EngineApi {
  readonly state: EngineLinkState;
  /** Drops the current link (and its engine) and opens a fresh one; the page and its design stay. */
  restart(): void;
  /** Subscribes to link state changes; returns the unsubscribe function. */
  onState(listener: (state: EngineLinkState) => void): () => void;
}

/**
 * The part of the DOM WebSocket this class uses, typed structurally (no DOM types), so tests can
 * hand in a fake and the module also type-checks outside the browser.
 */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((ev: unknown) => unknown) | null;
  onclose: ((ev: { readonly code: number; readonly reason: string }) => unknown) | null;
  onerror: ((ev: unknown) => unknown) | null;
  onmessage: ((ev: { readonly data: unknown }) => unknown) | null;
  send(data: Uint8Array<ArrayBuffer>): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

/** The page's own WebSocket. */
const browserSocket: SocketFactory = (url) => {
  const Ctor = (globalThis as unknown as { WebSocket: new (url: string) => SocketLike }).WebSocket;
  return new Ctor(url);
};

/** One command as a binary frame (encodeFrame always allocates a plain ArrayBuffer). */
function frame(command: EngineCommand): Uint8Array<ArrayBuffer> {
  return encodeFrame(command) as Uint8Array<ArrayBuffer>;
}

/**
 * The engine socket of browser mode: `ws://<host>/engine?token=…`, with the secret taken from the
 * page's own URL (`?token=…`). Returns undefined when the page was not opened with a token.
 */
export function engineSocketUrl(location: {
  readonly protocol: string;
  readonly host: string;
  readonly search: string;
}): string | undefined {
  const token = new URLSearchParams(location.search).get('token');
  if (!token) return undefined;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/engine?token=${encodeURIComponent(token)}`;
}

/** Turns one received frame into a validated event, or an error event that says what was wrong. */
export function readEventFrame(data: unknown): EngineEvent {
  let message: unknown;
  try {
    const bytes =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : undefined;
    if (!bytes) return { type: 'error', code: 'bad-message', message: 'The engine sent a text message where a binary frame was expected' };
    message = decodeFrame(bytes);
  } catch (e) {
    return {
      type: 'error',
      code: 'bad-message',
      message: `The engine sent an unreadable frame: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const parsed = engineEventSchema.safeParse(message);
  return parsed.success
    ? parsed.data
    : { type: 'error', code: 'bad-message', message: `The engine sent an invalid event: ${zodIssues(parsed.error)}` };
}

/**
 * EngineApi over the browser-mode WebSocket. Every message both ways is one binary frame of
 * `encodeFrame`; incoming events are validated. A closed socket becomes an 'engine-crashed'
 * error event, and `restart()` connects again (the server starts a new engine per connection).
 */
export class WebSocketEngine implements RestartableEngine {
  readonly kind = 'websocket' as const;
  private socket: SocketLike | undefined;
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly stateListeners = new Set<(state: EngineLinkState) => void>();
  /** Commands sent while the socket is still opening. */
  private queue: EngineCommand[] = [];
  private current: EngineLinkState = 'connecting';

  constructor(
    private readonly url: string,
    private readonly createSocket: SocketFactory = browserSocket,
  ) {
    this.open();
  }

  get state(): EngineLinkState {
    return this.current;
  }

  send(command: EngineCommand): void {
    if (this.socket && this.socket.readyState === OPEN) {
      this.socket.send(frame(command));
      return;
    }
    if (this.current === 'connecting') {
      this.queue.push(command);
      return;
    }
    // Answer asynchronously, like a real engine would.
    queueMicrotask(() =>
      this.dispatch({
        type: 'error',
        code: 'engine-crashed',
        message: 'The training engine is not connected — restart the engine to continue; your design is not affected',
      }),
    );
  }

  on(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: (state: EngineLinkState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  restart(): void {
    const old = this.socket;
    this.socket = undefined;
    if (old) {
      old.onclose = null;
      old.onerror = null;
      old.onmessage = null;
      old.onopen = null;
      try {
        old.close(1000, 'restart');
      } catch {
        // Already closed.
      }
    }
    this.queue = [];
    this.open();
  }

  /** Closes the link for good (no error event). */
  close(): void {
    const old = this.socket;
    this.socket = undefined;
    if (old) {
      old.onclose = null;
      old.close(1000, 'closed');
    }
    this.setState('closed');
  }

  private open(): void {
    this.setState('connecting');
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch (e) {
      this.lost(`cannot open ${this.url.replace(/token=[^&]+/, 'token=…')}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.socket = socket;
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.setState('open');
      const pending = this.queue;
      this.queue = [];
      // Ask for the backend at once, so the panel can say which one is in use before a run.
      socket.send(frame({ type: 'hello' }));
      for (const c of pending) socket.send(frame(c));
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.dispatch(readEventFrame(ev.data));
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      const why =
        ev.code === 1006 ? 'the connection was lost' : `the connection closed (code ${ev.code}${ev.reason ? `, ${ev.reason}` : ''})`;
      this.lost(why);
    };
    // An error is always followed by close, which reports it.
    socket.onerror = () => undefined;
  }

  private lost(why: string): void {
    this.queue = [];
    this.setState('closed');
    this.dispatch({
      type: 'error',
      code: 'engine-crashed',
      message: `The training engine stopped: ${why}. Your design is safe — restart the engine to train again.`,
    });
  }

  private setState(state: EngineLinkState): void {
    if (this.current === state) return;
    this.current = state;
    for (const l of [...this.stateListeners]) l(state);
  }

  private dispatch(event: EngineEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch (e) {
        console.error('engine listener failed', e);
      }
    }
  }
}
