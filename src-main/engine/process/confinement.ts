import { isAbsolute, relative, resolve, sep } from 'node:path';
import { engineError } from '../../../src-shared/engine/errors';
import type { EngineErrorEvent } from '../../../src-shared/engine/protocol';

/**
 * Where an engine driven by an untrusted page may write. The page (browser tab or Electron
 * renderer) talks to the engine directly, so the engine itself enforces this rather than trusting
 * the page's commands.
 */
export interface Confinement {
  /** Export folders must lie inside this one. */
  readonly exportRoot: string;
  /** Folders the user named for datasets (`serve --data-dir`); besides them only the catalogue locations are read. */
  readonly dataDirs?: readonly string[];
}

const EXPORT_ROOT = 'CONVAS_EXPORT_ROOT';
const DATA_DIRS = 'CONVAS_DATA_DIRS';

/** The environment that starts a confined engine process. */
export function confinedEnv(
  exportRoot: string,
  base: NodeJS.ProcessEnv = process.env,
  dataDirs: readonly string[] = [],
): NodeJS.ProcessEnv {
  // JSON, because a folder name may hold the path-list delimiter.
  return { ...base, [EXPORT_ROOT]: resolve(exportRoot), [DATA_DIRS]: JSON.stringify(dataDirs.map((d) => resolve(d))) };
}

function parseDirs(text: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string').map((d) => resolve(d)) : [];
  } catch {
    return [];
  }
}

/** The confinement this engine process was started with, if any. */
export function confinementFromEnv(env: NodeJS.ProcessEnv = process.env): Confinement | undefined {
  const root = env[EXPORT_ROOT];
  return root ? { exportRoot: resolve(root), dataDirs: parseDirs(env[DATA_DIRS]) } : undefined;
}

/** True when `dir` is `root` or inside it. */
export function isInside(root: string, dir: string): boolean {
  const rel = relative(resolve(root), resolve(dir));
  // "..hidden" is a folder inside; only ".." itself or "../…" leaves the root.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The key of main's message that grants the engine a dataset folder (sent only on Electron's parent link, never by a page). */
export const GRANT_DATA_DIR = 'grantDataDir';

/** Main's message granting `dir`. */
export function grantMessage(dir: string): { readonly [GRANT_DATA_DIR]: string } {
  return { [GRANT_DATA_DIR]: resolve(dir) };
}

/** The absolute folder a grant message names, or undefined for any other message. */
export function grantedDir(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const dir = (message as Record<string, unknown>)[GRANT_DATA_DIR];
  return typeof dir === 'string' && isAbsolute(dir) && dir.length <= 4096 ? resolve(dir) : undefined;
}

/** The error a confined engine answers an export into `dir` with when `dir` lies outside its export root; undefined when it may write there. */
export function exportRefusal(
  confinement: Confinement | undefined,
  dir: string,
  ids: { readonly runId?: string; readonly requestId?: string },
): EngineErrorEvent | undefined {
  if (!confinement || isInside(confinement.exportRoot, dir)) return undefined;
  return engineError(
    'bad-message',
    { code: 'export-outside-root', values: { dir } },
    `Export refused: ${dir} is outside the folder this engine may write to`,
    ids,
  );
}
