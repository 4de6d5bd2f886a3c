// A few invocations exactly as the README writes them (`npm run -s cli -- …`), through the
// launcher that bundles the CLI on demand. Everything else about the commands is tested in
// process through runCli (fast); train.test.ts trains through this path too.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmCli, ROOT } from './run-cli';

describe('npm run -s cli', { timeout: 300_000 }, () => {
  it('computes, summarises, and exits 0', () => {
    const conv = npmCli(['conv', '--x=-1,2,3', '--w', '1,1', '--op', 'convolve', '--padding', 'full']);
    expect(conv.status, conv.stderr).toBe(0);
    const [formula, values, ...rest] = conv.stdout.split('\n');
    expect(formula).toMatch(/^output length: .* = 4$/);
    expect(values).toBe('[-1, 1, 5, 3]');
    expect(rest).toEqual(['']);
    const summary = npmCli(['summary', join(ROOT, 'assets/templates/lecture-cnn.convas.json')]);
    expect(summary.status, summary.stderr).toBe(0);
    expect(summary.stdout).toContain('Total params: 197,210');
  });

  it('exits 1 for an invalid network and 2 for a usage error, with the message on stderr', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'convas-smoke-')), 'bad.convas.json');
    writeFileSync(file, '{"formatVersion": 2, ');
    const invalid = npmCli(['summary', file]);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('not valid JSON');
    const usage = npmCli(['conv', '--x', '1,2']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^convas: usage: conv --x <numbers>/);
    expect(npmCli(['--help']).status).toBe(0);
  });
});
