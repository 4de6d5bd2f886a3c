// The browser-mode engine link over a real WebSocket: a `ws` server on 127.0.0.1 plays the
// browser-mode server's part, and the `ws` client stands in for the page's WebSocket.
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import {
  createWebSocketEngine,
  engineSocketUrl,
  readFrame,
  type SocketLike,
  type WebSocketEngine,
} from '../../../src-renderer/engine/websocket-engine';
import type { EngineEvent } from '../../../src-shared/engine/protocol';
import { decodeFrame, encodeFrame } from '../../../src-shared/engine/wire';

/** One page connection as the server sees it. */
interface ServerSide {
  readonly socket: WebSocket;
  readonly received: unknown[];
}

let server: WebSocketServer;
let url: string;
let connections: ServerSide[];
let engine: WebSocketEngine | undefined;
let events: EngineEvent[];

const pageSocket = (u: string) => new WebSocket(u) as unknown as SocketLike;

beforeEach(async () => {
  connections = [];
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => {
    const side: ServerSide = { socket, received: [] };
    socket.on('message', (data: Buffer) => side.received.push(decodeFrame(new Uint8Array(data))));
    connections.push(side);
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/engine?token=secret`;
});

afterEach(async () => {
  engine?.dispose();
  engine = undefined;
  for (const c of server.clients) c.terminate();
  await new Promise((resolve) => server.close(resolve));
});

function start(): WebSocketEngine {
  engine = createWebSocketEngine(url, pageSocket);
  events = [];
  engine.on((e) => events.push(e));
  return engine;
}

const send = (side: ServerSide, message: unknown) => side.socket.send(encodeFrame(message));

describe('engineSocketUrl', () => {
  it('takes the secret from the page URL', () => {
    expect(engineSocketUrl({ protocol: 'http:', host: '127.0.0.1:4180', search: '?token=a%2Bb' })).toBe(
      'ws://127.0.0.1:4180/engine?token=a%2Bb',
    );
    expect(engineSocketUrl({ protocol: 'http:', host: '127.0.0.1:4180', search: '' })).toBeUndefined();
  });
});

describe('readFrame', () => {
  it('decodes binary frames and says why others cannot be read', () => {
    expect(readFrame(encodeFrame({ type: 'ready', backend: 'cpu', backendReason: 'only one' }))).toEqual({
      message: { type: 'ready', backend: 'cpu', backendReason: 'only one' },
    });
    expect(readFrame(new Uint8Array([1, 2]))).toEqual({ unreadable: 'frame too short' });
    expect(readFrame('text')).toEqual({ unreadable: 'a text message where a binary frame was expected' });
  });
});

describe('the browser-mode engine link', () => {
  it('queues commands until the socket opens, says hello first, and delivers validated events', async () => {
    const link = start();
    expect(link.kind).toBe('websocket');
    link.send({ type: 'stop', runId: 'r1' });
    await vi.waitFor(() => expect(connections[0]?.received).toHaveLength(2));
    expect(connections[0]!.received).toEqual([{ type: 'hello' }, { type: 'stop', runId: 'r1' }]);
    expect(link.state).toBe('open');
    const map = { shape: [1, 1, 1], data: Float32Array.from([0.5]), min: 0.5, max: 0.5 };
    send(connections[0]!, { type: 'ready', backend: 'wasm', backendReason: 'fast' });
    send(connections[0]!, { type: 'inspection', runId: 'r', requestId: 'q', input: map, prediction: [1], featureMaps: [], kernels: [] });
    send(connections[0]!, { type: 'ready', backend: 'gpu' });
    connections[0]!.socket.send('text');
    await vi.waitFor(() => expect(events).toHaveLength(4));
    expect(events[0]).toEqual({ type: 'ready', backend: 'wasm', backendReason: 'fast' });
    expect((events[1] as Extract<EngineEvent, { type: 'inspection' }>).input.data).toBeInstanceOf(Float32Array);
    expect(events[2]).toMatchObject({ type: 'error', code: 'bad-message', reason: { code: 'bad-event' } });
    expect(events[3]).toMatchObject({ type: 'error', code: 'bad-message', message: expect.stringContaining('text message') });
  });

  it('reports a closed connection as a stopped engine, and connects again for the next command', async () => {
    const link = start();
    const states: string[] = [];
    link.onState((s) => states.push(s));
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    await vi.waitFor(() => expect(link.state).toBe('open'));
    connections[0]!.socket.close(1011, 'engine exited');
    await vi.waitFor(() => expect(link.state).toBe('closed'));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'error',
        code: 'engine-crashed',
        reason: { code: 'engine-stopped', values: {} },
        detail: 'the connection closed (code 1011, engine exited)',
      }),
    ]);
    link.send({ type: 'inspect', runId: 'r', requestId: 'q', input: { kind: 'test-sample', index: 1 } });
    await vi.waitFor(() => expect(connections[1]?.received).toHaveLength(2));
    expect(connections[1]!.received[1]).toEqual({ type: 'inspect', runId: 'r', requestId: 'q', input: { kind: 'test-sample', index: 1 } });
    expect(states).toEqual(['open', 'closed', 'connecting', 'open']);
  });

  it('drops the old socket quietly on restart', async () => {
    const link = start();
    await vi.waitFor(() => expect(link.state).toBe('open'));
    const first = connections[0]!;
    const closed = new Promise<number>((resolve) => first.socket.once('close', (code: number) => resolve(code)));
    await link.restart();
    expect(await closed).toBe(1000);
    await vi.waitFor(() => expect(connections[1]?.received).toEqual([{ type: 'hello' }]));
    expect(link.state).toBe('open');
    expect(events).toEqual([]);
  });

  it('says so when no server answers', async () => {
    await new Promise((resolve) => server.close(resolve));
    start();
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({ code: 'engine-crashed', reason: { code: 'engine-unreachable' } });
    expect((events[0] as { message: string }).message).not.toContain('secret');
    expect(engine!.state).toBe('closed');
    server = new WebSocketServer({ port: 0 }); // for afterEach
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  });
});
