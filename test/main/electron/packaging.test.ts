// The desktop build: what goes into each esbuild bundle, and electron-builder's configuration
// checked against electron-builder's own schema (building installers needs the Electron binary,
// which cannot be downloaded here).
import { readFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../../electron.config';
import { ROOT } from '../../../scripts/build-electron';
import { appPaths, dataDirArguments, ELECTRON_BUNDLES, fileArgument } from '../../../src-main/electron/paths';
import { buildForTest } from './bundles';

let built: Awaited<ReturnType<typeof buildForTest>>;
beforeAll(async () => {
  built = await buildForTest('packaging');
}, 60_000);
afterAll(() => built?.cleanUp());

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const requires = (code: string) => [...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
const imports = (code: string) => [...code.matchAll(/^\s*import\s[^'"]*["']([^"']+)["']/gm)].map((m) => m[1]!);
const inputs = (meta: { inputs: Record<string, unknown> }) => Object.keys(meta.inputs).map((p) => relative(ROOT, join(ROOT, p)));

describe('the desktop bundles', () => {
  it('builds a sandbox-safe preload: CommonJS requiring only electron, with none of zod or Node', async () => {
    const code = await readFile(built.files.preload, 'utf8');
    expect(new Set(requires(code))).toEqual(new Set(['electron']));
    expect(imports(code)).toEqual([]);
    expect(inputs(built.metafiles.preload).sort()).toEqual(['src-main/electron/preload.ts', 'src-shared/electron/channels.ts']);
    expect(code).toContain('exposeInMainWorld');
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
  });

  it('builds the main process as CommonJS needing only electron and Node built-ins', async () => {
    const code = await readFile(built.files.main, 'utf8');
    expect(requires(code).filter((m) => m !== 'electron' && !builtins.has(m))).toEqual([]);
    expect(inputs(built.metafiles.main).some((p) => p.startsWith('src-renderer/') || p.includes('@tensorflow'))).toBe(false);
  });

  it('builds the engine as an ES module with TensorFlow.js and sharp left to node_modules (native and .wasm files)', async () => {
    const code = await readFile(built.files.engine, 'utf8');
    const external = imports(code).filter((m) => !builtins.has(m));
    expect(external.length).toBeGreaterThan(0);
    expect(external.every((m) => m.startsWith('@tensorflow/') || m === 'sharp')).toBe(true);
    expect(external).toContain('sharp');
    expect(inputs(built.metafiles.engine).some((p) => p.startsWith('node_modules/sharp/'))).toBe(false);
    expect(code).toContain("import('@tensorflow/tfjs-backend-wasm')".replace(/'/g, '"'));
    expect(inputs(built.metafiles.engine).some((p) => p.startsWith('node_modules/@tensorflow/'))).toBe(false);
  });

  it('builds the training worker beside the engine, which starts it from its own folder, with TensorFlow.js left to node_modules', async () => {
    expect(dirname(built.files.worker)).toBe(dirname(built.files.engine));
    const code = await readFile(built.files.worker, 'utf8');
    expect(
      imports(code)
        .filter((m) => !builtins.has(m))
        .every((m) => m.startsWith('@tensorflow/')),
    ).toBe(true);
    expect(inputs(built.metafiles.worker)).toContain('src-main/engine/parallel/worker.ts');
    expect(await readFile(built.files.engine, 'utf8')).toContain(ELECTRON_BUNDLES.worker);
  });

  it('finds its pieces relative to the main bundle', () => {
    expect(appPaths('/opt/Convas/resources/app.asar/dist/electron')).toEqual({
      rendererDir: join('/opt/Convas/resources/app.asar/dist', 'renderer'),
      preload: join('/opt/Convas/resources/app.asar/dist/electron', 'preload.cjs'),
      engine: join('/opt/Convas/resources/app.asar/dist/electron', 'engine.mjs'),
    });
  });

  it('opens a project named on the command line', () => {
    expect(fileArgument(['/opt/Convas/convas', '--no-sandbox', 'net.convas.json'], true, '/home/me')).toBe('/home/me/net.convas.json');
    expect(fileArgument(['electron', 'dist/electron/main.cjs', '/tmp/a.json'], false, '/x')).toBe('/tmp/a.json');
    expect(fileArgument(['electron', 'dist/electron/main.cjs'], false, '/x')).toBeUndefined();
    expect(fileArgument(['/opt/Convas/convas', 'notes.txt'], true, '/x')).toBeUndefined();
  });

  it('reads the dataset folders the launcher names for the engine, and no project file from them', () => {
    const argv = ['electron', 'dist/electron/main.cjs', '--data-dir=/data/idx', '--data-dir=rel/imgs', '--data-dir=', 'net.convas.json'];
    expect(dataDirArguments(argv, '/home/me')).toEqual(['/data/idx', '/home/me/rel/imgs']);
    expect(fileArgument(['electron', 'main.cjs', '--data-dir=/data/set.json'], false, '/x')).toBeUndefined();
  });
});

describe('electron.config.ts', () => {
  it('is valid for electron-builder', async () => {
    const require = createRequire(join(ROOT, 'package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check is real: a misspelt option fails it.
    await expect(validateConfiguration({ ...config, asarUnpak: [] }, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('packages the bundles, the UI and the assets, starting at the main bundle', () => {
    expect(config.extraMetadata).toEqual({ main: `dist/electron/${ELECTRON_BUNDLES.main}` });
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'assets/**/*']));
  });

  it('builds AppImage and deb, NSIS, dmg, with native modules and .wasm files outside the asar', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        'node_modules/@tensorflow/tfjs-node/**/*',
        'node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm',
        'node_modules/sharp/**/*',
        'node_modules/@img/**/*',
      ]),
    );
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, enableNodeCliInspectArguments: false });
  });
});
