// `conv`, `summary`, `export` and `runs` are plain TypeScript: they must start without loading
// TensorFlow.js (which takes most of a second). A resolution hook in a child process makes any
// @tensorflow/* import fail, so a static import of TensorFlow.js anywhere these commands reach
// fails this test; `bench`, which does need TensorFlow.js, shows the hook bites.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli';

const DENY = join(ROOT, 'test/main/cli/hooks/deny-tensorflow.mjs');
const LECTURE = join(ROOT, 'assets/templates/lecture-cnn.convas.json');

interface Result {
  argv: string[];
  status: number;
  stdout: string;
  stderr: string;
}

function node(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

// Each test waits for child processes synchronously; a loaded machine must not turn that into a timeout.
describe('commands that never load TensorFlow.js', { timeout: 300_000 }, () => {
  it('conv, summary and export run with every @tensorflow import refused; bench does not', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'convas-no-tf-')), 'model.py');
    const invocations = [
      ['conv', '--x', '1,2,3', '--w', '1,1', '--op', 'convolve', '--padding', 'full', '--json'],
      ['summary', LECTURE, '--json'],
      ['export', LECTURE, '--to', 'python', '-o', out],
      ['export', LECTURE, '--to', 'keras-json', '-o', out],
      // Stored runs are files: listing them needs no engine.
      ['runs', LECTURE, '--json'],
      ['bench', '--json', '--seconds', '0.1'],
    ];
    const r = node([
      '--import',
      'tsx',
      '--import',
      DENY,
      'test/main/cli/hooks/run-commands.ts',
      ...invocations.map((a) => JSON.stringify(a)),
    ]);
    expect(r.status, r.stderr).toBe(0);
    const results = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Result);
    expect(results.map((x) => x.argv[0])).toEqual(['conv', 'summary', 'export', 'export', 'runs', 'bench']);
    for (const x of results.slice(0, 5)) expect(x.status, `${x.argv.join(' ')}: ${x.stderr}`).toBe(0);
    expect(JSON.parse(results[0]!.stdout)).toEqual([1, 3, 5, 3]);
    expect(JSON.parse(results[1]!.stdout).totalParams).toBe(197210);
    expect(JSON.parse(results[4]!.stdout)).toMatchObject({ runs: [], totalBytes: 0 });
    const bench = results[5]!;
    expect(bench.status).toBe(1);
    expect(bench.stderr).toContain("TensorFlow.js must not be loaded here (import of '@tensorflow/tfjs')");
  });

  it('the same holds for the bundle `npm run -s cli` runs', () => {
    const conv = node([
      '--import',
      DENY,
      'scripts/cli.mjs',
      'conv',
      '--x',
      '1,2,3',
      '--w',
      '1,1',
      '--op',
      'correlate',
      '--padding',
      'valid',
      '--json',
    ]);
    expect(conv.status, conv.stderr).toBe(0);
    expect(JSON.parse(conv.stdout)).toEqual([3, 5]);
    const summary = node(['--import', DENY, 'scripts/cli.mjs', 'summary', LECTURE, '--json']);
    expect(summary.status, summary.stderr).toBe(0);
    const bench = node(['--import', DENY, 'scripts/cli.mjs', 'bench', '--json', '--seconds', '0.1']);
    expect(bench.status).toBe(1);
    expect(bench.stderr).toContain('TensorFlow.js must not be loaded here');
  });
});
