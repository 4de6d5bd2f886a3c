/**
 * The desktop app's preload bridge, `window.convas`, when the page runs inside Electron.
 * Written without DOM names (globalThis is `window` in the page), so Node tests can use it.
 */
import { BRIDGE_KEY, type ConvasBridge, type DocumentState } from '../../src-shared/electron/bridge-api';

/** The bridge, or undefined in a browser tab. `scope` defaults to the page's window. */
export function desktopBridge(scope: object = globalThis): ConvasBridge | undefined {
  const value = (scope as Record<string, unknown>)[BRIDGE_KEY];
  if (typeof value !== 'object' || value === null) return undefined;
  const b = value as Partial<ConvasBridge>;
  return b.files && b.app && b.menu ? (value as ConvasBridge) : undefined;
}

/** The desktop window's title, "• Lecture CNN — Convas" (the same text main sets from the document state). */
export function windowTitle(state: DocumentState): string {
  const name = state.title.trim();
  return `${state.dirty ? '• ' : ''}${name ? `${name} — ` : ''}Convas`;
}
