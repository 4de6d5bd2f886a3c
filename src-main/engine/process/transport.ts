/**
 * How the engine process exchanges messages with its host: Node's fork IPC (CLI, browser-mode
 * server) or Electron's utilityProcess parentPort, plus MessagePorts the host hands over so a
 * renderer can talk to the engine directly.
 */

/** A message channel endpoint as the engine sees it. */
export interface EngineTransport {
  onMessage(listener: (message: unknown) => void): void;
  send(message: unknown): void;
  /** True for Electron main's own link (utilityProcess parentPort), which no page can write to; pages get ports of their own. */
  readonly fromMain?: boolean;
}

/** The part of Electron's MessagePortMain the engine uses (kept structural: the engine never imports electron). */
export interface PortLike {
  on(event: 'message', listener: (e: { data: unknown; ports?: readonly PortLike[] }) => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

/** Electron's utilityProcess exposes `process.parentPort`; Node's fork does not. */
function parentPort(): PortLike | undefined {
  return (process as unknown as { parentPort?: PortLike }).parentPort;
}

/** The transports available in this process: the parent link, and every port the parent transfers later. */
export function connectTransports(onTransport: (t: EngineTransport) => void): void {
  const parent = parentPort();
  if (parent) {
    const listeners: ((m: unknown) => void)[] = [];
    parent.on('message', (e) => {
      // A transferred port is a new renderer connection; anything else is a command from main.
      if (e.ports && e.ports.length > 0) {
        for (const port of e.ports) {
          const portListeners: ((m: unknown) => void)[] = [];
          port.on('message', (pe) => portListeners.forEach((l) => l(pe.data)));
          port.start();
          onTransport({ onMessage: (l) => portListeners.push(l), send: (m) => port.postMessage(m) });
        }
        return;
      }
      listeners.forEach((l) => l(e.data));
    });
    onTransport({ onMessage: (l) => listeners.push(l), send: (m) => parent.postMessage(m), fromMain: true });
    return;
  }
  onTransport({
    onMessage: (l) => process.on('message', l),
    send: (m) => process.send?.(m),
  });
  process.on('disconnect', () => process.exit(0));
}
