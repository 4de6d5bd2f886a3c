/**
 * The engine as the page reaches it in browser mode: a WebSocket to the local server, which starts
 * one engine per connection. Every message both ways is one binary frame of `encodeFrame`. The
 * link (engine-link.ts) does the validation, queueing and restarts; this file only opens sockets.
 */
import type { EngineCommand } from '../../src-shared/engine/protocol';
import { decodeFrame, encodeFrame } from '../../src-shared/engine/wire';
import { createEngineLink, type EngineLink, type EngineLinkOptions } from './engine-link';
import type { EngineTransport, Incoming, TransportOpener } from './transport';

/**
 * The part of the DOM WebSocket the transport uses, typed structurally (no DOM types), so the
 * module also type-checks outside the browser and tests can hand in the `ws` package's client.
 */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((ev: never) => unknown) | null;
  onclose: ((ev: { readonly code: number; readonly reason: string }) => unknown) | null;
  onerror: ((ev: never) => unknown) | null;
  onmessage: ((ev: { readonly data: unknown }) => unknown) | null;
  send(data: Uint8Array<ArrayBuffer>): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

export type WebSocketEngine = EngineLink & { readonly kind: 'websocket' };

/** The page's own WebSocket. */
const browserSocket: SocketFactory = (url) => {
  const Ctor = (globalThis as unknown as { WebSocket: new (url: string) => SocketLike }).WebSocket;
  return new Ctor(url);
};

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

/** Reads one received frame into a message still to be validated, or says why it cannot be read. */
export function readFrame(data: unknown): Incoming {
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : undefined;
  if (!bytes) return { unreadable: 'a text message where a binary frame was expected' };
  try {
    return { message: decodeFrame(bytes) };
  } catch (e) {
    return { unreadable: e instanceof Error ? e.message : String(e) };
  }
}

/** One command as a binary frame (encodeFrame always allocates a plain ArrayBuffer). */
function frame(command: EngineCommand): Uint8Array<ArrayBuffer> {
  return encodeFrame(command) as Uint8Array<ArrayBuffer>;
}

const hideToken = (url: string) => url.replace(/token=[^&]+/, 'token=…');

/** An open socket as an engine transport. */
function socketTransport(socket: SocketLike): EngineTransport {
  let onMessage: ((incoming: Incoming) => void) | undefined;
  let onClose: ((why: string) => void) | undefined;
  socket.onmessage = (ev) => onMessage?.(readFrame(ev.data));
  socket.onclose = (ev) =>
    onClose?.(ev.code === 1006 ? 'the connection was lost' : `the connection closed (code ${ev.code}${ev.reason ? `, ${ev.reason}` : ''})`);
  return {
    send: (command) => socket.send(frame(command)),
    onMessage: (listener) => void (onMessage = listener),
    onClose: (listener) => void (onClose = listener),
    close() {
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = null;
      try {
        socket.close(1000, 'closed');
      } catch {
        // Already closed.
      }
    },
  };
}

/** Opens a socket per connection; the server starts a fresh engine for each, so no reset is needed. */
export function webSocketOpener(
  url: string,
  createSocket: SocketFactory = browserSocket,
): TransportOpener & { readonly kind: 'websocket' } {
  return {
    kind: 'websocket',
    open: () =>
      new Promise<EngineTransport>((resolve, reject) => {
        const socket = createSocket(url);
        socket.binaryType = 'arraybuffer';
        socket.onopen = () => {
          socket.onopen = null;
          resolve(socketTransport(socket));
        };
        // Before it opens, an error is followed by close, which says why.
        socket.onerror = () => undefined;
        socket.onclose = (ev) => reject(new Error(`cannot open ${hideToken(url)} (code ${ev.code}${ev.reason ? `, ${ev.reason}` : ''})`));
      }),
  };
}

/** The engine link of browser mode over the WebSocket at `url`. */
export function createWebSocketEngine(url: string, createSocket?: SocketFactory, options?: EngineLinkOptions): WebSocketEngine {
  return createEngineLink(webSocketOpener(url, createSocket), options);
}
