/**
 * The custom scheme the desktop app is served from (convas://app/…) instead of file://: a
 * standard, secure origin of its own, with the built renderer as its only content and a strict
 * Content-Security-Policy on every response. Pure Node, no electron import: main.ts registers
 * these with `protocol.registerSchemesAsPrivileged` and `protocol.handle`, and the tests call
 * `appResponse` directly.
 */
import { readStatic } from '../server/static-files';
import { APP_HOST, APP_SCHEME } from '../../src-shared/electron/channels';

/**
 * The page's policy: its own scripts only (no inline script, no eval), inline style attributes
 * (React Flow and Recharts position elements with them), images from itself, data: and blob:
 * (canvas exports), no plugins, frames, forms, base changes or network access beyond itself.
 * The MessagePort to the engine needs no connect-src.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Privileges of the scheme: `standard` gives it a real origin (relative URLs, localStorage) and
 * `secure` makes it a secure context. Deliberately not `corsEnabled` (other origins cannot read
 * it) nor `bypassCSP`.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** Headers of every answer of the scheme. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** True when `url` is a page or file of the app itself (convas://app/…). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    // Node's URL gives custom schemes an opaque origin ('null'), so compare scheme and host, not origin.
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.port === '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * Answers one request of the scheme from `rendererDir`: only GET/HEAD of convas://app/<file>,
 * resolved with the same traversal-safe rule as the browser-mode server.
 */
export async function appResponse(rendererDir: string, request: { readonly url: string; readonly method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
  if (!isAppUrl(request.url)) return refusal(404, 'not found');
  const file = await readStatic(rendererDir, new URL(request.url).pathname);
  if (!file) return refusal(404, 'not found');
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers: securityHeaders(file.type) });
}
