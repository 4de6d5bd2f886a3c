import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { engineCommandSchema, type EngineCommand, type EngineEvent } from '../../src-shared/engine/protocol';
import { decodeFrame, encodeFrame } from '../../src-shared/engine/wire';
import { zodIssues } from '../../src-shared/project/io';
import { readStatic } from './static-files';

/** The engine side of one page connection: the real EngineClient satisfies it. */
export interface EngineConnection {
  on(listener: (event: EngineEvent) => void): () => void;
  send(command: EngineCommand): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  readonly rendererDir: string;
  readonly port?: number;
  /** When `port` is taken, listen on any free port instead of failing. */
  readonly portFallback?: boolean;
  /** Starts one engine per page connection. */
  readonly startEngine: () => EngineConnection;
}

export interface RunningServer {
  /** The page's URL, with the per-run secret that lets it drive the engine. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only pages served by this server may open the engine socket: checks Origin and the secret. */
export function isAllowedUpgrade(req: IncomingMessage, port: number, token: string): boolean {
  const origin = req.headers.origin;
  const allowed = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  if (!origin || !allowed.includes(origin)) return false;
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  return url.pathname === '/engine' && sameToken(url.searchParams.get('token'), token);
}

/** Bridges one WebSocket to one engine; exports go to a temp dir and come back as bytes for download. */
function bridge(ws: WebSocket, engine: EngineConnection): void {
  const exportDirs: string[] = [];
  const off = engine.on((event) => {
    if (ws.readyState === ws.OPEN) ws.send(encodeFrame(event));
  });
  ws.on('message', async (data, isBinary) => {
    let message: unknown;
    try {
      message = isBinary ? decodeFrame(new Uint8Array(data as Buffer)) : JSON.parse(String(data));
    } catch (e) {
      ws.send(
        encodeFrame({
          type: 'error',
          code: 'bad-message',
          message: `unreadable message: ${e instanceof Error ? e.message : String(e)}`,
        } satisfies EngineEvent),
      );
      return;
    }
    const parsed = engineCommandSchema.safeParse(message);
    if (!parsed.success) {
      ws.send(
        encodeFrame({ type: 'error', code: 'bad-message', message: `invalid command: ${zodIssues(parsed.error)}` } satisfies EngineEvent),
      );
      return;
    }
    let command = parsed.data;
    // The page never chooses where files are written on this machine.
    if (command.type === 'export') {
      const dir = await mkdtemp(join(tmpdir(), 'convas-export-'));
      exportDirs.push(dir);
      command = { ...command, dir, returnContents: true };
    }
    engine.send(command);
  });
  ws.on('close', () => {
    off();
    void engine.close().finally(() => Promise.all(exportDirs.map((d) => rm(d, { recursive: true, force: true }))));
  });
}

/** Serves the built UI on 127.0.0.1 only and bridges a WebSocket at /engine to the engine. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStatic(options.rendererDir, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    if (!isAllowedUpgrade(req, port, token)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => bridge(ws, options.startEngine()));
  });
  const listen = (p: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(port);
  } catch (e) {
    if (!options.portFallback || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    await listen(0);
  }
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
