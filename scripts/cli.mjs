// `npm run -s cli -- …`: runs the command line from an esbuild bundle of its sources, built into
// dist/cli/<fingerprint of the sources>/ the first time those sources are run. Plain Node starts
// in a fraction of the time Node with a TypeScript loader (tsx) takes, and commands that do
// arithmetic should not wait for a compiler. The engine entry is bundled beside the CLI because
// the engine client forks `entry.js` from its own folder, and the training worker beside both
// because the engine starts `train-worker.js` from its own folder.
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { sourceFingerprint } from './build-stamp.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_ROOT = join(ROOT, 'dist', 'cli');
/** Everything the bundle is made from: the sources and this launcher (its build options). */
const INPUTS = ['src-main', 'src-shared', 'scripts/cli.mjs', 'scripts/build-stamp.mjs'];

/**
 * Bundles the CLI into `dir`. It builds into a folder of its own and renames it into place, so
 * two invocations that find the bundle missing at the same time never read a half-written one.
 * @param {string} dir
 */
async function buildInto(dir) {
  const { build } = await import('esbuild');
  const tmp = `${dir}.tmp-${process.pid}`;
  await build({
    absWorkingDir: ROOT,
    entryPoints: {
      bin: 'src-main/cli/bin.ts',
      entry: 'src-main/engine/process/entry.ts',
      'train-worker': 'src-main/engine/parallel/worker.ts',
    },
    outdir: tmp,
    bundle: true,
    // One chunk per command, loaded when it runs: the point of the CLI's dynamic imports.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies load from node_modules as they do under tsx (tfjs finds its .wasm files there).
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'error',
  });
  try {
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(dir, 'bin.js'))) throw e;
  }
  // Bundles of older sources are of no further use.
  for (const name of readdirSync(OUT_ROOT)) {
    if (join(OUT_ROOT, name) !== dir && !name.includes('.tmp-')) rmSync(join(OUT_ROOT, name), { recursive: true, force: true });
  }
}

const dir = join(OUT_ROOT, sourceFingerprint(ROOT, INPUTS));
if (!existsSync(join(dir, 'bin.js'))) {
  try {
    await buildInto(dir);
  } catch (e) {
    // esbuild has already printed the compile errors; say which step failed.
    process.stderr.write(`convas: the command line could not be built: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
// Stack traces of unexpected errors then point at the TypeScript sources.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(dir, 'bin.js')).href);
