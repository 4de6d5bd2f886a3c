// runCli as a library: what it does on import (nothing), with its arguments, and with io.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli';

describe('runCli', () => {
  it('does nothing when its module is imported', () => {
    // The old entry ran the CLI on import: with no arguments it printed the help and exited 2.
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "await import('./src-main/cli/main.ts');"], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints the help: exit 0 when asked for, 2 without a command', async () => {
    const asked = await cli(['help']);
    expect(asked.status).toBe(0);
    expect(asked.stdout).toContain('usage: npm run -s cli -- <command> [options]');
    expect(asked.stdout).toContain('  conv --x <numbers>');
    expect((await cli([])).status).toBe(2);
    expect((await cli([])).stdout).toBe(asked.stdout);
  });

  it('treats names of Object.prototype members as unknown commands (exit 2)', async () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const r = await cli([name]);
      expect(r.status, name).toBe(2);
      expect(r.stderr).toBe(`convas: unknown command '${name}'\nRun \`npm run -s cli -- help\` for usage.\n`);
    }
  });

  it('reads and writes relative paths from io.cwd', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-cwd-'));
    const summary = await cli(['summary', 'assets/templates/lenet-5.convas.json', '--json'], { cwd: ROOT });
    expect(summary.status, summary.stderr).toBe(0);
    expect(JSON.parse(summary.stdout).totalParams).toBe(61706);
    const exported = await cli(['export', join(ROOT, 'assets/templates/lenet-5.convas.json'), '--to', 'python', '-o', 'lenet.py'], {
      cwd: dir,
    });
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toBe(`wrote ${join(dir, 'lenet.py')}\n`);
    expect(readFileSync(join(dir, 'lenet.py'), 'utf8')).toContain('Conv2D(6, (5, 5)');
    // The message names the file as the user wrote it.
    expect((await cli(['summary', 'missing.json'], { cwd: dir })).stderr).toBe('convas: missing.json: no such file\n');
  });

  it('reports an argument parse error as a usage error (exit 2)', async () => {
    const r = await cli(['summary', '--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^convas: Unknown option '--frobnicate'[\s\S]*Run `npm run -s cli -- help` for usage\.\n$/);
  });
});
