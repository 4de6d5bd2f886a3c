/** Recently opened or saved files, kept in localStorage (in a browser the text itself, as there is no path to reopen). */
export interface RecentFile {
  readonly name: string;
  readonly at: number;
  readonly text: string;
}

const KEY = 'convas.recent';
const MAX = 8;
/** Larger files are not remembered, to keep localStorage small. */
const MAX_TEXT = 256 * 1024;

export function recentFiles(): RecentFile[] {
  try {
    const raw = localStorage.getItem(KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    return list.filter(
      (r): r is RecentFile => typeof r === 'object' && r !== null && typeof r.name === 'string' && typeof r.at === 'number' && typeof r.text === 'string',
    );
  } catch {
    return [];
  }
}

export function rememberFile(name: string, text: string): void {
  if (text.length > MAX_TEXT) return;
  const list = [{ name, at: Date.now(), text }, ...recentFiles().filter((r) => r.name !== name)].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or unavailable: recent files are a convenience, not data.
  }
}
