/**
 * The small interface under the engine link: one live connection to one engine, carrying commands
 * out and raw messages in. It knows nothing of validation, queueing or restarts (the link owns
 * those); two implementations: a MessagePort (Electron) and a WebSocket (browser mode).
 */
import type { EngineCommand } from '../../src-shared/engine/protocol';

/** One message as it arrived: still to be validated, or a frame that could not even be read. */
export type Incoming = { readonly message: unknown } | { readonly unreadable: string };

export interface EngineTransport {
  /** Sends one (already validated) command. */
  send(command: EngineCommand): void;
  /** Subscribes to incoming messages; set once by the link. */
  onMessage(listener: (incoming: Incoming) => void): void;
  /** Subscribes to the transport's death (connection lost, engine gone), with an English reason. */
  onClose(listener: (why: string) => void): void;
  /** Closes the connection without reporting it through onClose. */
  close(): void;
}

/** How a link gets a transport, again after every loss: one per host (Electron, browser mode). */
export interface TransportOpener {
  readonly kind: 'electron' | 'websocket';
  /** Opens a connection to a running engine; rejects with the reason it cannot. */
  open(): Promise<EngineTransport>;
  /** Ends the current engine so the next open() reaches a fresh one (where the host keeps one engine alive). */
  reset?(): Promise<void>;
  /** Subscribes to crash reports that come from outside the transport (Electron main sees the process die). */
  onCrash?(listener: (message: string) => void): () => void;
  /** Stops listening to the host. */
  dispose?(): void;
}
