// The engine's process wiring in main: the supervisor with fakes, then the real engine bundle
// behind a stand-in for Electron's utilityProcess (a worker thread given a `process.parentPort`
// like Electron's), with the page adapter talking to it over the handed-over MessagePort.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CONNECT_MESSAGE,
  crashDetail,
  crashMessage,
  crashStatus,
  EngineSupervisor,
  type EngineChild,
} from '../../../src-main/electron/engine-supervisor';
import { createElectronEngine, type ElectronEngineHost } from '../../../src-renderer/engine/electron-engine';
import { ENGINE_PORT_MESSAGE, type ConvasBridge } from '../../../src-shared/electron/bridge-api';
import { engineStatusSchema, type EngineStatus } from '../../../src-shared/electron/ipc-schemas';
import type { EngineEvent } from '../../../src-shared/engine/protocol';
import { buildForTest } from './bundles';

class FakeChild extends EventEmitter implements EngineChild<string> {
  readonly stderr = new EventEmitter();
  readonly posted: [unknown, string[] | undefined][] = [];
  killed = false;
  postMessage(message: unknown, transfer?: string[]): void {
    this.posted.push([message, transfer]);
    if ((message as { type?: string }).type === 'shutdown') queueMicrotask(() => this.emit('exit', 0));
  }
  kill(): boolean {
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 15));
    return true;
  }
}

function fakeSupervisor() {
  const children: FakeChild[] = [];
  const statuses: EngineStatus[] = [];
  let n = 0;
  const supervisor = new EngineSupervisor<string>({
    fork: () => {
      const c = new FakeChild();
      children.push(c);
      return c;
    },
    createChannel: () => ({ port1: `engine-end-${++n}`, port2: `page-end-${n}` }),
    onStatus: (s) => statuses.push(s),
  });
  return { supervisor, children, statuses };
}

describe('EngineSupervisor', () => {
  it('starts the engine on the first connection and gives each page its own port to it', () => {
    const { supervisor, children, statuses } = fakeSupervisor();
    expect(supervisor.isRunning).toBe(false);
    expect(supervisor.connect()).toBe('page-end-1');
    expect(supervisor.connect()).toBe('page-end-2');
    expect(children).toHaveLength(1);
    expect(children[0]!.posted).toEqual([
      [CONNECT_MESSAGE, ['engine-end-1']],
      [CONNECT_MESSAGE, ['engine-end-2']],
    ]);
    expect(statuses).toEqual([{ state: 'started' }]);
  });

  it('reports a crash with the last lines the engine wrote, and starts a new engine on the next connection', async () => {
    const { supervisor, children, statuses } = fakeSupervisor();
    supervisor.connect();
    children[0]!.stderr.emit('data', Buffer.from('loading…\nRangeError: Array buffer allocation failed\n'));
    children[0]!.emit('exit', 134);
    await vi.waitFor(() => expect(statuses.at(-1)).toMatchObject({ state: 'crashed' }));
    // The English sentence stays in `message`; the code and the engine's words let the page word it in its language.
    expect(statuses.at(-1)).toEqual({
      state: 'crashed',
      message:
        'The training engine stopped unexpectedly (exit code 134): loading… RangeError: Array buffer allocation failed — start the run again; your design is not affected',
      exitCode: 134,
      detail: 'loading… RangeError: Array buffer allocation failed',
    });
    expect(engineStatusSchema.safeParse(statuses.at(-1)).success).toBe(true);
    expect(supervisor.isRunning).toBe(false);
    supervisor.connect();
    expect(children).toHaveLength(2);
  });

  it('words a crash from its code and values in both languages, without separators in the exit code', () => {
    expect(crashMessage('en', 3221225477, '')).toBe(
      'The training engine stopped unexpectedly (exit code 3221225477) — start the run again; your design is not affected',
    );
    const ko = crashMessage('ko', 134, 'RangeError: Array buffer allocation failed');
    expect(ko).toContain('학습 엔진');
    expect(ko).toContain('134');
    expect(ko).toContain('RangeError: Array buffer allocation failed');
    expect(crashStatus(1, '')).toEqual({ state: 'crashed', message: crashMessage('en', 1, ''), exitCode: 1 });
    expect(crashDetail('Hi, looks like you are running TensorFlow.js in Node.js\n====\n\na\nb\nc\nd\n')).toBe('b c d');
  });

  it('grants a chosen dataset folder to the running engine and keeps it for engines started later', () => {
    const { supervisor, children } = fakeSupervisor();
    supervisor.grantDataDir('/data/before');
    expect(supervisor.grantedDirs).toEqual(['/data/before']);
    supervisor.connect();
    supervisor.grantDataDir('/data/photos');
    supervisor.grantDataDir('/data/photos');
    expect(children[0]!.posted.at(-1)).toEqual([{ grantDataDir: '/data/photos' }, undefined]);
    expect(children[0]!.posted.filter(([m]) => (m as { grantDataDir?: string }).grantDataDir !== undefined)).toHaveLength(2);
    expect(supervisor.grantedDirs).toEqual(['/data/before', '/data/photos']);
  });

  it('restart ends the running engine without calling it a crash', async () => {
    const { supervisor, children, statuses } = fakeSupervisor();
    supervisor.connect();
    await supervisor.restart();
    expect(children[0]!.killed).toBe(true);
    expect(children).toHaveLength(2);
    expect(statuses).toEqual([{ state: 'started' }, { state: 'started' }]);
  });

  it('stop asks the engine to shut down first', async () => {
    const { supervisor, children, statuses } = fakeSupervisor();
    supervisor.connect();
    await supervisor.stop(1000);
    expect(children[0]!.posted.at(-1)).toEqual([{ type: 'shutdown' }, undefined]);
    expect(children[0]!.killed).toBe(false);
    expect(statuses).toEqual([{ state: 'started' }]);
    await supervisor.stop(); // nothing running: no-op
  });
});

