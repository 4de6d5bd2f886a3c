import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/server';
import { CliError, usage } from '../errors';
import type { CliIo } from '../io';
import { serveUntilInterrupted } from '../../server/until-interrupted';
import { DEFAULT_PORT, startBrowserEngine } from '../../server/browser-engine';
import { checkDataDirs } from '../../server/data-dirs';

/** The folder of the package.json nearest above `from`: the project, whether this runs from src-main or a bundle in dist/cli. */
export function projectRoot(from: string): string {
  let dir = dirname(fileURLToPath(from));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** `serve [--port P] [--data-dir DIR]…`: browser mode — the built UI on 127.0.0.1 with the engine behind a WebSocket. */
export async function serveCommand(argv: string[], io: CliIo): Promise<void> {
  const { out } = io;
  // Where `npm run build` puts the renderer.
  const RENDERER_DIR = join(projectRoot(import.meta.url), 'dist', 'renderer');
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string', multiple: true } },
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usage(`--port must be a whole number from 0 to 65535 (got '${values.port}')`);
  // The page may read datasets only from these folders (and the built-in locations).
  const dataDirs = checkDataDirs(values['data-dir'] ?? []);
  if ('notAFolder' in dataDirs) throw usage(`--data-dir ${dataDirs.notAFolder} is not a folder`);
  if (!existsSync(`${RENDERER_DIR}/index.html`))
    throw new CliError(`The UI is not built (${RENDERER_DIR} is missing) — run \`npm run build\` first`);
  let server;
  try {
    server = await startServer({
      rendererDir: RENDERER_DIR,
      port,
      portFallback: port === DEFAULT_PORT,
      startEngine: () => startBrowserEngine(dataDirs.dirs),
      dataDirs: dataDirs.dirs,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'EADDRINUSE' ? `Port ${port} is already in use — pick another with --port` : `Cannot start the server: ${String(e)}`,
    );
  }
  out(`Convas is running in browser mode at ${server.url}`);
  out('Only this URL (with its secret) can drive the engine. Press Ctrl+C to stop.');
  await serveUntilInterrupted(() => server.close());
}
