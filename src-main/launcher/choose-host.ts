/**
 * How `npm start` decides between the desktop window and browser mode, as pure functions:
 * where the Electron binary is (without ever triggering its download), whether it can run here,
 * and what to tell the user when it cannot.
 */
import { join } from 'node:path';

/** Electron 42 and later download their binary on first run with `npx install-electron`, which needs this Node. */
export const INSTALL_ELECTRON_MIN_NODE = '22.12.0';

export type ElectronLocation =
  | { readonly found: true; readonly path: string }
  | { readonly found: false; readonly why: 'no-package' | 'no-binary'; readonly expected?: string };

export interface LocateInputs {
  /** node_modules/electron, or undefined when the package is not installed. */
  readonly packageDir: string | undefined;
  readonly exists: (path: string) => boolean;
  readonly readText: (path: string) => string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Where the electron package's binary is, by the same rule as its index.js (path.txt names the
 * executable inside dist/, ELECTRON_OVERRIDE_DIST_PATH replaces dist/) but without its fallback
 * of downloading the binary when it is missing — requiring the package would do that.
 */
export function locateElectron(inputs: LocateInputs): ElectronLocation {
  if (!inputs.packageDir || !inputs.exists(join(inputs.packageDir, 'package.json'))) return { found: false, why: 'no-package' };
  const executable = inputs.readText(join(inputs.packageDir, 'path.txt'))?.trim();
  const override = inputs.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const path = join(override, executable || 'electron');
    return inputs.exists(path) ? { found: true, path } : { found: false, why: 'no-binary', expected: path };
  }
  if (!executable) return { found: false, why: 'no-binary' };
  const path = join(inputs.packageDir, 'dist', executable);
  return inputs.exists(path) ? { found: true, path } : { found: false, why: 'no-binary', expected: path };
}

/** True when `version` ("20.20.2" or "v22.12.0") is at least `min`. */
export function versionAtLeast(version: string, min: string): boolean {
  const parse = (v: string) =>
    v
      .replace(/^v/, '')
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const a = parse(version);
  const b = parse(min);
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

export type HostChoice =
  | { readonly host: 'electron'; readonly electronPath: string }
  | {
      readonly host: 'browser';
      /** The user asked for browser mode: nothing went wrong with the desktop window. */
      readonly requested?: true;
      /** Why the desktop window is not used, as a sentence. */
      readonly reason: string;
      /** What the user can do to get the desktop window, if anything. */
      readonly hint?: string;
    };

export interface ChooseHostInputs {
  readonly electron: ElectronLocation;
  /** The Electron main bundle (dist/electron/main.cjs) and whether it exists. */
  readonly mainBundle: string;
  readonly mainBundleExists: boolean;
  readonly nodeVersion: string;
  readonly platform: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `npm start -- --browser`. */
  readonly browserRequested?: boolean;
}

/** A Linux or BSD desktop needs an X11 or Wayland display; macOS and Windows always have one. */
function hasDisplay(platform: string, env: Readonly<Record<string, string | undefined>>): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

function installHint(nodeVersion: string): string {
  if (versionAtLeast(nodeVersion, INSTALL_ELECTRON_MIN_NODE)) {
    return 'Run `npx install-electron` (it downloads the binary, so it needs network access), then `npm start` again.';
  }
  return (
    `Electron downloads its binary on first run with \`npx install-electron\`, which needs Node.js ${INSTALL_ELECTRON_MIN_NODE} or later ` +
    `(this is Node.js ${nodeVersion.replace(/^v/, '')}) and network access. Install Node.js 22.12+, run \`npx install-electron\`, then \`npm start\` again.`
  );
}

export function chooseHost(inputs: ChooseHostInputs): HostChoice {
  const env = inputs.env;
  if (inputs.browserRequested || env['CONVAS_BROWSER'] === '1')
    return { host: 'browser', requested: true, reason: 'browser mode was requested' };
  if (!inputs.electron.found) {
    if (inputs.electron.why === 'no-package') {
      return { host: 'browser', reason: 'the electron package is not installed', hint: 'Run `npm ci` to install it.' };
    }
    return {
      host: 'browser',
      reason: `the Electron binary is not downloaded${inputs.electron.expected ? ` (${inputs.electron.expected} is missing)` : ''}`,
      hint: installHint(inputs.nodeVersion),
    };
  }
  if (!inputs.mainBundleExists) {
    return {
      host: 'browser',
      reason: `the desktop bundle ${inputs.mainBundle} is missing`,
      hint: 'Run `npm run build:electron` (npm start does it first).',
    };
  }
  if (!hasDisplay(inputs.platform, env)) {
    return {
      host: 'browser',
      reason: 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
      hint: 'Start Convas from a desktop session to get its window.',
    };
  }
  return { host: 'electron', electronPath: inputs.electron.path };
}

/**
 * Why Electron exited before its window opened, from its exit and the end of what it printed.
 * Returns the reason and a hint, like chooseHost's browser choice.
 */
export function explainEarlyExit(exit: { readonly code: number | null; readonly signal: string | null; readonly stderr: string }): {
  reason: string;
  hint?: string;
} {
  const err = exit.stderr;
  const lib = /error while loading shared libraries: ([^:\s]+)/.exec(err)?.[1];
  if (lib) {
    return {
      reason: `Electron could not load the system library ${lib}`,
      hint: "Install Chromium's runtime libraries (on Debian or Ubuntu: `sudo apt-get install libgtk-3-0 libnss3 libgbm1 libasound2`).",
    };
  }
  if (/Running as root without --no-sandbox is not supported/i.test(err)) {
    return { reason: 'Electron does not run as root with its sandbox on', hint: 'Run `npm start` as a normal user.' };
  }
  if (/SUID sandbox helper binary/i.test(err)) {
    return {
      reason: "Chromium's sandbox helper is not set up",
      hint: 'Make node_modules/electron/dist/chrome-sandbox owned by root with mode 4755, or enable unprivileged user namespaces.',
    };
  }
  if (/Missing X server or \$DISPLAY|cannot open display|Failed to connect to Wayland display/i.test(err)) {
    return { reason: 'Electron could not connect to a graphical display', hint: 'Start Convas from a desktop session to get its window.' };
  }
  const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
  const last = err
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-2)
    .join(' ');
  return { reason: `Electron stopped (${how}) before its window opened${last ? `: ${last}` : ''}` };
}

/** Why `npm start` serves browser mode: asked for, or the desktop window cannot open (and what to do). */
export type BrowserModeWhy = { readonly requested?: true | undefined; readonly reason: string; readonly hint?: string | undefined };

/** What `npm start` prints when it serves browser mode. */
export function fallbackMessage(why: BrowserModeWhy, url: string): string {
  return [
    ...(why.requested
      ? ['Convas is running in browser mode — open this URL in a browser:']
      : [
          `Convas cannot open its desktop window: ${why.reason}.`,
          ...(why.hint ? [why.hint] : []),
          '',
          'Convas is running in browser mode instead — open this URL in a browser:',
        ]),
    '',
    `  ${url}`,
    '',
    'Only this URL (with its secret) can drive the engine. Press Ctrl+C to stop.',
  ].join('\n');
}

/** What `npm start` prints when browser mode cannot start because the UI was never built. */
export function notBuiltMessage(why: BrowserModeWhy, rendererDir: string): string {
  return [
    ...(why.requested ? [] : [`Convas cannot open its desktop window: ${why.reason}.`]),
    `Browser mode needs the built UI, and ${rendererDir} is missing — run \`npm run build\` first.`,
  ].join('\n');
}
