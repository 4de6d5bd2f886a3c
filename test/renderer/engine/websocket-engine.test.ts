import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../src-shared/engine/protocol';
import { decodeFrame, encodeFrame } from '../../../src-shared/engine/wire';
import { engineSocketUrl, readEventFrame, WebSocketEngine, type SocketLike } from '../../../src-renderer/engine/websocket-engine';

class FakeSocket implements SocketLike {
  binaryType = 'blob';
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  readonly sent: unknown[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: Uint8Array<ArrayBuffer>): void {
    this.sent.push(decodeFrame(data));
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: unknown): void {
    const frame = encodeFrame(message);
    this.onmessage?.({ data: frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) });
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const engine = new WebSocketEngine('ws://127.0.0.1:9/engine?token=x', (url) => {
    const s = new FakeSocket(url);
    sockets.push(s);
    return s;
  });
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  const states: string[] = [];
  engine.onState((s) => states.push(s));
  return { engine, sockets, events, states };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('engineSocketUrl', () => {
  it('takes the secret from the page URL', () => {
    expect(engineSocketUrl({ protocol: 'http:', host: '127.0.0.1:4180', search: '?token=a%2Bb' })).toBe(
      'ws://127.0.0.1:4180/engine?token=a%2Bb',
    );
    expect(engineSocketUrl({ protocol: 'http:', host: '127.0.0.1:4180', search: '' })).toBeUndefined();
  });
});

describe('readEventFrame', () => {
  it('validates events and turns bad frames into error events', () => {
    const good = encodeFrame({ type: 'ready', backend: 'cpu', backendReason: 'only one' });
    expect(readEventFrame(good)).toEqual({ type: 'ready', backend: 'cpu', backendReason: 'only one' });
    expect(readEventFrame(encodeFrame({ type: 'ready', backend: 'gpu' }))).toMatchObject({ type: 'error', code: 'bad-message' });
    expect(readEventFrame(new Uint8Array([1, 2]))).toMatchObject({ type: 'error', code: 'bad-message' });
    expect(readEventFrame('text')).toMatchObject({ type: 'error', code: 'bad-message' });
  });

  it('keeps typed arrays of inspections', () => {
    const map = { shape: [1, 1, 1], data: Float32Array.from([0.5]), min: 0.5, max: 0.5 };
    const e = readEventFrame(
      encodeFrame({
        type: 'inspection',
        runId: 'r',
        requestId: 'q',
        input: map,
        prediction: [1],
        featureMaps: [{ layer: 'c', kind: 'Conv2D', map }],
        kernels: [],
      }),
    );
    expect(e.type).toBe('inspection');
    if (e.type === 'inspection') expect(e.featureMaps[0]!.map.data).toBeInstanceOf(Float32Array);
  });
});

describe('WebSocketEngine', () => {
  it('queues commands until the socket opens, says hello first, and delivers events', () => {
    const { engine, sockets, events, states } = setup();
    engine.send({ type: 'stop', runId: 'r1' });
    const s = sockets[0]!;
    expect(s.binaryType).toBe('arraybuffer');
    expect(s.sent).toEqual([]);
    s.open();
    expect(s.sent).toEqual([{ type: 'hello' }, { type: 'stop', runId: 'r1' }]);
    expect(states).toEqual(['open']);
    s.receive({ type: 'ready', backend: 'wasm', backendReason: 'fast' });
    expect(events).toEqual([{ type: 'ready', backend: 'wasm', backendReason: 'fast' }]);
  });

  it('reports a closed socket as a crashed engine, answers later commands the same way, and reconnects on restart', async () => {
    const { engine, sockets, events, states } = setup();
    sockets[0]!.open();
    sockets[0]!.drop();
    expect(engine.state).toBe('closed');
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'engine-crashed' });
    engine.send({ type: 'stop', runId: 'r1' });
    await flush();
    expect(events.filter((e) => e.type === 'error' && e.code === 'engine-crashed')).toHaveLength(2);
    engine.restart();
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(states).toEqual(['open', 'closed', 'connecting', 'open']);
    expect(sockets[1]!.sent).toEqual([{ type: 'hello' }]);
  });

  it('drops the old socket quietly on restart', () => {
    const { engine, sockets, events } = setup();
    sockets[0]!.open();
    engine.restart();
    expect(sockets[0]!.closed).toBe(true);
    sockets[0]!.drop();
    expect(events).toEqual([]);
  });
});
