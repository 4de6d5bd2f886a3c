import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { bridge, type EngineConnection } from '../../../src-main/server/bridge';
import type { EngineCommand, EngineEvent } from '../../../src-shared/engine/protocol';
import { decodeFrame, encodeFrame } from '../../../src-shared/engine/wire';

/** An engine that records what it is sent and emits what the test says (the bridge's side of it is real). */
function recordingEngine() {
  const sent: EngineCommand[] = [];
  const listeners = new Set<(e: EngineEvent) => void>();
  const engine: EngineConnection = {
    on: (l) => (listeners.add(l), () => listeners.delete(l)),
    send: (c) => sent.push(c),
    close: async () => undefined,
  };
  return { engine, sent, emit: (e: EngineEvent) => listeners.forEach((l) => l(e)) };
}

let server: WebSocketServer | undefined;
afterEach(() => server?.close());

/** A real WebSocket pair on loopback, its server side bridged to `engine`. */
async function connect(engine: EngineConnection): Promise<{ page: WebSocket; events: EngineEvent[] }> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (ws) => bridge(ws, engine, { closed: () => undefined, ended: () => undefined }));
  await new Promise((r) => server!.once('listening', r));
  const { port } = server.address() as { port: number };
  const page = new WebSocket(`ws://127.0.0.1:${port}`);
  const events: EngineEvent[] = [];
  page.on('message', (data) => events.push(decodeFrame(new Uint8Array(data as Buffer)) as EngineEvent));
  await new Promise((r) => page.once('open', r));
  return { page, events };
}

describe('the bridge between a page and its engine', () => {
  it('runs one export at a time and removes its folder once the bytes went back', async () => {
    const { engine, sent, emit } = recordingEngine();
    const { page, events } = await connect(engine);
    page.send(encodeFrame({ type: 'export', runId: 'r1', dir: '/anything/the/page/says' }));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const first = sent[0] as Extract<EngineCommand, { type: 'export' }>;
    expect(first.dir).not.toBe('/anything/the/page/says');
    expect(existsSync(first.dir)).toBe(true);
    // A second export while the first is in flight is refused, and nothing reaches the engine.
    page.send(encodeFrame({ type: 'export', runId: 'r1', dir: '/x' }));
    await vi.waitFor(() => expect(events.some((e) => e.type === 'error' && e.code === 'bad-message')).toBe(true));
    expect(sent).toHaveLength(1);
    emit({ type: 'exported', runId: 'r1', files: ['model.json'], contents: [] });
    await vi.waitFor(() => expect(existsSync(first.dir)).toBe(false));
    // The next export is taken again.
    page.send(encodeFrame({ type: 'export', runId: 'r1', dir: '/x' }));
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    page.close();
  });
});
