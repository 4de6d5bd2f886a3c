/**
 * The engine process: reads protocol commands from its host (forked Node IPC, or Electron's
 * utilityProcess with MessagePorts), validates them, and sends back protocol events.
 */
import { engineCommandSchema, engineEventSchema, type EngineEvent } from '../../../src-shared/engine/protocol';
import { commandContext, engineError } from '../../../src-shared/engine/errors';
import { zodIssues } from '../../../src-shared/project/io';
import { EngineHost } from '../host';
import { createEngineDeps } from '../deps';
import { connectTransports, type EngineTransport } from './transport';
import { confinementFromEnv, grantedDir } from './confinement';

const transports: EngineTransport[] = [];

/** Events go to every connected host endpoint (main and the renderer's port in Electron). */
function broadcast(event: EngineEvent): void {
  // Validate what leaves too: a malformed event is a bug here, better caught at the source.
  const checked = engineEventSchema.safeParse(event);
  const out: EngineEvent = checked.success
    ? checked.data
    : engineError(
        'internal',
        { code: 'internal', values: {} },
        `engine produced an invalid ${event.type} event: ${zodIssues(checked.error)}`,
        {
          detail: zodIssues(checked.error),
        },
      );
  for (const t of transports) t.send(out);
}

const host = new EngineHost(createEngineDeps(), broadcast, confinementFromEnv());
let queue = Promise.resolve();

function receive(message: unknown): void {
  const parsed = engineCommandSchema.safeParse(message);
  if (!parsed.success) {
    broadcast(
      engineError(
        'bad-message',
        { code: 'bad-command', values: {} },
        `The engine ignored a malformed command: ${zodIssues(parsed.error)}`,
        {
          ...commandContext(message),
          detail: zodIssues(parsed.error),
        },
      ),
    );
    return;
  }
  const command = parsed.data;
  // Stop must overtake queued commands; everything else runs in order.
  if (command.type === 'stop') {
    void host.handle(command);
    return;
  }
  queue = queue
    .then(() => host.handle(command))
    .then(() => {
      if (command.type === 'shutdown') process.exit(0);
    })
    .catch((e: unknown) => {
      const text = e instanceof Error ? e.message : String(e);
      const { runId, requestId } = commandContext(command);
      broadcast(engineError('internal', { code: 'internal', values: {} }, text, { runId, requestId, detail: text }));
    });
}

connectTransports((t) => {
  transports.push(t);
  // Only Electron main may grant a dataset folder (in browser mode the parent link carries the page's commands, so it is not `fromMain`).
  t.onMessage((m) => {
    const dir = t.fromMain ? grantedDir(m) : undefined;
    if (dir !== undefined) host.grantDataDir(dir);
    else receive(m);
  });
});

process.on('uncaughtException', (e) => {
  broadcast(
    engineError('engine-crashed', { code: 'engine-stopped', values: {} }, `The engine crashed: ${e.message}`, { detail: e.message }),
  );
  process.exit(1);
});
