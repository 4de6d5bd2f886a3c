// Bundles the desktop app's Node side with esbuild into dist/electron:
//   main.cjs    the Electron main process (CommonJS; `electron` external)
//   preload.cjs the window's preload (CommonJS, browser platform: a sandboxed preload may only
//               require('electron'), so any other import fails this build)
//   engine.mjs  the training engine run by utilityProcess (ES module; TensorFlow.js packages
//               external, since tfjs-node is native and tfjs-backend-wasm loads its .wasm files
//               from beside its own code; sharp external, since it loads libvips's native binary)
//   train-worker.js  the engine's data-parallel training worker (worker_threads; same options)
// Run: npx tsx scripts/build-electron.ts [--out DIR] [--minify]
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { ELECTRON_BUNDLES } from '../src-main/electron/paths';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_OUT_DIR = join(ROOT, 'dist', 'electron');

/** Electron 45's Node is 22 or later and its Chromium far newer than 120: safe lower bounds. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome120';

export interface ElectronBuildOptions {
  readonly outDir?: string;
  readonly minify?: boolean;
}

export interface ElectronBuildResult {
  readonly outDir: string;
  readonly files: { readonly main: string; readonly preload: string; readonly engine: string; readonly worker: string };
  /** The metafiles, for checks of what went into each bundle. */
  readonly metafiles: { readonly main: Metafile; readonly preload: Metafile; readonly engine: Metafile; readonly worker: Metafile };
}

function bundles(outDir: string, minify: boolean): Record<'main' | 'preload' | 'engine' | 'worker', BuildOptions> {
  const common: BuildOptions = {
    bundle: true,
    minify,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    absWorkingDir: ROOT,
  };
  const engine: BuildOptions = {
    ...common,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    external: ['@tensorflow/*', 'sharp'],
    // A CommonJS dependency bundled into an ES module may still call require(); give it one.
    banner: {
      js: "import { createRequire as __convasCreateRequire } from 'node:module'; const require = __convasCreateRequire(import.meta.url);",
    },
  };
  return {
    main: {
      ...common,
      entryPoints: [join(ROOT, 'src-main/electron/main.ts')],
      outfile: join(outDir, ELECTRON_BUNDLES.main),
      platform: 'node',
      format: 'cjs',
      target: NODE_TARGET,
      external: ['electron'],
    },
    preload: {
      ...common,
      entryPoints: [join(ROOT, 'src-main/electron/preload.ts')],
      outfile: join(outDir, ELECTRON_BUNDLES.preload),
      platform: 'browser',
      format: 'cjs',
      target: CHROME_TARGET,
      external: ['electron'],
    },
    engine: { ...engine, entryPoints: [join(ROOT, 'src-main/engine/process/entry.ts')], outfile: join(outDir, ELECTRON_BUNDLES.engine) },
    worker: { ...engine, entryPoints: [join(ROOT, 'src-main/engine/parallel/worker.ts')], outfile: join(outDir, ELECTRON_BUNDLES.worker) },
  };
}

export async function buildElectron(options: ElectronBuildOptions = {}): Promise<ElectronBuildResult> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const config = bundles(outDir, options.minify ?? false);
  const [main, preload, engine, worker] = await Promise.all([
    build(config.main),
    build(config.preload),
    build(config.engine),
    build(config.worker),
  ]);
  return {
    outDir,
    files: {
      main: join(outDir, ELECTRON_BUNDLES.main),
      preload: join(outDir, ELECTRON_BUNDLES.preload),
      engine: join(outDir, ELECTRON_BUNDLES.engine),
      worker: join(outDir, ELECTRON_BUNDLES.worker),
    },
    metafiles: { main: main.metafile!, preload: preload.metafile!, engine: engine.metafile!, worker: worker.metafile! },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, minify: { type: 'boolean', default: false } } });
  buildElectron({ ...(values.out ? { outDir: values.out } : {}), minify: values.minify }).then(
    (r) => console.log(`Built ${Object.values(r.files).join(', ')}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
