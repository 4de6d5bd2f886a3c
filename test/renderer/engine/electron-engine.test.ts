// The engine link of the desktop app (the one link over the Electron opener), driven through the
// same interface as in the app, with real MessagePorts (node:worker_threads) standing in for the
// ports Electron hands over.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createElectronEngine, type ElectronEngine, type ElectronEngineHost } from '../../../src-renderer/engine/electron-engine';
import { ENGINE_PORT_MESSAGE, type ConvasBridge } from '../../../src-shared/electron/bridge-api';
import type { EngineStatus } from '../../../src-shared/electron/ipc-schemas';
import type { EngineEvent } from '../../../src-shared/engine/protocol';

type WindowListener = Parameters<ElectronEngineHost['addEventListener']>[1];

/** A page window with a fake preload bridge whose engine side is a real MessagePort per connection. */
class FakePage implements ElectronEngineHost {
  readonly engineSides: MessagePort[] = [];
  readonly received: unknown[][] = [];
  readonly connectIds: string[] = [];
  restarts = 0;
  connectError: Error | undefined;
  private readonly windowListeners = new Set<WindowListener>();
  private readonly statusListeners = new Set<(s: EngineStatus) => void>();
  readonly convas: ConvasBridge;

  constructor() {
    const engine: ConvasBridge['engine'] = {
      connect: async (id) => {
        if (this.connectError) throw this.connectError;
        this.connectIds.push(id);
        const { port1, port2 } = new MessageChannel();
        const inbox: unknown[] = [];
        this.received.push(inbox);
        port1.on('message', (m) => inbox.push(m));
        this.engineSides.push(port1);
        // As the preload does: the port arrives as a window message, after main answered.
        setTimeout(() => this.post({ data: { channel: ENGINE_PORT_MESSAGE, id }, ports: [port2], source: this }), 0);
        return { exportDir: '/main/owned/export-dir' };
      },
      restart: async () => {
        this.restarts++;
      },
      onStatus: (listener) => {
        this.statusListeners.add(listener);
        return () => this.statusListeners.delete(listener);
      },
    };
    this.convas = { engine } as ConvasBridge;
  }