/**
 * Runs a module the way Electron's utilityProcess does as far as the engine can tell: a
 * `process.parentPort` whose 'message' events carry `data` and transferred `ports`.
 */
const UTILITY_BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const asPortMain = (port) => ({
  on: (_event, listener) => port.on('message', (data) => listener({ data, ports: [] })),
  postMessage: (message) => port.postMessage(message),
  start: () => port.start(),
});
const listeners = [];
const queued = [];
// As Electron documents: messages are queued until a 'message' handler is registered.
process.parentPort = {
  on: (_event, listener) => {
    listeners.push(listener);
    for (const e of queued.splice(0)) listener(e);
  },
  postMessage: (message) => parentPort.postMessage(message),
  start: () => {},
};
parentPort.on('message', ({ data, ports }) => {
  const event = { data, ports: (ports || []).map(asPortMain) };
  if (listeners.length === 0) queued.push(event);
  for (const l of listeners) l(event);
});
import(workerData.entry);
`;

function utilityProcessStandIn(entry: string): EngineChild<MessagePort> & { worker: Worker } {
  const worker = new Worker(UTILITY_BOOTSTRAP, { eval: true, workerData: { entry: pathToFileURL(entry).href }, stderr: true });
  return {
    worker,
    stderr: worker.stderr,
    postMessage: (message, transfer = []) => worker.postMessage({ data: message, ports: transfer }, transfer),
    kill: () => (void worker.terminate(), true),
    once: (_event, listener) => worker.once('exit', listener),
  };
}

describe('the engine bundle behind the MessagePort handover', () => {
  let built: Awaited<ReturnType<typeof buildForTest>>;
  beforeAll(async () => {
    built = await buildForTest('supervisor');
  }, 60_000);
  afterAll(() => built?.cleanUp());

  it('streams engine events straight to the page adapter, and reports a crash of the process', async () => {
    const statuses: EngineStatus[] = [];
    const workers: Worker[] = [];
    const supervisor = new EngineSupervisor<MessagePort>({
      fork: () => {
        const child = utilityProcessStandIn(built.files.engine);
        workers.push(child.worker);
        return child;
      },
      createChannel: () => new MessageChannel(),
      onStatus: (s) => {
        statuses.push(s);
        for (const l of statusListeners) l(s);
      },
    });
    const statusListeners = new Set<(s: EngineStatus) => void>();
    const windowListeners = new Set<Parameters<ElectronEngineHost['addEventListener']>[1]>();
    // What main.ts and the preload do, in one fake bridge: connect → port to the page by window message.
    const bridge = {
      engine: {
        connect: async (id: string) => {
          const port = supervisor.connect();
          setTimeout(
            () => windowListeners.forEach((l) => l({ data: { channel: ENGINE_PORT_MESSAGE, id }, ports: [port], source: null })),
            0,
          );
          return { exportDir: '/unused' };
        },
        restart: () => supervisor.restart(),
        onStatus: (l: (s: EngineStatus) => void) => (statusListeners.add(l), () => statusListeners.delete(l)),
      },
    } as unknown as ConvasBridge;
    const host: ElectronEngineHost = {
      convas: bridge,
      addEventListener: (_t, l) => windowListeners.add(l),
      removeEventListener: (_t, l) => windowListeners.delete(l),
    };
    const engine = createElectronEngine({ host })!;
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    const next = (type: EngineEvent['type']) =>
      new Promise<EngineEvent>((resolve) => {
        const off = engine.on((e) => e.type === type && (off(), resolve(e)));
      });

    const ready = next('ready');
    engine.send({ type: 'hello' });
    expect(await ready).toMatchObject({ type: 'ready', backend: expect.stringMatching(/^(tensorflow|wasm|cpu)$/) });

    // A malformed command never reaches the engine; the adapter answers it.
    const bad = next('error');
    engine.send({ type: 'inspect', runId: 'r', requestId: 'q', input: { kind: 'pixels', pixels: new Uint8Array(3) } } as never);
    expect(await bad).toMatchObject({ code: 'bad-message' });

    // The engine answers an inspect without a model over the same port.
    const noModel = next('error');
    engine.send({ type: 'inspect', runId: 'r', requestId: 'q', input: { kind: 'test-sample', index: 0 } });
    expect(await noModel).toMatchObject({ type: 'error', code: 'no-model' });

    // The process dies: main's supervisor reports it, the page hears it once.
    const crashed = next('error');
    await workers[0]!.terminate();
    expect(await crashed).toMatchObject({ code: 'engine-crashed', message: expect.stringMatching(/stopped unexpectedly/) });
    expect(statuses.map((s) => s.state)).toEqual(['started', 'crashed']);

    // The next command starts a fresh engine and goes through.
    const readyAgain = next('ready');
    engine.send({ type: 'hello' });
    expect(await readyAgain).toMatchObject({ type: 'ready' });
    expect(workers).toHaveLength(2);

    engine.dispose();
    await supervisor.stop(2000);
  }, 60_000);
});
