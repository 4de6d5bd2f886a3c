// The engine link over an in-memory transport pair: real MessagePorts (node:worker_threads), the
// page's end wrapped by the same messagePortTransport the desktop app uses, the engine's end
// driven by the test.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngineLink, type EngineLink } from '../../../src-renderer/engine/engine-link';
import { messagePortTransport, type EnginePort } from '../../../src-renderer/engine/electron-engine';
import type { EngineTransport, TransportOpener } from '../../../src-renderer/engine/transport';
import type { EngineCommand, EngineEvent } from '../../../src-shared/engine/protocol';

/** The engine's end of one connection: what it received, and a way to answer. */
interface EngineEnd {
  readonly port: MessagePort;
  readonly inbox: unknown[];
}

/** Opens a fresh MessageChannel per connection; open() waits until the test lets it (`hold`). */
class ChannelOpener implements TransportOpener {
  readonly kind = 'electron' as const;
  readonly ends: EngineEnd[] = [];
  resets = 0;
  hold = false;
  failNext: Error | undefined;
  private waiting: (() => void)[] = [];

  open(): Promise<EngineTransport> {
    const go = (): EngineTransport => {
      if (this.failNext) {
        const e = this.failNext;
        this.failNext = undefined;
        throw e;
      }
      const { port1, port2 } = new MessageChannel();
      const inbox: unknown[] = [];
      port2.on('message', (m) => inbox.push(m));
      this.ends.push({ port: port2, inbox });
      return messagePortTransport(port1 as unknown as EnginePort);
    };
    if (!this.hold) return Promise.resolve().then(go);
    return new Promise((resolve, reject) =>
      this.waiting.push(() => {
        try {
          resolve(go());
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }),
    );
  }

  async reset(): Promise<void> {
    this.resets++;
  }

  release(): void {
    this.hold = false;
    for (const w of this.waiting.splice(0)) w();
  }

  closeAll(): void {
    for (const e of this.ends) e.port.close();
  }
}

let opener: ChannelOpener;
let link: EngineLink;
let events: EngineEvent[];

function start(options: { maxQueued?: number; hold?: boolean; report?: (what: string, e: unknown) => void } = {}): void {
  opener = new ChannelOpener();
  opener.hold = options.hold ?? false;
  link = createEngineLink(opener, {
    ...(options.maxQueued !== undefined ? { maxQueued: options.maxQueued } : {}),
    ...(options.report ? { report: options.report } : {}),
  });
  events = [];
  link.on((e) => events.push(e));
}

afterEach(() => {
  link?.dispose();
  opener?.closeAll();
});

const inspect = (requestId: string, index = 0): EngineCommand => ({
  type: 'inspect',
  runId: 'r',
  requestId,
  input: { kind: 'test-sample', index },
});

const map = { shape: [1, 2, 2, 1], data: new Float32Array([0, 0.5, 1, 0.25]), min: 0, max: 1 };
const inspection = (requestId: string) => ({
  type: 'inspection',
  runId: 'r',
  requestId,
  input: map,
  prediction: [0.9, 0.1],
  featureMaps: [{ layer: 'conv2d', kind: 'Conv2D', map }],
  kernels: [],
});

describe('the engine link', () => {
  it('says hello on every connection and sends the commands queued before it opened, in order', async () => {
    start({ hold: true });
    expect(link.state).toBe('connecting');
    link.send({ type: 'stop', runId: 'r1' });
    link.send(inspect('q1'));
    opener.release();
    await vi.waitFor(() => expect(opener.ends[0]?.inbox).toHaveLength(3));
    expect(opener.ends[0]!.inbox).toEqual([{ type: 'hello' }, { type: 'stop', runId: 'r1' }, inspect('q1')]);
    expect(link.state).toBe('open');
    link.send({ type: 'hello' });
    await vi.waitFor(() => expect(opener.ends[0]!.inbox).toHaveLength(4));
  });

  it('answers an invalid command with a bad-message error that names its request, and sends nothing', async () => {
    start();
    await vi.waitFor(() => expect(link.state).toBe('open'));
    link.send({ type: 'inspect', runId: 'r', requestId: 'q9', input: { kind: 'pixels', pixels: new Uint8Array(3) } } as never);
    link.send({ type: 'launch-missiles' } as never);
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[0]).toMatchObject({
      type: 'error',
      code: 'bad-message',
      runId: 'r',
      requestId: 'q9',
      reason: { code: 'bad-command', values: {} },
      message: expect.stringMatching(/^Invalid engine command: .*784/),
    });
    expect(events[1]).toMatchObject({ type: 'error', code: 'bad-message', reason: { code: 'bad-command' } });
    expect(events[1]).not.toHaveProperty('requestId');
    await new Promise((r) => setTimeout(r, 10));
    expect(opener.ends[0]!.inbox).toEqual([{ type: 'hello' }]);
  });

  it('passes valid events on (typed arrays intact, unknown keys stripped) and turns malformed ones into bad-message errors', async () => {
    start();
    await vi.waitFor(() => expect(opener.ends).toHaveLength(1));
    const side = opener.ends[0]!.port;
    side.postMessage({ type: 'ready', backend: 'wasm', backendReason: 'fastest available', extra: '<script>' });
    side.postMessage(inspection('q'));
    side.postMessage({ type: 'batch', runId: 'r', epoch: 1 }); // fields missing
    side.postMessage('not an event');
    await vi.waitFor(() => expect(events).toHaveLength(4));
    expect(events[0]).toEqual({ type: 'ready', backend: 'wasm', backendReason: 'fastest available' });
    expect((events[1] as Extract<EngineEvent, { type: 'inspection' }>).input.data).toBeInstanceOf(Float32Array);
    expect(events[2]).toMatchObject({
      type: 'error',
      code: 'bad-message',
      reason: { code: 'bad-event' },
      message: expect.stringMatching(/malformed event/),
    });
    expect(events[3]).toMatchObject({ type: 'error', code: 'bad-message', reason: { code: 'bad-event' } });
  });

  it('caps its queue while the engine does not answer, and says so for the command it refused', async () => {
    start({ hold: true, maxQueued: 2 });
    link.send(inspect('a'));
    link.send(inspect('b'));
    link.send(inspect('c'));
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({
      type: 'error',
      code: 'engine-crashed',
      runId: 'r',
      requestId: 'c',
      reason: { code: 'queue-full', values: { max: 2 } },
      message: expect.stringContaining('2 commands are waiting'),
    });
    opener.release();
    await vi.waitFor(() => expect(opener.ends[0]?.inbox).toHaveLength(3));
    expect(opener.ends[0]!.inbox).toEqual([{ type: 'hello' }, inspect('a'), inspect('b')]);
  });

  it('reports a transport that closes, drops a stop for the dead engine, and connects again for the next command', async () => {
    start();
    const states: string[] = [];
    link.onState((s) => states.push(s));
    await vi.waitFor(() => expect(link.state).toBe('open'));
    opener.ends[0]!.port.close();
    await vi.waitFor(() => expect(link.state).toBe('closed'));
    expect(events).toEqual([
      expect.objectContaining({ type: 'error', code: 'engine-crashed', reason: { code: 'engine-stopped', values: {} } }),
    ]);
    link.send({ type: 'stop', runId: 'r1' });
    link.send(inspect('q2'));
    await vi.waitFor(() => expect(opener.ends[1]?.inbox).toHaveLength(2));
    expect(opener.ends[1]!.inbox).toEqual([{ type: 'hello' }, inspect('q2')]);
    expect(opener.resets).toBe(1);
    expect(states).toEqual(['open', 'closed', 'connecting', 'open']);
    expect(events).toHaveLength(1);
  });

  it('reports the engine’s own crash once, not again when its connection closes after it', async () => {
    start();
    await vi.waitFor(() => expect(link.state).toBe('open'));
    const side = opener.ends[0]!.port;
    side.postMessage({ type: 'error', code: 'engine-crashed', message: 'The engine crashed: out of memory' });
    await vi.waitFor(() => expect(link.state).toBe('closed'));
    side.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([{ type: 'error', code: 'engine-crashed', message: 'The engine crashed: out of memory' }]);
  });

  it('says so when it cannot connect, and restart() tries again', async () => {
    opener = new ChannelOpener();
    opener.failNext = new Error('This request is only accepted from the Convas window.');
    link = createEngineLink(opener);
    events = [];
    link.on((e) => events.push(e));
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({
      code: 'engine-crashed',
      reason: { code: 'engine-unreachable' },
      message: 'Cannot reach the training engine: This request is only accepted from the Convas window.',
    });
    expect(link.state).toBe('closed');
    await link.restart();
    await vi.waitFor(() => expect(link.state).toBe('open'));
    await vi.waitFor(() => expect(opener.ends[0]!.inbox).toEqual([{ type: 'hello' }]));
  });

  it('keeps every listener going when one throws, and reports the exception', async () => {
    const reported: unknown[] = [];
    start({ report: (_what, e) => reported.push(e) });
    const boom = new Error('listener bug');
    const order: string[] = [];
    link.on(() => {
      order.push('thrower');
      throw boom;
    });
    link.on((e) => order.push(`after:${e.type}`));
    await vi.waitFor(() => expect(opener.ends).toHaveLength(1));
    opener.ends[0]!.port.postMessage({ type: 'ready', backend: 'cpu', backendReason: 'only one' });
    await vi.waitFor(() => expect(order).toEqual(['thrower', 'after:ready']));
    expect(events).toHaveLength(1);
    expect(reported).toEqual([boom]);
  });

  it('reports a listener’s exception with console.error by default', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      start();
      link.on(() => {
        throw new Error('listener bug');
      });
      await vi.waitFor(() => expect(opener.ends).toHaveLength(1));
      opener.ends[0]!.port.postMessage({ type: 'ready', backend: 'cpu', backendReason: 'only one' });
      await vi.waitFor(() => expect(spy).toHaveBeenCalledWith('engine listener failed', expect.any(Error)));
      expect(events).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('hands each request its own answer: one failed inspection leaves the other pending one to resolve', async () => {
    start();
    await vi.waitFor(() => expect(link.state).toBe('open'));
    link.send(inspect('a', 0));
    link.send(inspect('b', 999));
    await vi.waitFor(() => expect(opener.ends[0]!.inbox).toHaveLength(3));
    const side = opener.ends[0]!.port;
    side.postMessage({
      type: 'error',
      runId: 'r',
      requestId: 'b',
      code: 'bad-message',
      message: 'Test sample 999 does not exist; the test split has 10 images',
      reason: { code: 'test-sample-missing', values: { index: 999, count: 10 } },
    });
    side.postMessage(inspection('a'));
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[0]).toMatchObject({ type: 'error', requestId: 'b', reason: { code: 'test-sample-missing', values: { index: 999 } } });
    expect(events[1]).toMatchObject({ type: 'inspection', requestId: 'a' });
    expect(link.state).toBe('open');
  });

  it('restart() drops the connection quietly and opens a fresh one', async () => {
    start();
    await vi.waitFor(() => expect(link.state).toBe('open'));
    const states: string[] = [];
    link.onState((s) => states.push(s));
    await link.restart();
    await vi.waitFor(() => expect(link.state).toBe('open'));
    opener.ends[0]!.port.postMessage({ type: 'ready', backend: 'cpu', backendReason: 'from the old engine' });
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([]);
    expect(states).toEqual(['connecting', 'open']);
    expect(opener.resets).toBe(1);
  });
});
