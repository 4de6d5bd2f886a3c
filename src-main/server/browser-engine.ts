import { tmpdir } from 'node:os';
import { EngineClient } from '../engine/process/client';
import { confinedEnv } from '../engine/process/confinement';

/** The port browser mode prefers, so the page keeps its address (and its autosave) across restarts. */
export const DEFAULT_PORT = 4873;

/**
 * An engine for a browser page: it writes exports only under the system temp folder (the server's
 * own) and reads datasets only from the catalogue locations and the `dataDirs` named on the command line.
 */
export function startBrowserEngine(dataDirs: readonly string[] = []): EngineClient {
  return new EngineClient({ env: confinedEnv(tmpdir(), process.env, dataDirs) });
}
