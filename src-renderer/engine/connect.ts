import type { EngineApi } from '../../src-shared/engine/engine-api';
import { createElectronEngine } from './electron-engine';
import type { RestartableEngine } from './engine-link';
import { createWebSocketEngine, engineSocketUrl } from './websocket-engine';

export type { EngineLinkState, RestartableEngine } from './engine-link';

/** An engine link that can be started again from the UI (every link of connectEngine can). */
export type CanRestart = EngineApi & { restart(): void | Promise<void> };

/** An engine link that reports whether it is connected (every link of connectEngine does). */
export type HasLinkState = EngineApi & Pick<RestartableEngine, 'state' | 'onState'>;

/** True when the engine link can be restarted from the UI (after a crash or a lost connection). */
export function isRestartable(engine: EngineApi | undefined): engine is CanRestart {
  return !!engine && typeof (engine as Partial<CanRestart>).restart === 'function';
}

/** True when the link reports its connection state. */
export function hasLinkState(engine: EngineApi | undefined): engine is HasLinkState {
  return !!engine && typeof (engine as Partial<HasLinkState>).onState === 'function';
}

let shared: RestartableEngine | undefined;
let resolved = false;

/**
 * The page's one engine link, over the transport of its host: a MessagePort inside the desktop
 * app, else the browser-mode WebSocket when the page was opened with its `?token=` secret, else
 * undefined (no engine: the designer works, training is unavailable). The same object is returned
 * on every call, because browser mode starts one engine per connection and every part of the UI
 * must share it.
 */
export function connectEngine(): RestartableEngine | undefined {
  if (resolved) return shared;
  resolved = true;
  shared = createElectronEngine();
  if (!shared && typeof window !== 'undefined') {
    const url = engineSocketUrl(window.location);
    // The page's own id: the server runs one engine per page (and a few in all), so a second socket of this page is refused.
    const page = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    if (url) shared = createWebSocketEngine(`${url}&page=${page}`);
  }
  return shared;
}
