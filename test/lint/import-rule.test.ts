/**
 * The import rule of DESIGN.md is data in eslint.config.js; this shows, through ESLint's own Node
 * API, that it really fires where it must and stays quiet where imports are allowed. Each snippet
 * uses what it imports, so an error can only come from the import rule.
 */
import { ESLint, type Linter } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../', import.meta.url)) });

async function lint(code: string, filePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages ?? [];
}

/** A module that imports `names` from `from` and uses them. */
const importing = (names: string, from: string) =>
  `import ${names} from '${from}';\n\nexport const used = [${names
    .replace(/[{}*]|\bas\b/g, ' ')
    .trim()
    .split(/[\s,]+/)
    .pop()}];\n`;

const SHARED = /^src-shared is the pure domain/;
const MAIN =
  /^src-main never imports the renderer; only src-main\/engine imports TensorFlow\.js; only src-main\/electron imports electron\./;
const ENGINE = /^The engine imports neither the renderer nor electron/;
const ELECTRON = /^The Electron files never import the renderer or TensorFlow\.js/;
const RENDERER = /^The renderer talks to the engine only through its interface/;

describe('forbidden imports are lint errors that say why', () => {
  it.each<[string, string, string, RegExp]>([
    // src-shared: no Node, TensorFlow.js, Electron, React, main or renderer
    ['fs', 'node:fs', 'src-shared/layers/x.ts', SHARED],
    ['{ readFile }', 'node:fs/promises', 'src-shared/x.ts', SHARED],
    ['{ readFile }', 'fs/promises', 'src-shared/x.ts', SHARED],
    ['path', 'path', 'src-shared/graph/x.ts', SHARED],
    ['* as tf', '@tensorflow/tfjs', 'src-shared/x.ts', SHARED],
    ['* as core', '@tensorflow/tfjs-core/dist/index', 'src-shared/x.ts', SHARED],
    ['{ useState }', 'react', 'src-shared/x.ts', SHARED],
    ['{ jsx }', 'react/jsx-runtime', 'src-shared/x.ts', SHARED],
    ['{ ReactFlow }', '@xyflow/react', 'src-shared/x.ts', SHARED],
    ['{ create }', 'zustand', 'src-shared/x.ts', SHARED],
    ['{ app }', 'electron', 'src-shared/x.ts', SHARED],
    ['{ host }', '../src-main/engine/host', 'src-shared/x.ts', SHARED],
    ['{ host }', '../../src-main/engine/host', 'src-shared/graph/x.ts', SHARED],
    ['{ App }', '../../src-renderer/app/App', 'src-shared/graph/x.ts', SHARED],
    // src-main outside engine/electron: no TensorFlow.js, Electron, React or renderer
    ['* as tf', '@tensorflow/tfjs', 'src-main/cli/x.ts', MAIN],
    ['* as tfn', '@tensorflow/tfjs-node', 'src-main/server/x.ts', MAIN],
    ['{ app }', 'electron', 'src-main/cli/x.ts', MAIN],
    ['{ app }', 'electron/main', 'src-main/cli/x.ts', MAIN],
    ['{ useState }', 'react', 'src-main/cli/x.ts', MAIN],
    ['{ createRoot }', 'react-dom/client', 'src-main/server/x.ts', MAIN],
    ['{ App }', '../../src-renderer/x', 'src-main/cli/x.ts', MAIN],
    ['{ App }', '../src-renderer/app/App', 'src-main/x.ts', MAIN],
    // src-main/engine: TensorFlow.js yes, Electron, React and renderer no
    ['{ app }', 'electron', 'src-main/engine/x.ts', ENGINE],
    ['{ useState }', 'react', 'src-main/engine/x.ts', ENGINE],
    ['{ App }', '../../src-renderer/x', 'src-main/engine/x.ts', ENGINE],
    // src-main/electron: electron yes, TensorFlow.js, React and renderer no
    ['* as tf', '@tensorflow/tfjs', 'src-main/electron/x.ts', ELECTRON],
    ['{ useState }', 'react', 'src-main/electron/x.ts', ELECTRON],
    ['{ App }', '../../src-renderer/x', 'src-main/electron/x.ts', ELECTRON],
    // src-renderer: no Node, TensorFlow.js, Electron or main
    ['fs', 'node:fs', 'src-renderer/app/x.ts', RENDERER],
    ['* as tf', '@tensorflow/tfjs', 'src-renderer/x.tsx', RENDERER],
    ['{ ipcRenderer }', 'electron', 'src-renderer/x.ts', RENDERER],
    ['{ host }', '../../src-main/engine/host', 'src-renderer/app/x.tsx', RENDERER],
  ])('import %s from %j in %s', async (names, from, file, why) => {
    const messages = await lint(importing(names, from), file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'no-restricted-imports', severity: 2, line: 1 });
    expect(messages[0]!.message).toContain(`'${from}'`);
    expect(messages[0]!.message.replace(/^.*? by a pattern\. /, '')).toMatch(why);
  });

  it('re-exports and type-only imports are imports too', async () => {
    expect((await lint("export { readFile } from 'node:fs';\n", 'src-shared/x.ts')).map((m) => m.ruleId)).toEqual([
      'no-restricted-imports',
    ]);
    expect((await lint("import type { App } from 'electron';\n\nexport type A = App;\n", 'src-shared/x.ts')).map((m) => m.ruleId)).toEqual([
      'no-restricted-imports',
    ]);
    expect(
      (await lint("import type { App } from '../../src-renderer/app/App';\n\nexport type A = App;\n", 'src-main/cli/x.ts')).map(
        (m) => m.ruleId,
      ),
    ).toEqual(['no-restricted-imports']);
  });
});

