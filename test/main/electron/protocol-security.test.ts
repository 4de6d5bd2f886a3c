// The convas:// protocol handler and the session/window hardening, through the functions main.ts
// hands to Electron, with small fakes of the Electron objects they configure.
import { EventEmitter } from 'node:events';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { APP_SCHEME_PRIVILEGES, appResponse, CONTENT_SECURITY_POLICY, isAppUrl } from '../../../src-main/electron/app-protocol';
import { hardenSession, hardenWebContents, isNavigationAllowed, isPermissionAllowed } from '../../../src-main/electron/security';
import { APP_ENTRY_URL } from '../../../src-shared/electron/channels';

let base: string;
let renderer: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'convas-protocol-'));
  renderer = join(base, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Convas</title>');
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'TOP SECRET');
  await mkdir(join(base, 'renderer-evil'));
  await writeFile(join(base, 'renderer-evil', 'x.js'), 'TOP SECRET');
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => appResponse(renderer, { url, method });

describe('the convas://app protocol', () => {
  it('serves the built renderer with a strict CSP and nosniff', async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Convas</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await get('convas://app/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('convas://app/')).status).toBe(200);
  });

  it('has a CSP without inline or eval scripts, plugins, frames or remote hosts', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it.each([
    'convas://app/../secret.txt',
    'convas://app/%2e%2e/secret.txt',
    'convas://app/..%2fsecret.txt',
    'convas://app/..%2Fsecret.txt',
    'convas://app/%2e%2e%2fsecret.txt',
    'convas://app/..%5csecret.txt',
    'convas://app/assets/..%2f..%2fsecret.txt',
    'convas://app/%2e%2e%2frenderer-evil/x.js',
    'convas://app/..%2frenderer-evil%2fx.js',
    'convas://app/%00index.html',
    'convas://app/%E0%A4%A',
  ])('refuses the traversal %s', async (url) => {
    const res = await get(url);
    const body = await res.text();
    expect(body).not.toContain('TOP SECRET');
    expect([200, 404]).toContain(res.status);
    if (res.status === 200) expect(body).toContain('<title>Convas</title>');
  });

  it('answers only GET and HEAD of convas://app', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('convas://other/index.html')).status).toBe(404);
    expect((await get('convas://app/missing.js')).status).toBe(404);
    expect((await get('convas://app/assets')).status).toBe(404);
    // Refusals carry the CSP too.
    expect((await get('convas://app/missing.js')).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is a standard, secure scheme that other origins cannot read', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(isAppUrl('convas://app/index.html')).toBe(true);
    expect(isAppUrl('convas://APP/index.html')).toBe(false);
  });
});

describe('session hardening', () => {
  type Handler = (...args: never[]) => unknown;
  function fakeSession() {
    const handlers: Record<string, Handler> = {};
    const ses = {
      setPermissionRequestHandler: (h: Handler) => (handlers['request'] = h),
      setPermissionCheckHandler: (h: Handler) => (handlers['check'] = h),
      setDevicePermissionHandler: (h: Handler) => (handlers['device'] = h),
      webRequest: { onHeadersReceived: (h: Handler) => (handlers['headers'] = h) },
    };
    hardenSession(ses as unknown as Session);
    return handlers as Record<string, (...args: unknown[]) => unknown>;
  }

  it('denies every permission except clipboard writes from our own page', () => {
    const h = fakeSession();
    const asked = (permission: string, url: string) => {
      let granted: boolean | undefined;
      h['request']!({}, permission, (g: boolean) => (granted = g), { requestingUrl: url, isMainFrame: true });
      return granted;
    };
    expect(asked('clipboard-sanitized-write', 'convas://app/index.html')).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'usb', 'serial']) {
      expect(asked(p, 'convas://app/index.html')).toBe(false);
    }
    expect(asked('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(
      h['check']!(null, 'clipboard-sanitized-write', 'convas://app', { isMainFrame: true, requestingUrl: 'convas://app/index.html' }),
    ).toBe(true);
    expect(h['check']!(null, 'media', 'convas://app', { isMainFrame: true })).toBe(false);
    expect(h['device']!({ deviceType: 'usb' })).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });

  it('puts the same CSP on any other response (the literal in security.ts equals CONTENT_SECURITY_POLICY)', () => {
    const h = fakeSession();
    let result: { responseHeaders?: Record<string, string[]> } = {};
    h['headers']!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r: typeof result) => (result = r));
    expect(result.responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('window hardening', () => {
  function fakeContents() {
    const contents = new EventEmitter() as EventEmitter & {
      windowOpenHandler?: () => unknown;
      setWindowOpenHandler(h: () => unknown): void;
    };
    contents.setWindowOpenHandler = (h) => (contents.windowOpenHandler = h);
    hardenWebContents(contents as unknown as WebContents);
    return contents;
  }
  const prevented = (emit: (event: { preventDefault(): void; url?: string }) => void, url?: string) => {
    let was = false;
    emit({ preventDefault: () => (was = true), ...(url ? { url } : {}) });
    return was;
  };

  it('blocks navigation and redirects away from convas://app', () => {
    const c = fakeContents();
    expect(prevented((e) => c.emit('will-navigate', e, 'https://evil.example/'))).toBe(true);
    expect(prevented((e) => c.emit('will-navigate', e, 'file:///etc/passwd'))).toBe(true);
    expect(prevented((e) => c.emit('will-navigate', e, 'convas://app/index.html?template=lenet-5'))).toBe(false);
    expect(prevented((e) => c.emit('will-frame-navigate', e), 'https://evil.example/')).toBe(true);
    expect(prevented((e) => c.emit('will-redirect', e, 'https://evil.example/'))).toBe(true);
    expect(isNavigationAllowed('javascript:alert(1)')).toBe(false);
  });

  it('opens no windows and attaches no webviews', () => {
    const c = fakeContents();
    expect(c.windowOpenHandler?.()).toEqual({ action: 'deny' });
    expect(prevented((e) => c.emit('will-attach-webview', e))).toBe(true);
  });
});
