import type { IncomingHttpHeaders } from 'node:http';

/** The loopback names a page of this server can be reached by; anything else is DNS rebinding or a misdirected request. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** True when the Host header names a loopback host with this server's port (the only addresses it serves). */
export function isLoopbackHost(headers: IncomingHttpHeaders, port: number): boolean {
  const host = headers.host?.trim().toLowerCase();
  if (!host) return false;
  return LOOPBACK_NAMES.some((name) => host === `${name}:${port}`);
}

/** The origins a page of this server has: the loopback names with its port. */
export function loopbackOrigins(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `http://${name}:${port}`);
}
