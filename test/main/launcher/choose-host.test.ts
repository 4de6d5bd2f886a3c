// `npm start`'s decision between the desktop window and browser mode, as pure functions.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseHost,
  explainEarlyExit,
  fallbackMessage,
  notBuiltMessage,
  locateElectron,
  versionAtLeast,
  type ChooseHostInputs,
  type ElectronLocation,
} from '../../../src-main/launcher/choose-host';

const PKG = '/app/node_modules/electron';

function fs(files: Record<string, string>) {
  return { exists: (p: string) => p in files, readText: (p: string) => files[p] };
}

describe('locateElectron', () => {
  it('finds the binary path.txt names inside dist/', () => {
    const f = fs({ [join(PKG, 'package.json')]: '{}', [join(PKG, 'path.txt')]: 'electron', [join(PKG, 'dist', 'electron')]: '' });
    expect(locateElectron({ packageDir: PKG, env: {}, ...f })).toEqual({ found: true, path: join(PKG, 'dist', 'electron') });
  });

  it('reports a package without its downloaded binary (never downloading it)', () => {
    expect(locateElectron({ packageDir: PKG, env: {}, ...fs({ [join(PKG, 'package.json')]: '{}' }) })).toEqual({
      found: false,
      why: 'no-binary',
    });
    const stale = fs({ [join(PKG, 'package.json')]: '{}', [join(PKG, 'path.txt')]: 'Electron.app/Contents/MacOS/Electron' });
    expect(locateElectron({ packageDir: PKG, env: {}, ...stale })).toEqual({
      found: false,
      why: 'no-binary',
      expected: join(PKG, 'dist', 'Electron.app/Contents/MacOS/Electron'),
    });
  });

  it('reports a missing package', () => {
    expect(locateElectron({ packageDir: undefined, env: {}, ...fs({}) })).toEqual({ found: false, why: 'no-package' });
    expect(locateElectron({ packageDir: PKG, env: {}, ...fs({}) })).toEqual({ found: false, why: 'no-package' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the package does', () => {
    const f = fs({ [join(PKG, 'package.json')]: '{}', '/opt/electron/electron': '' });
    expect(locateElectron({ packageDir: PKG, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, ...f })).toEqual({
      found: true,
      path: '/opt/electron/electron',
    });
    expect(locateElectron({ packageDir: PKG, env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, ...f })).toMatchObject({
      found: false,
      why: 'no-binary',
    });
  });
});

describe('chooseHost', () => {
  const found: ElectronLocation = { found: true, path: '/e/electron' };
  const base: ChooseHostInputs = {
    electron: found,
    mainBundle: '/app/dist/electron/main.cjs',
    mainBundleExists: true,
    nodeVersion: '22.12.0',
    platform: 'linux',
    env: { DISPLAY: ':0' },
  };

  it('opens the desktop window when everything is there', () => {
    expect(chooseHost(base)).toEqual({ host: 'electron', electronPath: '/e/electron' });
    expect(chooseHost({ ...base, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toMatchObject({ host: 'electron' });
    expect(chooseHost({ ...base, platform: 'win32', env: {} })).toMatchObject({ host: 'electron' });
    expect(chooseHost({ ...base, platform: 'darwin', env: {} })).toMatchObject({ host: 'electron' });
  });

  it('explains a missing binary on Node 20: install-electron needs Node 22.12+', () => {
    const choice = chooseHost({ ...base, electron: { found: false, why: 'no-binary' }, nodeVersion: '20.20.2' });
    expect(choice).toEqual({
      host: 'browser',
      reason: 'the Electron binary is not downloaded',
      hint: expect.stringContaining('which needs Node.js 22.12.0 or later (this is Node.js 20.20.2) and network access'),
    });
  });

  it('explains a missing binary on a Node that can download it', () => {
    const choice = chooseHost({
      ...base,
      electron: { found: false, why: 'no-binary', expected: '/e/dist/electron' },
      nodeVersion: 'v24.1.0',
    });
    expect(choice).toMatchObject({
      host: 'browser',
      reason: 'the Electron binary is not downloaded (/e/dist/electron is missing)',
      hint: expect.stringMatching(/^Run `npx install-electron`/),
    });
  });

  it('falls back without a package, a bundle or a display, or when asked to', () => {
    expect(chooseHost({ ...base, electron: { found: false, why: 'no-package' } })).toMatchObject({
      host: 'browser',
      reason: 'the electron package is not installed',
    });
    expect(chooseHost({ ...base, mainBundleExists: false })).toMatchObject({
      host: 'browser',
      reason: 'the desktop bundle /app/dist/electron/main.cjs is missing',
    });
    expect(chooseHost({ ...base, env: {} })).toMatchObject({ host: 'browser', reason: expect.stringMatching(/no graphical display/) });
    expect(chooseHost({ ...base, browserRequested: true })).toEqual({
      host: 'browser',
      requested: true,
      reason: 'browser mode was requested',
    });
    expect(chooseHost({ ...base, env: { DISPLAY: ':0', CONVAS_BROWSER: '1' } })).toMatchObject({ host: 'browser' });
  });

  it('compares versions numerically', () => {
    expect(versionAtLeast('22.12.0', '22.12.0')).toBe(true);
    expect(versionAtLeast('22.9.0', '22.12.0')).toBe(false);
    expect(versionAtLeast('v23.0.0', '22.12.0')).toBe(true);
    expect(versionAtLeast('20.20.2', '22.12.0')).toBe(false);
  });
});

describe('explainEarlyExit', () => {
  it.each([
    ['./electron: error while loading shared libraries: libnss3.so: cannot open shared object file', /system library libnss3\.so/],
    ['[123:FATAL:electron_main_delegate.cc] Running as root without --no-sandbox is not supported.', /as root/],
    ['The SUID sandbox helper binary was found, but is not configured correctly.', /sandbox helper/],
    ['Missing X server or $DISPLAY', /graphical display/],
  ])('names the cause of %j', (stderr, reason) => {
    expect(explainEarlyExit({ code: 1, signal: null, stderr }).reason).toMatch(reason);
  });

  it('falls back to the exit and the last lines', () => {
    expect(explainEarlyExit({ code: null, signal: 'SIGSEGV', stderr: 'a\n\nsomething broke\n' })).toEqual({
      reason: 'Electron stopped (signal SIGSEGV) before its window opened: a something broke',
    });
    expect(explainEarlyExit({ code: 3, signal: null, stderr: '' })).toEqual({
      reason: 'Electron stopped (exit code 3) before its window opened',
    });
  });
});

describe('fallbackMessage', () => {
  it('says why, what to do, and the URL', () => {
    const text = fallbackMessage(
      { reason: 'the Electron binary is not downloaded', hint: 'Run `npx install-electron`.' },
      'http://127.0.0.1:5173/?token=abc',
    );
    expect(text.split('\n')).toEqual([
      'Convas cannot open its desktop window: the Electron binary is not downloaded.',
      'Run `npx install-electron`.',
      '',
      'Convas is running in browser mode instead — open this URL in a browser:',
      '',
      '  http://127.0.0.1:5173/?token=abc',
      '',
      'Only this URL (with its secret) can drive the engine. Press Ctrl+C to stop.',
    ]);
  });

  it('does not say the desktop window cannot open when browser mode was asked for', () => {
    for (const env of [{}, { CONVAS_BROWSER: '1' }]) {
      const choice = chooseHost({
        electron: { found: true, path: '/e/electron' },
        mainBundle: '/app/dist/electron/main.cjs',
        mainBundleExists: true,
        nodeVersion: '22.12.0',
        platform: 'linux',
        env: { DISPLAY: ':0', ...env },
        browserRequested: !('CONVAS_BROWSER' in env),
      });
      if (choice.host !== 'browser') throw new Error('expected browser mode');
      expect(fallbackMessage(choice, 'http://127.0.0.1:4873/?token=abc').split('\n')).toEqual([
        'Convas is running in browser mode — open this URL in a browser:',
        '',
        '  http://127.0.0.1:4873/?token=abc',
        '',
        'Only this URL (with its secret) can drive the engine. Press Ctrl+C to stop.',
      ]);
      expect(notBuiltMessage(choice, '/app/dist/renderer')).toBe(
        'Browser mode needs the built UI, and /app/dist/renderer is missing — run `npm run build` first.',
      );
    }
  });
});

describe('notBuiltMessage', () => {
  it('says why the desktop window cannot open before saying the UI is missing', () => {
    expect(notBuiltMessage({ reason: 'the Electron binary is not downloaded' }, '/app/dist/renderer').split('\n')).toEqual([
      'Convas cannot open its desktop window: the Electron binary is not downloaded.',
      'Browser mode needs the built UI, and /app/dist/renderer is missing — run `npm run build` first.',
    ]);
  });
});
