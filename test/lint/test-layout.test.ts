// Tests mirror the source folders (DESIGN.md): test/<area>/<folder>/x.test.ts tests
// src-<area>/<folder>/…/x.ts, so a test is found where its subject lives.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const AREAS = ['shared', 'main', 'renderer'] as const;

function files(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path, keep) : keep(path) ? [path] : [];
  });
}

const isSource = (p: string) => /\.tsx?$/.test(p) && !p.endsWith('.d.ts');
const sources = AREAS.flatMap((a) => files(join(ROOT, `src-${a}`), isSource)).map((p) => relative(ROOT, p));
const tests = AREAS.flatMap((a) => files(join(ROOT, 'test', a), (p) => /\.test\.tsx?$/.test(p))).map((p) => relative(ROOT, p));

/** The project-relative source files a test at `test` with source `text` imports directly. */
function importedSources(test: string, text: string): string[] {
  return [...text.matchAll(/from '(\.[^']+)'/g)]
    .map((m) => relative(ROOT, resolve(ROOT, dirname(test), m[1]!)))
    .filter((p) => /^src-(shared|main|renderer)\//.test(p));
}

/**
 * What is wrong with where `test` lives, or undefined: it imports nothing from its mirrored
 * folder and either a source of its name lives elsewhere, or all it imports is another area's.
 */
function misplaced(test: string, text = readFileSync(join(ROOT, test), 'utf8')): string | undefined {
  const [, area, ...rest] = test.split('/');
  const folder = `src-${area}/${rest.slice(0, -1).join('/')}`;
  const name = rest.at(-1)!.replace(/\.test\.tsx?$/, '');
  const imported = importedSources(test, text);
  if (imported.some((s) => s.startsWith(`${folder}/`))) return undefined;
  const sameName = sources.filter((s) => s.replace(/^.*\//, '').replace(/\.tsx?$/, '') === name);
  if (sameName.length > 0 && !sameName.some((s) => s.startsWith(`${folder}/`))) return `tests ${sameName.join(', ')}`;
  if (imported.length > 0 && !imported.some((s) => s.startsWith(`src-${area}/`)))
    return `imports only ${[...new Set(imported.map((s) => s.split('/')[0]))].join(', ')}`;
  return undefined;
}

describe('test layout', () => {
  it('finds the tests', () => {
    expect(tests.length).toBeGreaterThan(50);
    expect(tests).toContain('test/shared/i18n/learn-words.test.ts');
  });

  it('puts each test in the folder that mirrors its subject', () => {
    const wrong = tests.flatMap((t) => {
      const why = misplaced(t);
      return why ? [`${t}: ${why}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('would notice the tests that lived away from their subject', () => {
    // The Electron engine adapter's test once lived in test/main/electron, the Learn words test in test/renderer/learn.
    const read = (t: string) => readFileSync(join(ROOT, t), 'utf8');
    expect(misplaced('test/main/electron/electron-engine.test.ts', read('test/renderer/engine/electron-engine.test.ts'))).toBe(
      'tests src-renderer/engine/electron-engine.ts',
    );
    expect(misplaced('test/renderer/learn/learn-words.test.ts', read('test/shared/i18n/learn-words.test.ts'))).toBe(
      'imports only src-shared',
    );
  });
});
