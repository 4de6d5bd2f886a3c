// `npm start` run for real: on this machine Electron's binary is missing, so it must fall back to
// browser mode, say why and print a working URL. A stand-in Electron (ELECTRON_OVERRIDE_DIST_PATH)
// checks the other paths: one that dies at once, and one that opens its window.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron, DEFAULT_OUT_DIR, ROOT } from '../../../scripts/build-electron';
import { WINDOW_READY_SIGNAL } from '../../../src-shared/electron/channels';
import { ELECTRON_BUNDLES } from '../../../src-main/electron/paths';

const START = join(ROOT, 'src-main', 'launcher', 'start.ts');
const UI_BUILT = existsSync(join(ROOT, 'dist', 'renderer', 'index.html'));
const URL_LINE = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m;

interface Run {
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exit: Promise<number | null>;
  stop(): void;
}
const runs: Run[] = [];

function start(args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', START, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const run: Run = {
    output: () => out,
    exit,
    stop: () => void child.kill('SIGTERM'),
    waitFor: (pattern, timeoutMs = 60_000) => {
      const match = () => {
        const m = out.match(pattern);
        if (!m) throw new Error(`no ${pattern} in:\n${out}`);
        return m;
      };
      // Polls the output; a launcher that has exited prints nothing more, so that fails at once.
      const polled = vi.waitFor(match, { timeout: timeoutMs, interval: 50 });
      const exited = exit.then(match);
      // The race reports the first outcome; the other one must not surface as an unhandled rejection.
      for (const p of [polled, exited]) p.catch(() => {});
      return Promise.race([polled, exited]);
    },
  };
  runs.push(run);
  return run;
}

afterEach(async () => {
  for (const r of runs.splice(0)) {
    r.stop();
    await r.exit;
  }
});

/** An environment without a display or an Electron override, plus `extra`. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e = { ...process.env, ...extra };
  for (const k of ['DISPLAY', 'WAYLAND_DISPLAY', 'ELECTRON_OVERRIDE_DIST_PATH', 'CONVAS_BROWSER']) if (!(k in extra)) delete e[k];
  return e;
}

/** A stand-in for the Electron binary: a shell script. */
async function fakeElectron(script: string): Promise<{ dir: string; cleanUp(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'convas-fake-electron-'));
  await writeFile(join(dir, 'electron'), `#!/bin/sh\n${script}\n`);
  await chmod(join(dir, 'electron'), 0o755);
  return { dir, cleanUp: () => rm(dir, { recursive: true, force: true }) };
}

describe.skipIf(!UI_BUILT || process.platform === 'win32')('npm start', () => {
  beforeAll(async () => {
    // The launcher checks that the desktop bundle exists before it tries Electron.
    if (!existsSync(join(DEFAULT_OUT_DIR, ELECTRON_BUNDLES.main))) await buildElectron();
  }, 60_000);

  it('falls back to browser mode where the Electron binary is missing, says why, and serves the UI', async () => {
    const run = start(['--port', '0'], env({ ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'no-electron-here') }));
    const [, url] = await run.waitFor(URL_LINE);
    const text = run.output();
    expect(text).toContain('Convas cannot open its desktop window: the Electron binary is not downloaded');
    expect(text).toMatch(/npx install-electron/);
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    run.stop();
    expect(await run.exit).toBe(0);
  }, 90_000);

  it('falls back when Electron dies before its window opens, with the reason', async () => {
    const fake = await fakeElectron(
      'echo "$0: error while loading shared libraries: libnss3.so: cannot open shared object file" >&2\nexit 127',
    );
    try {
      const run = start([], env({ ELECTRON_OVERRIDE_DIST_PATH: fake.dir, DISPLAY: ':99' }));
      await run.waitFor(URL_LINE);
      expect(run.output()).toContain('Convas cannot open its desktop window: Electron could not load the system library libnss3.so.');
    } finally {
      await fake.cleanUp();
    }
  }, 90_000);

  it('stays with the desktop window once it has opened, passing on the main bundle and arguments', async () => {
    const fake = await fakeElectron(`echo "args: $*"\necho ${WINDOW_READY_SIGNAL}\nsleep 0.3\nexit 3`);
    try {
      const run = start(['my.convas.json'], env({ ELECTRON_OVERRIDE_DIST_PATH: fake.dir, DISPLAY: ':99' }));
      expect(await run.exit).toBe(3);
      expect(run.output()).toContain(`args: ${join(DEFAULT_OUT_DIR, ELECTRON_BUNDLES.main)} my.convas.json`);
      expect(run.output()).not.toContain('browser mode');
    } finally {
      await fake.cleanUp();
    }
  }, 90_000);

  it('serves browser mode when asked to, without saying the desktop window cannot open', async () => {
    const run = start(['--browser', '--port', '0'], env());
    const [, url] = await run.waitFor(URL_LINE);
    expect(run.output()).toContain('Convas is running in browser mode — open this URL in a browser:');
    expect(run.output()).not.toMatch(/cannot open|instead/);
    expect((await fetch(url!)).status).toBe(200);
  }, 90_000);

  it('refuses a bad port', async () => {
    const run = start(['--port', 'eighty'], env());
    expect(await run.exit).toBe(2);
    expect(run.output()).toContain("--port must be a whole number from 0 to 65535 (got 'eighty')");
  }, 60_000);
});
