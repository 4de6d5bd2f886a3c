/**
 * Session- and window-wide hardening from Electron's security checklist: permission requests
 * denied (except writing to the clipboard from our own page), no device access, navigation
 * limited to our own origin, no new windows, no <webview>, a CSP on every response.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/** The only permission the page may have: writing text to the clipboard ("Copy summary"), and only from convas://app. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** True when a page may navigate to `url`: only within the app itself (a reload with a query, say). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  // The protocol handler (app-protocol.ts) already sends CONTENT_SECURITY_POLICY with every page
  // of convas://app. This adds the same policy to any other response the session might ever
  // receive (there should be none: navigation is limited and the CSP allows no remote loads).
  // The literal is repeated here on purpose, so a scanner reading this file sees the policy;
  // a test checks that it equals CONTENT_SECURITY_POLICY.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; manifest-src 'self'; object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

/** Applied to every webContents as it is created (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  // No page of ours opens windows; links with target=_blank, window.open and middle clicks are refused.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
