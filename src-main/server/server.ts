import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { engineError } from '../../src-shared/engine/errors';
import { encodeFrame } from '../../src-shared/engine/wire';
import { readStatic } from './static-files';
import { bridge, type EngineConnection } from './bridge';
import { EngineSlots, MAX_ENGINES, type SlotRefusal } from './engine-slots';
import { isLoopbackHost, loopbackOrigins } from './host-check';
import { MAX_MESSAGE_BYTES } from './limits';

export type { EngineConnection } from './bridge';

export interface ServerOptions {
  readonly rendererDir: string;
  readonly port?: number;
  /** When `port` is taken, listen on any free port instead of failing. */
  readonly portFallback?: boolean;
  /** Starts one engine per page connection. */
  readonly startEngine: () => EngineConnection;
  /** How many engines may run at once (default MAX_ENGINES). */
  readonly maxEngines?: number;
  /** The folders named on `--data-dir`, offered to the page (GET /data-dirs with the secret) to train on. */
  readonly dataDirs?: readonly string[];
}

/** Where the page asks for the `--data-dir` folders it may choose among. */
export const DATA_DIRS_PATH = '/data-dirs';

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

/** Only pages served by this server may open the engine socket: checks Host, Origin and the secret. */
export function isAllowedUpgrade(req: IncomingMessage, port: number, token: string): boolean {
  if (!isLoopbackHost(req.headers, port)) return false;
  const origin = req.headers.origin;
  if (!origin || !loopbackOrigins(port).includes(origin)) return false;
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  return url.pathname === '/engine' && sameToken(url.searchParams.get('token'), token);
}

/** ws closes a socket by itself for an oversized message (1009) or bad UTF-8 (1007) without a reason; this one says why. */
class ExplainedWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    const why =
      data ??
      (code === 1009
        ? `message too large (limit ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB)`
        : code === 1007
          ? 'text message is not valid UTF-8'
          : undefined);
    super.close(code, why);
  }
}

/** Close codes of a refused engine socket: 1013 "try again later" when the server is full, 1008 when the page already has one. */
export const REFUSAL_CLOSE_CODES: Readonly<Record<SlotRefusal, number>> = { busy: 1013, 'page-connected': 1008 };

/** Why a page's older socket is closed when the page connects again (an engine restart). */
export const REPLACED_REASON = 'replaced by a newer connection from this page';

/** The page id a socket names (`&page=…`, from the page's engine link); none means a page of its own. */
function pageId(req: IncomingMessage, port: number): string | undefined {
  const page = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).searchParams.get('page');
  return page && /^[\w-]{1,64}$/.test(page) ? page : undefined;
}

/** Tells a socket it gets no engine (an error event the page words, then a close with code and reason), and closes it. */
function refuse(ws: WebSocket, why: SlotRefusal, max: number, cause?: unknown): void {
  ws.on('error', () => undefined);
  const reason =
    why === 'busy'
      ? `Convas runs at most ${max} engines at once: close another Convas tab, then restart the engine`
      : 'this page already has an engine connection';
  const detail = cause === undefined ? reason : `${reason} (${cause instanceof Error ? cause.message : String(cause)})`;
  try {
    ws.send(
      encodeFrame(
        engineError('engine-crashed', { code: 'engine-unreachable', values: {} }, `Cannot reach the training engine: ${reason}`, {
          detail,
        }),
      ),
    );
  } catch {
    // Closing below says it too.
  }
  ws.close(REFUSAL_CLOSE_CODES[why], reason);
}

/** Serves the built UI on 127.0.0.1 only and bridges a WebSocket at /engine to the engine. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const server: Server = createServer(async (req, res) => {
    // A page reached under another name (DNS rebinding: evil.example resolving to 127.0.0.1) gets nothing.
    if (!isLoopbackHost(req.headers, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const asked = new URL(req.url ?? '/', 'http://x');
    // Folder paths are the user's, so only a page holding this run's secret may read them.
    if (asked.pathname === DATA_DIRS_PATH) {
      if (!sameToken(asked.searchParams.get('token'), token)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('forbidden');
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ dirs: options.dataDirs ?? [] }));
      return;
    }
    const file = await readStatic(options.rendererDir, asked.pathname);
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
  const slots = new EngineSlots(options.maxEngines ?? MAX_ENGINES);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, WebSocket: ExplainedWebSocket });
  // A connection that breaks (reset, malformed HTTP) ends itself, never the server.
  server.on('connection', (socket) => socket.on('error', () => socket.destroy()));
  server.on('clientError', (_e, socket) => socket.destroy());
  server.on('upgrade', (req, socket: Duplex, head) => {
    socket.on('error', () => socket.destroy());
    if (!isAllowedUpgrade(req, port, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // The page's older socket, if any, is closed: the newest connection of a page is the one it uses.
      const slot = slots.take(pageId(req, port), () => ws.close(REFUSAL_CLOSE_CODES['page-connected'], REPLACED_REASON));
      if (typeof slot === 'string') {
        refuse(ws, slot, slots.max);
        return;
      }
      let engine: EngineConnection;
      try {
        engine = options.startEngine();
      } catch (e) {
        slot.release();
        refuse(ws, 'busy', slots.max, e);
        return;
      }
      bridge(ws, engine, { closed: slot.leavePage, ended: slot.release });
    });
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
