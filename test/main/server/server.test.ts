import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../src-main/server/server';
import { startBrowserEngine } from '../../../src-main/server/browser-engine';
import { decodeFrame, encodeFrame } from '../../../src-shared/engine/wire';
import { engineEventSchema, type EngineEvent } from '../../../src-shared/engine/protocol';

let server: RunningServer;
const DATA_DIR = mkdtempSync(join(tmpdir(), 'convas-data-'));
const root = mkdtempSync(join(tmpdir(), 'convas-renderer-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Convas</title>');
writeFileSync(join(mkdtempSync(join(tmpdir(), 'convas-outside-')), 'secret.txt'), 'not served');

/** Opens the engine socket with the given origin and token; resolves with the HTTP status of a refusal or the open socket. */
function connect(origin: string | undefined, token: string): Promise<{ status: number } | { socket: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/engine?token=${token}`, origin ? { origin } : {});
    socket.on('open', () => resolve({ socket }));
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.on('error', () => undefined);
  });
}

describe('browser-mode server', () => {
  beforeAll(async () => {
    server = await startServer({ rendererDir: root, startEngine: startBrowserEngine, dataDirs: [DATA_DIR] });
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 and puts a per-run secret in the page URL', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{20,}$`));
  });

  it('serves the UI with a strict CSP, and nothing outside it', async () => {
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Convas</title>');
    expect((await fetch(`http://127.0.0.1:${server.port}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/`, { method: 'POST' })).status).toBe(405);
  });

  it('tells its own page the --data-dir folders, and no one without the secret', async () => {
    const base = `http://127.0.0.1:${server.port}/data-dirs`;
    const answer = await fetch(`${base}?token=${server.token}`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ dirs: [DATA_DIR] });
    expect((await fetch(`${base}?token=wrong`)).status).toBe(403);
    expect((await fetch(base)).status).toBe(403);
  });

  it('refuses the engine socket to another origin, a missing or a wrong secret', async () => {
    const own = `http://127.0.0.1:${server.port}`;
    expect(await connect('http://evil.example', server.token)).toEqual({ status: 403 });
    expect(await connect(undefined, server.token)).toEqual({ status: 403 });
    expect(await connect(own, 'wrong')).toEqual({ status: 403 });
    expect(await connect(own, '')).toEqual({ status: 403 });
  });

  it('bridges its own page to a real engine: hello is answered with ready, bad commands with an error', async () => {
    const result = await connect(`http://127.0.0.1:${server.port}`, server.token);
    if (!('socket' in result)) throw new Error(`refused: ${result.status}`);
    const socket = result.socket;
    const events: EngineEvent[] = [];
    const received = (n: number) => vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(n), { timeout: 30_000 });
    socket.on('message', (data) => events.push(engineEventSchema.parse(decodeFrame(new Uint8Array(data as Buffer)))));
    socket.send(encodeFrame({ type: 'hello' }));
    await received(1);
    expect(events[0]).toMatchObject({ type: 'ready', backend: 'wasm' });
    socket.send(encodeFrame({ type: 'train', runId: 'x' }));
    await received(2);
    expect(events[1]).toMatchObject({ type: 'error', code: 'bad-message' });
    socket.close();
  });
});
