// `npm start`: builds what changed since the last start (see build-fresh.ts), then runs the
// launcher, which opens the desktop window or falls back to browser mode.
import { buildStale } from './build-fresh';

let built = false;
try {
  await buildStale();
  built = true;
} catch (e) {
  // vite and esbuild have printed the compile errors themselves.
  console.error(`Convas could not be built: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
// The launcher runs on import, with this process's arguments.
if (built) await import('../src-main/launcher/start');
