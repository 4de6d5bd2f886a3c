/**
 * `npm start`: opens the desktop window, or, where Electron cannot start (its binary is not
 * downloaded, there is no display, it exits at once), serves browser mode instead, says why,
 * and prints the URL. `npm start` runs it through scripts/start.ts, which first builds what changed.
 *
 *   npm start [-- [--browser] [--port P] [--data-dir DIR]… [project.convas.json]]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WINDOW_READY_SIGNAL } from '../../src-shared/electron/channels';
import { startServer } from '../server/server';
import { DATA_DIR_SWITCH, ELECTRON_BUNDLES } from '../electron/paths';
import { chooseHost, explainEarlyExit, fallbackMessage, locateElectron, notBuiltMessage, type BrowserModeWhy } from './choose-host';
import { serveUntilInterrupted } from '../server/until-interrupted';
import { DEFAULT_PORT, startBrowserEngine } from '../server/browser-engine';
import { checkDataDirs } from '../server/data-dirs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN_BUNDLE = join(ROOT, 'dist', 'electron', ELECTRON_BUNDLES.main);
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');
/** How long Electron may take to open its window before we stop watching for an early failure. */
const READY_TIMEOUT_MS = 60_000;

function electronPackageDir(): string | undefined {
  try {
    // Resolving package.json never runs the package's index.js (which would try to download the binary).
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

type Launch = { readonly ready: true; readonly exit: Promise<number> } | { readonly ready: false; readonly why: BrowserModeWhy };

/** Starts Electron and resolves once its window has loaded, or with the reason it could not. */
function launchElectron(electronPath: string, args: readonly string[]): Promise<Launch> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env['ELECTRON_RUN_AS_NODE'];
    const child = spawn(electronPath, [MAIN_BUNDLE, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let settled = false;
    let stderr = '';
    let stdoutLine = '';
    const exit = new Promise<number>((r) => child.once('exit', (code, signal) => r(code ?? (signal ? 1 : 0))));
    const ready = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
      resolve({ ready: true, exit });
    };
    const timer = setTimeout(ready, READY_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = (stdoutLine + chunk.toString('utf8')).split('\n');
      stdoutLine = lines.pop() ?? '';
      if (lines.some((l) => l.trim() === WINDOW_READY_SIGNAL)) ready();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.once('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ready: false, why: { reason: `Electron could not be started (${e.message})` } });
    });
    child.once('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ready: false, why: explainEarlyExit({ code, signal, stderr }) });
    });
  });
}

async function browserMode(why: BrowserModeWhy, port: number, dataDirs: readonly string[]): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.error(notBuiltMessage(why, RENDERER_DIR));
    process.exitCode = 1;
    return;
  }
  let server;
  try {
    server = await startServer({
      rendererDir: RENDERER_DIR,
      port,
      portFallback: port === DEFAULT_PORT,
      startEngine: () => startBrowserEngine(dataDirs),
      dataDirs,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use — pick another with \`npm start -- --port P\`.`
        : `Cannot start browser mode: ${String(e)}`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(fallbackMessage(why, server.url));
  await serveUntilInterrupted(() => server.close());
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { browser: { type: 'boolean' }, port: { type: 'string' }, 'data-dir': { type: 'string', multiple: true } },
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535 (got '${String(values.port)}')`);
    process.exitCode = 2;
    return;
  }
  const named = values['data-dir'];
  const dataDirs = checkDataDirs(Array.isArray(named) ? named.filter((d): d is string => typeof d === 'string') : []);
  if ('notAFolder' in dataDirs) {
    console.error(`--data-dir ${dataDirs.notAFolder} is not a folder`);
    process.exitCode = 2;
    return;
  }
  const choice = chooseHost({
    electron: locateElectron({ packageDir: electronPackageDir(), exists: existsSync, readText, env: process.env }),
    mainBundle: MAIN_BUNDLE,
    mainBundleExists: existsSync(MAIN_BUNDLE),
    nodeVersion: process.versions.node,
    platform: process.platform,
    env: process.env,
    browserRequested: values.browser === true,
  });
  if (choice.host === 'browser') return browserMode(choice, port, dataDirs.dirs);
  const launch = await launchElectron(choice.electronPath, [...positionals, ...dataDirs.dirs.map((d) => `${DATA_DIR_SWITCH}${d}`)]);
  if (!launch.ready) return browserMode(launch.why, port, dataDirs.dirs);
  process.exitCode = await launch.exit;
}

void main(process.argv.slice(2));
