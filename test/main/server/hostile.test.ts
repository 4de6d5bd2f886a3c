// A hostile page or local process that has the URL (right secret, right Origin) must not be able to
// crash the browser-mode server, start engines without bound, or reach it under another host name.
// The server runs in a process of its own (fixtures/serve.ts), so a crash shows as that process exiting.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { decodeFrame, encodeFrame } from '../../../src-shared/engine/wire';
import { engineEventSchema, type EngineEvent } from '../../../src-shared/engine/protocol';
import { templateGraph, testSettings } from '../engine/training/harness';
import { MAX_ENGINES } from '../../../src-main/server/engine-slots';
import { MAX_MESSAGE_BYTES } from '../../../src-main/server/limits';
import { REPLACED_REASON } from '../../../src-main/server/server';

const FIXTURE = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));

interface Served {
  readonly proc: ChildProcess;
  readonly port: number;
  readonly token: string;
  enginesStarted(): number;
}

const running: Served[] = [];
/** Every hostile case and whether the server survived it, printed at the end (the issue's figures). */
const cases: { name: string; survived: boolean }[] = [];

async function serve(): Promise<Served> {
  const proc = spawn(process.execPath, ['--import', 'tsx', FIXTURE], { stdio: ['ignore', 'pipe', 'inherit'] });
  let engines = 0;
  let buffered = '';
  const first = new Promise<{ port: number; token: string }>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`server fixture exited (${code})`)));
    proc.stdout!.on('data', (chunk: Buffer) => {
      const lines = (buffered + chunk.toString('utf8')).split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const msg = JSON.parse(line) as { port?: number; token?: string; enginesStarted?: number };
        if (msg.enginesStarted !== undefined) engines = msg.enginesStarted;
        if (msg.port !== undefined && msg.token !== undefined) resolve({ port: msg.port, token: msg.token });
      }
    });
  });
  const { port, token } = await first;
  const served = { proc, port, token, enginesStarted: () => engines };
  running.push(served);
  return served;
}

function get(s: Served, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: s.port, path: '/', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The server process is alive and still serves its page. */
async function stillServing(s: Served): Promise<boolean> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return false;
  try {
    return (await get(s, `127.0.0.1:${s.port}`)) === 200;
  } catch {
    return false;
  }
}

async function record(name: string, s: Served): Promise<void> {
  // Give a crash (an uncaught error after the close) the moment it needs to show.
  await new Promise((r) => setImmediate(r));
  const survived = await stillServing(s);
  cases.push({ name, survived });
  expect(survived, `${name}: the server is still serving`).toBe(true);
}

const own = (s: Served) => ({ origin: `http://127.0.0.1:${s.port}` });
const engineUrl = (s: Served, page?: string) => `ws://127.0.0.1:${s.port}/engine?token=${s.token}${page ? `&page=${page}` : ''}`;

/** Opens an engine socket and collects its events and how it closed. */
function open(s: Served, page?: string) {
  const socket = new WebSocket(engineUrl(s, page), own(s));
  const events: EngineEvent[] = [];
  socket.on('message', (data) => events.push(engineEventSchema.parse(decodeFrame(new Uint8Array(data as Buffer)))));
  socket.on('error', () => undefined);
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  return { socket, events, opened, closed };
}

function rssKiB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** A valid-looking train command of the lecture CNN whose Dense `units` is an array nested `depth` deep, as JSON text. */
function deepTrainJson(depth: number): string {
  const graph = templateGraph('lecture-cnn');
  const dense = graph.nodes.find((n) => n.kind === 'Dense')!;
  dense.params['units'] = '__DEEP__';
  const json = JSON.stringify({ type: 'train', runId: 'deep', graph, settings: testSettings() });
  return json.replace('"__DEEP__"', `${'['.repeat(depth)}1${']'.repeat(depth)}`);
}

