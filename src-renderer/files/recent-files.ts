import type { RecentFile, RecentStore } from './file-host';

export type { RecentFile, RecentStore };

const KEY = 'convas.recent';
const MAX = 8;
/** Larger files are not remembered, to keep localStorage small. */
const MAX_TEXT = 256 * 1024;

function readLocal(): RecentFile[] {
  try {
    const raw = localStorage.getItem(KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    return list.filter(
      (r): r is RecentFile =>
        typeof r === 'object' && r !== null && typeof r.name === 'string' && typeof r.at === 'number' && typeof r.text === 'string',
    );
  } catch {
    return [];
  }
}

/** Recently opened or saved files in a browser, kept in localStorage with their text (there is no path to reopen). */
export const localRecentStore: RecentStore = {
  list: readLocal,
  remember(name, text) {
    if (text.length > MAX_TEXT) return;
    const list = [{ name, at: Date.now(), text }, ...readLocal().filter((r) => r.name !== name)].slice(0, MAX);
    try {
      localStorage.setItem(KEY, JSON.stringify(list));
    } catch {
      // Storage full or unavailable: recent files are a convenience, not data.
    }
  },
};

let store: RecentStore = localRecentStore;

/** Uses another recent-files list (the desktop app's, kept by the main process). */
export function setRecentStore(next: RecentStore): void {
  store = next;
}

export function recentFiles(): readonly RecentFile[] {
  return store.list();
}

export function rememberFile(name: string, text: string): void {
  store.remember(name, text);
}

/** Reloads the list when it lives elsewhere (after a recent file could not be opened). */
export async function refreshRecentFiles(): Promise<void> {
  await store.refresh?.();
}
