// What `npm start` builds before it starts: the renderer (vite) and the desktop bundles
// (esbuild), each only when its sources changed since its last build here — a fingerprint of
// the source folders against a stamp in dist/.stamps. Never type-checks: that is `npm run
// build`'s and `npm test`'s job, and it took most of a minute on a 2-core machine.
// Run: npx tsx scripts/build-fresh.ts [--force]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildElectron } from './build-electron';
import { readStamp, sourceFingerprint, writeStamp } from './build-stamp.mjs';
import { ELECTRON_BUNDLES } from '../src-main/electron/paths';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** npm rewrites node_modules/.package-lock.json on every install: a changed dependency rebuilds. */
const DEPENDENCIES = ['package-lock.json', 'node_modules/.package-lock.json'];

export interface BuildTarget {
  readonly name: string;
  /** Files and folders (relative to the project) the output is made from. */
  readonly inputs: readonly string[];
  /** Files (relative to the project) a finished build leaves. */
  readonly outputs: readonly string[];
  readonly build: () => Promise<void>;
}

export const TARGETS: readonly BuildTarget[] = [
  {
    name: 'the UI',
    inputs: [
      'src-renderer',
      'src-shared',
      'assets/templates',
      'vite.config.ts',
      'tsconfig.base.json',
      'tsconfig.renderer.json',
      ...DEPENDENCIES,
    ],
    outputs: ['dist/renderer/index.html'],
    build: async () => {
      const { build } = await import('vite');
      await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src-renderer'), logLevel: 'warn' });
    },
  },
  {
    name: 'the desktop bundles',
    inputs: ['src-main', 'src-shared', 'scripts/build-electron.ts', ...DEPENDENCIES],
    outputs: Object.values(ELECTRON_BUNDLES).map((f) => `dist/electron/${f}`),
    build: async () => {
      await buildElectron();
    },
  },
];

/** Where the fingerprint of a target's last build is kept. */
export function stampFile(root: string, target: BuildTarget): string {
  return join(root, 'dist', '.stamps', `${target.name.replace(/\W+/g, '-')}.json`);
}

/** True when `target`'s outputs exist and were built from its sources as they are now. */
export function isFresh(root: string, target: BuildTarget, fingerprint = sourceFingerprint(root, target.inputs)): boolean {
  return readStamp(stampFile(root, target)) === fingerprint && target.outputs.every((o) => existsSync(join(root, o)));
}

/** Why a target that is not fresh needs building, for the line `npm start` prints. */
function whyStale(root: string, target: BuildTarget, fingerprint: string): string {
  const stamp = readStamp(stampFile(root, target));
  if (stamp === undefined) return 'not built here yet';
  if (stamp !== fingerprint) return 'its sources changed since the last build';
  return 'its output is missing';
}

/** Builds each stale target (every target with `force`), stamping it; returns the names of those built. */
export async function buildStale(
  options: { root?: string; targets?: readonly BuildTarget[]; force?: boolean; log?: (line: string) => void } = {},
): Promise<string[]> {
  const root = options.root ?? ROOT;
  const log = options.log ?? ((line) => console.log(line));
  const built: string[] = [];
  for (const target of options.targets ?? TARGETS) {
    // Taken before building, so an edit made during the build is not stamped as built.
    const fingerprint = sourceFingerprint(root, target.inputs);
    if (!options.force && isFresh(root, target, fingerprint)) continue;
    const start = performance.now();
    log(`Building ${target.name} (${options.force ? 'asked for' : whyStale(root, target, fingerprint)})…`);
    await target.build();
    writeStamp(stampFile(root, target), fingerprint);
    log(`Built ${target.name} in ${((performance.now() - start) / 1000).toFixed(1)} s.`);
    built.push(target.name);
  }
  return built;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
  buildStale({ force: values.force }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
