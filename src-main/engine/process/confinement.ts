import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Where an engine driven by an untrusted page may write. The page (browser tab or Electron
 * renderer) talks to the engine directly, so the engine itself enforces this rather than trusting
 * the page's commands.
 */
export interface Confinement {
  /** Export folders must lie inside this one. */
  readonly exportRoot: string;
}

const EXPORT_ROOT = 'CONVAS_EXPORT_ROOT';

/** The environment that starts a confined engine process. */
export function confinedEnv(exportRoot: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, [EXPORT_ROOT]: resolve(exportRoot) };
}

/** The confinement this engine process was started with, if any. */
export function confinementFromEnv(env: NodeJS.ProcessEnv = process.env): Confinement | undefined {
  const root = env[EXPORT_ROOT];
  return root ? { exportRoot: resolve(root) } : undefined;
}

/** True when `dir` is `root` or inside it. */
export function isInside(root: string, dir: string): boolean {
  const rel = relative(resolve(root), resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
