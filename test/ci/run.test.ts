// CI builds once: .ci/run's commands, with npm scripts expanded, run `npm run build` exactly once
// and never type-check twice.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The npm scripts a command line runs, in order, following `npm run x`, `npm test` and `npm start` into package.json. */
function npmScripts(command: string): string[] {
  const steps = command.split(/&&|;|\n/).map((s) => s.trim());
  return steps.flatMap((step) => {
    const m = /^npm\s+(?:run\s+(?:-s\s+)?([\w:-]+)|(test|start))\b/.exec(step);
    const name = m?.[1] ?? m?.[2];
    return name ? [name, ...npmScripts(scripts[name] ?? '')] : [];
  });
}

describe('.ci/run', () => {
  it('builds and type-checks once, through npm test', () => {
    const commands = readFileSync(join(ROOT, '.ci/run'), 'utf8')
      .split('\n')
      .filter((l) => !l.trim().startsWith('#'))
      .join('\n');
    const ran = npmScripts(commands);
    expect(ran).toContain('test');
    expect(ran.filter((s) => s === 'build')).toHaveLength(1);
    expect(ran.filter((s) => s === 'typecheck')).toHaveLength(1);
  });
});
