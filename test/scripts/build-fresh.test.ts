// `npm start` builds only what changed: buildStale with stand-in targets, and the real targets' inputs.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStale, ROOT, TARGETS, type BuildTarget } from '../../scripts/build-fresh';

function project() {
  const root = mkdtempSync(join(tmpdir(), 'convas-fresh-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'a.ts'), 'a');
  const builds: string[] = [];
  const target: BuildTarget = {
    name: 'the thing',
    inputs: ['src'],
    outputs: ['dist/thing.js'],
    build: async () => {
      builds.push('thing');
      mkdirSync(join(root, 'dist'), { recursive: true });
      writeFileSync(join(root, 'dist', 'thing.js'), '');
    },
  };
  const log: string[] = [];
  const run = (force = false) => buildStale({ root, targets: [target], force, log: (l) => log.push(l) });
  return { root, builds, run, log };
}

describe('buildStale', () => {
  it('builds the first time, then only after a source changed', async () => {
    const p = project();
    expect(await p.run()).toEqual(['the thing']);
    expect(await p.run()).toEqual([]);
    writeFileSync(join(p.root, 'src', 'b.ts'), 'b');
    expect(await p.run()).toEqual(['the thing']);
    expect(await p.run()).toEqual([]);
    expect(p.builds).toHaveLength(2);
    expect(p.log.filter((l) => l.startsWith('Building'))).toEqual([
      'Building the thing (not built here yet)…',
      'Building the thing (its sources changed since the last build)…',
    ]);
  });

  it('rebuilds when the output is gone or when forced', async () => {
    const p = project();
    await p.run();
    rmSync(join(p.root, 'dist', 'thing.js'));
    expect(await p.run()).toEqual(['the thing']);
    expect(await p.run(true)).toEqual(['the thing']);
    expect(p.builds).toHaveLength(3);
    expect(p.log.filter((l) => l.startsWith('Building')).slice(1)).toEqual([
      'Building the thing (its output is missing)…',
      'Building the thing (asked for)…',
    ]);
  });

  it('stamps nothing when the build fails, so the next start tries again', async () => {
    const p = project();
    const failing: BuildTarget = {
      name: 'broken',
      inputs: ['src'],
      outputs: [],
      build: () => Promise.reject(new Error('syntax error')),
    };
    await expect(buildStale({ root: p.root, targets: [failing], log: () => {} })).rejects.toThrow('syntax error');
    await expect(buildStale({ root: p.root, targets: [failing], log: () => {} })).rejects.toThrow('syntax error');
  });
});

describe('the targets npm start builds', () => {
  it('name inputs that exist, so a renamed folder cannot silently drop out of the fingerprint', () => {
    for (const t of TARGETS) for (const input of t.inputs) expect(existsSync(join(ROOT, input)), `${t.name}: ${input}`).toBe(true);
  });
});