  addEventListener(_type: 'message', listener: WindowListener): void {
    this.windowListeners.add(listener);
  }
  removeEventListener(_type: 'message', listener: WindowListener): void {
    this.windowListeners.delete(listener);
  }
  post(event: Parameters<WindowListener>[0]): void {
    for (const l of this.windowListeners) l(event);
  }
  status(status: unknown): void {
    for (const l of this.statusListeners) l(status as EngineStatus);
  }
  get listenerCount(): number {
    return this.windowListeners.size + this.statusListeners.size;
  }
  close(): void {
    for (const p of this.engineSides) p.close();
  }
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await tick(5);
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

let page: FakePage;
let engine: ElectronEngine;
let events: EngineEvent[];

function start(): void {
  page = new FakePage();
  let n = 0;
  engine = createElectronEngine({ host: page, newId: () => `conn-${++n}` })!;
  events = [];
  engine.on((e) => events.push(e));
}

afterEach(() => {
  engine?.dispose();
  page?.close();
});

describe('createElectronEngine', () => {
  it('is undefined outside the desktop app (no bridge)', () => {
    expect(createElectronEngine()).toBeUndefined();
    const noBridge = { addEventListener() {}, removeEventListener() {} };
    expect(createElectronEngine({ host: noBridge })).toBeUndefined();
  });

  it('says hello over the handed-over port, then sends the commands queued before it arrived', async () => {
    start();
    expect(engine.kind).toBe('electron');
    engine.send({ type: 'stop', runId: 'r1' });
    await until(() => (page.received[0]?.length ?? 0) === 2, 'queued commands');
    expect(page.received[0]).toEqual([{ type: 'hello' }, { type: 'stop', runId: 'r1' }]);
    engine.send({ type: 'hello' });
    await until(() => page.received[0]!.length === 3, 'direct command');
  });

  it('sends engine exports to the folder main owns and asks for the bytes back', async () => {
    start();
    engine.send({ type: 'export', runId: 'r1', dir: '/home/user/.ssh' });
    await until(() => page.received[0]?.length === 2, 'export command');
    expect(page.received[0]![1]).toEqual({ type: 'export', runId: 'r1', dir: '/main/owned/export-dir', returnContents: true });
  });

  it('answers an invalid command with a bad-message error event and sends nothing', async () => {
    start();
    engine.send({ type: 'train', runId: '' } as never);
    await tick();
    expect(events).toEqual([
      expect.objectContaining({ type: 'error', code: 'bad-message', message: expect.stringMatching(/Invalid engine command/) }),
    ]);
    await until(() => page.received[0]?.length === 1, 'hello');
    expect(page.received[0]).toEqual([{ type: 'hello' }]);
  });

  it('delivers valid events, binary tensors included, and turns malformed ones into bad-message errors', async () => {
    start();
    await until(() => page.engineSides.length === 1, 'connection');
    await tick();
    const side = page.engineSides[0]!;
    side.postMessage({ type: 'ready', backend: 'wasm', backendReason: 'fastest available' });
    const map = { shape: [1, 2, 2, 1], data: new Float32Array([0, 0.5, 1, 0.25]), min: 0, max: 1 };
    side.postMessage({
      type: 'inspection',
      runId: 'r',
      requestId: 'q',
      input: map,
      prediction: [0.9, 0.1],
      featureMaps: [{ layer: 'conv2d', kind: 'Conv2D', map }],
      kernels: [],
    });
    side.postMessage({ type: 'batch', runId: 'r', epoch: 1 }); // missing fields
    side.postMessage({ type: 'ready', backend: 'wasm', backendReason: 'x', extra: '<script>' }); // unknown keys are stripped, not passed on
    side.postMessage('not an event');
    await until(() => events.length === 5, 'five events');
    expect(events[0]).toEqual({ type: 'ready', backend: 'wasm', backendReason: 'fastest available' });
    expect(events[1]).toMatchObject({ type: 'inspection', featureMaps: [{ layer: 'conv2d' }] });
    expect((events[1] as Extract<EngineEvent, { type: 'inspection' }>).input.data).toBeInstanceOf(Float32Array);
    expect(events[2]).toMatchObject({ type: 'error', code: 'bad-message', message: expect.stringMatching(/malformed event/) });
    expect(events[3]).toEqual({ type: 'ready', backend: 'wasm', backendReason: 'x' });
    expect(events[4]).toMatchObject({ type: 'error', code: 'bad-message' });
  });

  it('ignores window messages that are not the port it asked for', async () => {
    start();
    const stray = new MessageChannel();
    page.post({ data: { channel: ENGINE_PORT_MESSAGE, id: 'someone-else' }, ports: [stray.port2], source: page });
    page.post({ data: { channel: ENGINE_PORT_MESSAGE, id: 'conn-1' }, ports: [stray.port2], source: { other: 'frame' } });
    page.post({ data: { channel: 'other', id: 'conn-1' }, ports: [stray.port2], source: page });
    const strayInbox: unknown[] = [];
    stray.port1.on('message', (m) => strayInbox.push(m));
    engine.send({ type: 'hello' });
    await until(() => page.received[0]?.length === 2, 'command on the real port');
    await tick();
    expect(strayInbox).toEqual([]);
    stray.port1.close();
  });

  it('closes a port that arrives for a connection a newer one replaced', async () => {
    start();
    engine.send({ type: 'hello' });
    await until(() => (page.received[0]?.length ?? 0) >= 1, 'the live connection');
    await tick();
    const before = page.received[0]!.length;
    const late = new MessageChannel();
    let closed = false;
    late.port1.on('close', () => (closed = true));
    page.post({ data: { channel: ENGINE_PORT_MESSAGE, id: 'conn-0' }, ports: [late.port2], source: page });
    await until(() => closed, 'the replaced port to close');
    // The live connection is untouched.
    engine.send({ type: 'hello' });
    await until(() => page.received[0]?.length === before + 1, 'a command on the live port');
  });

  it('reports an engine crash once, drops stop for the dead engine, and restarts on the next command', async () => {
    start();
    await until(() => page.engineSides.length === 1, 'connection');
    await tick();
    // The engine says so itself over the port, then main reports the exit.
    page.engineSides[0]!.postMessage({ type: 'error', code: 'engine-crashed', message: 'The engine crashed: out of memory' });
    await until(() => events.length === 1, 'crash event');
    page.status({ state: 'crashed', message: 'The training engine stopped unexpectedly (exit code 1)' });
    page.status({ state: 'bogus' });
    await tick();
    expect(events).toEqual([{ type: 'error', code: 'engine-crashed', message: 'The engine crashed: out of memory' }]);

    engine.send({ type: 'stop', runId: 'r1' });
    engine.send({ type: 'hello' });
    await until(() => page.received[1]?.length === 2, 'command on the new connection');
    expect(page.restarts).toBe(1);
    expect(page.connectIds).toEqual(['conn-1', 'conn-2']);
    expect(page.received[1]).toEqual([{ type: 'hello' }, { type: 'hello' }]);
    expect(page.received[0]).toEqual([{ type: 'hello' }]);
  });

  it('reports a crash main saw even when the engine could not say so', async () => {
    start();
    await until(() => page.engineSides.length === 1, 'connection');
    page.status({ state: 'crashed', message: 'The training engine stopped unexpectedly (exit code 9)' });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'error',
        code: 'engine-crashed',
        message: 'The training engine stopped unexpectedly (exit code 9)',
        reason: { code: 'engine-stopped', values: {} },
      }),
    ]);
    expect(engine.state).toBe('closed');
  });

  it('tells the status line whether the link is open', async () => {
    start();
    const states: string[] = [engine.state];
    engine.onState((s) => states.push(s));
    await until(() => engine.state === 'open', 'open link');
    page.status({ state: 'crashed', message: 'gone' });
    expect(engine.state).toBe('closed');
    await engine.restart();
    await until(() => engine.state === 'open', 'open link again');
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
  });

  it('restart() reconnects on request', async () => {
    start();
    await until(() => page.engineSides.length === 1, 'connection');
    await engine.restart();
    engine.send({ type: 'hello' });
    await until(() => page.received[1]?.length === 2, 'command after restart');
    expect(page.restarts).toBe(1);
  });

  it('says so when main cannot connect it', async () => {
    page = new FakePage();
    page.connectError = new Error('This request is only accepted from the Convas window.');
    engine = createElectronEngine({ host: page })!;
    events = [];
    engine.on((e) => events.push(e));
    await until(() => events.length === 1, 'the error');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'error',
        code: 'engine-crashed',
        message: 'Cannot reach the training engine: This request is only accepted from the Convas window.',
        reason: { code: 'engine-unreachable', values: {} },
      }),
    ]);
  });

  it('dispose() unsubscribes from the window and main', async () => {
    start();
    await until(() => page.engineSides.length === 1, 'connection');
    expect(page.listenerCount).toBe(2);
    engine.dispose();
    expect(page.listenerCount).toBe(0);
  });
});