/** The raw WebSocket handshake and one masked client frame, so a test can send what `ws` refuses to. */
function rawFrame(s: Served, opcode: number, payload: Buffer): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const sock = tcpConnect(s.port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    let upgraded = false;
    sock.on('error', reject);
    sock.on('connect', () =>
      sock.write(
        [
          `GET /engine?token=${s.token} HTTP/1.1`,
          `Host: 127.0.0.1:${s.port}`,
          `Origin: http://127.0.0.1:${s.port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      ),
    );
    sock.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (!upgraded) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        if (!buf.subarray(0, end).toString().startsWith('HTTP/1.1 101')) return reject(new Error(buf.toString()));
        upgraded = true;
        buf = buf.subarray(end + 4);
        const mask = randomBytes(4);
        const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
        sock.write(Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length]), mask, masked]));
      }
      // Skip the server's frames until its close frame (opcode 8): [0x88, len, code(2), reason].
      while (buf.length >= 2) {
        const len = buf[1]! & 0x7f;
        const header = len === 126 ? 4 : 2;
        const size = len === 126 ? buf.readUInt16BE(2) : len;
        if (buf.length < header + size) return;
        if ((buf[0]! & 0x0f) === 8) {
          const body = buf.subarray(header, header + size);
          resolve({ code: body.length >= 2 ? body.readUInt16BE(0) : 1005, reason: body.subarray(2).toString('utf8') });
          sock.destroy();
          return;
        }
        buf = buf.subarray(header + size);
      }
    });
  });
}

afterEach(() => {
  for (const s of running.splice(0)) s.proc.kill('SIGKILL');
});

afterAll(() => {
  const crashed = cases.filter((c) => !c.survived).length;
  console.log(`hostile server cases: ${cases.length}, server crashes: ${crashed}`);
  for (const c of cases) console.log(`  ${c.survived ? 'survived' : 'CRASHED '}  ${c.name}`);
});

describe('browser-mode server under a hostile client', () => {
  it('closes a 17 MiB message with 1009 and a reason, and keeps serving', async () => {
    const s = await serve();
    const { socket, opened, closed } = open(s);
    await opened;
    socket.send('x'.repeat(17 * 1024 * 1024));
    const how = await closed;
    expect(how.code).toBe(1009);
    expect(how.reason).toBe(`message too large (limit ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB)`);
    await record('17 MiB text message', s);
  }, 60_000);

  it('closes a text frame of invalid UTF-8 with 1007 and a reason, and keeps serving', async () => {
    const s = await serve();
    const how = await rawFrame(s, 0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(how).toEqual({ code: 1007, reason: 'text message is not valid UTF-8' });
    await record('text frame with invalid UTF-8 (7b ff fe 7d)', s);
  }, 60_000);

  it('answers a train command nested 10,000 deep with an error, as text and as a binary frame, and keeps serving', async () => {
    const s = await serve();
    const { socket, events, opened } = open(s);
    await opened;
    const json = deepTrainJson(10_000);
    socket.send(json);
    await vi.waitFor(() => expect(events.some((e) => e.type === 'error' && e.runId === 'deep')).toBe(true), { timeout: 30_000 });
    expect(events.find((e) => e.type === 'error')).toMatchObject({ code: 'bad-message', message: expect.stringMatching(/nested deeper/) });
    await record('train command with Dense units nested 10,000 deep (JSON text)', s);
    const header = Buffer.from(JSON.stringify({ message: '__M__', blobs: [] }).replace('"__M__"', json));
    const frame = Buffer.alloc(4);
    frame.writeUInt32LE(header.length);
    socket.send(Buffer.concat([frame, header]));
    // Too deep for the frame decoder too: answered as unreadable (no run id can be read from it).
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'error')).toHaveLength(2), { timeout: 30_000 });
    await record('train command with Dense units nested 10,000 deep (binary frame)', s);
    // A real command still goes through after all that.
    socket.send(encodeFrame({ type: 'hello' }));
    await vi.waitFor(() => expect(events.some((e) => e.type === 'ready')).toBe(true), { timeout: 30_000 });
    socket.close();
  }, 90_000);

  it('answers unreadable and malformed messages with an error and keeps serving', async () => {
    const s = await serve();
    const { socket, events, opened } = open(s);
    await opened;
    socket.send('{not json');
    socket.send(Buffer.from([1, 2, 3]));
    socket.send(Buffer.from([0xff, 0xff, 0xff, 0x7f, 0]));
    socket.send(JSON.stringify({ type: 'train', runId: 'r', __proto__: { polluted: true } }));
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'error')).toHaveLength(4), { timeout: 30_000 });
    await record('unreadable text, short and truncated binary frames, a malformed command', s);
    socket.close();
  }, 60_000);

  it('survives connections that break mid-handshake and malformed HTTP', async () => {
    const s = await serve();
    await new Promise<void>((resolve) => {
      const sock = tcpConnect(s.port, '127.0.0.1', () => {
        sock.write(`GET /engine?token=${s.token} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nUpgr`);
        sock.resetAndDestroy();
        resolve();
      });
    });
    await new Promise<void>((resolve) => {
      const sock = tcpConnect(s.port, '127.0.0.1', () => sock.write('\x00\x01 NOT HTTP\r\n\r\n'));
      sock.on('error', () => resolve());
      sock.on('close', () => resolve());
    });
    await record('connection reset mid-handshake; malformed HTTP', s);
  }, 60_000);

  it('accepts only loopback host names with its port, for pages and the engine socket', async () => {
    const s = await serve();
    expect(await get(s, 'evil.example')).toBe(421);
    expect(await get(s, `evil.example:${s.port}`)).toBe(421);
    expect(await get(s, `127.0.0.1:${s.port + 1}`)).toBe(421);
    expect(await get(s, `localhost:${s.port}`)).toBe(200);
    expect(await get(s, `[::1]:${s.port}`)).toBe(200);
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(engineUrl(s), { ...own(s), headers: { host: 'evil.example' } });
      socket.on('open', () => resolve(101));
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(403);
    await record('Host: evil.example with the right secret and Origin', s);
  }, 60_000);

  it('holds 30 simultaneous connections with at most 3 engines, refuses the rest with a reason, and still answers', async () => {
    const s = await serve();
    const before = rssKiB(s.proc.pid!);
    const sockets = Array.from({ length: 30 }, (_, i) => open(s, `page-${i}`));
    const outcomes = await Promise.all(
      sockets.map(async (c) => {
        await c.opened;
        return Promise.race([c.closed, new Promise<'open'>((r) => setTimeout(() => r('open'), 3000))]);
      }),
    );
    const refused = outcomes.filter((o) => o !== 'open');
    expect(s.enginesStarted()).toBeLessThanOrEqual(3);
    expect(refused).toHaveLength(27);
    for (const o of refused) expect(o).toEqual({ code: 1013, reason: expect.stringMatching(new RegExp(`at most ${MAX_ENGINES} engines`)) });
    const refusedEvents = sockets.flatMap((c) => c.events).filter((e) => e.type === 'error');
    expect(refusedEvents[0]).toMatchObject({ code: 'engine-crashed', reason: { code: 'engine-unreachable' } });
    // One page, one engine: a page's new socket (an engine restart) replaces its old one, which is
    // closed with 1008 and a reason, even on a full server (its old engine is on its way out).
    const keptOpen = outcomes.findIndex((o) => o === 'open');
    const replacement = open(s, `page-${keptOpen}`);
    await replacement.opened;
    expect(await sockets[keptOpen]!.closed).toEqual({ code: 1008, reason: REPLACED_REASON });
    // The kept sockets and the replacement get their engines' answers.
    const live = [...sockets.filter((_, i) => outcomes[i] === 'open' && i !== keptOpen), replacement];
    for (const c of live) c.socket.send(encodeFrame({ type: 'hello' }));
    await vi.waitFor(() => expect(live.every((c) => c.events.some((e) => e.type === 'ready'))).toBe(true), { timeout: 60_000 });
    expect(s.enginesStarted()).toBe(MAX_ENGINES + 1);
    const after = rssKiB(s.proc.pid!);
    console.log(
      `30 simultaneous connections: ${s.enginesStarted()} engines started, 27 refused; server RSS ${before} KiB before, ${after} KiB after`,
    );
    // Closing a page frees its slot (once its engine has exited) for the next one.
    for (const c of live) c.socket.close();
    let attempt = 0;
    await vi.waitFor(
      async () => {
        const next = open(s, `next-${attempt++}`);
        await next.opened;
        const how = await Promise.race([next.closed, new Promise<'open'>((r) => setTimeout(() => r('open'), 1000))]);
        next.socket.close();
        expect(how).toBe('open');
      },
      { timeout: 30_000, interval: 500 },
    );
    expect(s.enginesStarted()).toBe(MAX_ENGINES + 2);
    await record('30 simultaneous engine sockets', s);
  }, 120_000);
});
