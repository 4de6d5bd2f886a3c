import type { FileHost } from './file-host';
import { browserFileHost } from './browser-file-host';

let current: FileHost = browserFileHost();

/** The file host in use: the browser one unless a desktop host was installed at start-up. */
export function fileHost(): FileHost {
  return current;
}

/** Installs another host (the Electron preload bridge does this before the app renders). */
export function setFileHost(host: FileHost): void {
  current = host;
}
