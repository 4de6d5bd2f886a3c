import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawData, WebSocket } from 'ws';
import { engineCommandSchema, type EngineCommand, type EngineEvent } from '../../src-shared/engine/protocol';
import { engineError, commandContext } from '../../src-shared/engine/errors';
import { decodeFrame, encodeFrame } from '../../src-shared/engine/wire';
import { zodIssues } from '../../src-shared/project/io';
import { MAX_MESSAGE_DEPTH, nestsDeeperThan } from './limits';

/** The engine side of one page connection: the real EngineClient satisfies it. */
export interface EngineConnection {
  on(listener: (event: EngineEvent) => void): () => void;
  send(command: EngineCommand): void;
  close(): Promise<void>;
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Sends an event if the socket is still open; a socket that fails mid-send is already closing. */
function sendEvent(ws: WebSocket, event: EngineEvent): void {
  if (ws.readyState !== ws.OPEN) return;
  try {
    ws.send(encodeFrame(event));
  } catch {
    // The socket's own error handler closes it.
  }
}

function badMessage(why: string, context: { runId?: string; requestId?: string } = {}): EngineEvent {
  return engineError('bad-message', { code: 'bad-command', values: {} }, why, { ...context, detail: why });
}

/** Reads one message from the page into a validated command, or the error event that answers it. */
function readCommand(data: RawData, isBinary: boolean): { command: EngineCommand } | { answer: EngineEvent } {
  let message: unknown;
  try {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    message = isBinary ? decodeFrame(new Uint8Array(bytes)) : JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    return { answer: badMessage(`unreadable message: ${text(e)}`) };
  }
  // Before anything walks it recursively (validation, the engine's IPC serializer).
  if (nestsDeeperThan(message, MAX_MESSAGE_DEPTH))
    return { answer: badMessage(`invalid command: nested deeper than ${MAX_MESSAGE_DEPTH} levels`, commandContext(message)) };
  const parsed = engineCommandSchema.safeParse(message);
  if (!parsed.success) return { answer: badMessage(`invalid command: ${zodIssues(parsed.error)}`, commandContext(message)) };
  return { command: parsed.data };
}

/** What the server learns of a bridge's end: the socket closed, then its engine exited. */
export interface BridgeEnd {
  readonly closed: () => void;
  readonly ended: () => void;
}

/** Bridges one WebSocket to one engine; exports go to a temp dir and come back as bytes for download. Nothing a page sends can throw out of it. */
export function bridge(ws: WebSocket, engine: EngineConnection, end: BridgeEnd): void {
  const exportDirs: string[] = [];
  // One export at a time, its folder removed once its bytes went back: a page looping over export
  // must not fill the disk with copies of a model.
  let exporting: { readonly runId: string; readonly dir: string } | undefined;
  const off = engine.on((event) => {
    sendEvent(ws, event);
    if (exporting && (event.type === 'exported' || event.type === 'error') && event.runId === exporting.runId) {
      const { dir } = exporting;
      exporting = undefined;
      exportDirs.splice(exportDirs.indexOf(dir), 1);
      void rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  });
  const handle = async (data: RawData, isBinary: boolean) => {
    const read = readCommand(data, isBinary);
    if ('answer' in read) {
      sendEvent(ws, read.answer);
      return;
    }
    let { command } = read;
    // The page never chooses where files are written on this machine.
    if (command.type === 'export') {
      if (exporting) {
        sendEvent(ws, badMessage('an export is already in progress: wait for it to finish', { runId: command.runId }));
        return;
      }
      const dir = await mkdtemp(join(tmpdir(), 'convas-export-'));
      exportDirs.push(dir);
      exporting = { runId: command.runId, dir };
      command = { ...command, dir, returnContents: true };
    }
    engine.send(command);
  };
  ws.on('message', (data, isBinary) => {
    handle(data, isBinary).catch((e: unknown) => {
      // Defence in depth: whatever slipped past validation is answered, never thrown out of the server.
      sendEvent(ws, engineError('internal', { code: 'internal', values: {} }, `The server could not pass the command on: ${text(e)}`));
    });
  });
  // ws closes the socket itself (1009 too large, 1007 bad UTF-8, 1002 protocol error); without a listener the error would kill the server.
  ws.on('error', () => undefined);
  ws.on('close', () => {
    off();
    end.closed();
    void engine
      .close()
      .catch(() => undefined)
      .finally(() => {
        end.ended();
        return Promise.all(exportDirs.map((d) => rm(d, { recursive: true, force: true })));
      });
  });
}
