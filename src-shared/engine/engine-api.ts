import type { EngineCommand, EngineEvent } from './protocol';

/**
 * How the renderer reaches the engine. Two implementations: the Electron bridge (a MessagePort
 * straight to the engine's utilityProcess) and the WebSocket of browser mode.
 */
export interface EngineApi {
  readonly kind: 'electron' | 'websocket';
  /** Sends a command; problems come back as 'error' events, never as exceptions. */
  send(command: EngineCommand): void;
  /** Subscribes to validated events; returns the unsubscribe function. */
  on(listener: (event: EngineEvent) => void): () => void;
}