describe('allowed imports pass, and clean files have no lint message at all', () => {
  it.each<[string, string, string]>([
    ['* as tf', '@tensorflow/tfjs', 'src-main/engine/x.ts'],
    ['* as tfn', '@tensorflow/tfjs-node', 'src-main/engine/backend/x.ts'],
    ['{ app }', 'electron', 'src-main/electron/x.ts'],
    ['fs', 'node:fs', 'src-main/cli/x.ts'],
    ['fs', 'node:fs', 'src-main/electron/x.ts'],
    ['{ analyzeGraph }', '../../src-shared/graph/analyze', 'src-main/cli/x.ts'],
    ['{ analyzeGraph }', '../../src-shared/graph/analyze', 'src-renderer/app/x.ts'],
    ['{ useState }', 'react', 'src-renderer/app/x.ts'],
    ['{ ReactFlow }', '@xyflow/react', 'src-renderer/canvas/x.tsx'],
    ['{ z }', 'zod', 'src-shared/x.ts'],
    ['{ product }', '../layers/format', 'src-shared/graph/x.ts'],
  ])('import %s from %j in %s', async (names, from, file) => {
    expect(await lint(importing(names, from), file)).toEqual([]);
  });

  it('a React component in the renderer', async () => {
    const code =
      "import { useState } from 'react';\n\nexport function Counter() {\n  const [n, setN] = useState(0);\n  return <button onClick={() => setN(n + 1)}>{n}</button>;\n}\n";
    expect(await lint(code, 'src-renderer/app/Counter.tsx')).toEqual([]);
  });

  it('a pure module in src-shared', async () => {
    const code =
      "import { z } from 'zod';\n\nexport const schema = z.object({ units: z.number().int().min(1) });\n\nexport function double(n: number): number {\n  return 2 * n;\n}\n";
    expect(await lint(code, 'src-shared/layers/example.ts')).toEqual([]);
  });

  it('the lint is not blind: an unused variable in the same clean file is reported', async () => {
    const messages = await lint("import { z } from 'zod';\n\nconst unused = 1;\nexport const s = z.string();\n", 'src-shared/x.ts');
    expect(messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-unused-vars']);
  });
});

describe('gaps closed: every Node built-in, dynamic imports, and look-alike relative paths', () => {
  it.each(['buffer', 'assert', 'perf_hooks', 'vm', 'node:buffer'])('%s is forbidden in src-shared', async (mod) => {
    const messages = await lint(`import * as m from '${mod}';\nexport const used = m;\n`, 'src-shared/graph/x.ts');
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('src-shared is the pure domain')]);
  });

  it('a dynamic import() in src-shared is an error', async () => {
    const messages = await lint("export const load = () => import('@tensorflow/tfjs');\n", 'src-shared/x.ts');
    expect(messages.map((m) => m.ruleId)).toEqual(['no-restricted-syntax']);
  });

  it('relative paths that merely contain a package-like word are fine', async () => {
    for (const path of ['./events', '../electron/bridge-api', '../react/x', './util']) {
      expect(await lint(`import * as m from '${path}';\nexport const used = m;\n`, 'src-shared/learn/x.ts')).toEqual([]);
    }
  });
});
