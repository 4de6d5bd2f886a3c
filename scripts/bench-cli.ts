// Start-to-exit wall time of the command line as a user runs it (`npm run -s cli -- …`): the
// median of N runs of `conv` and of `summary`. Prints figures; asserts nothing.
// Run: npm run -s bench:cli [-- --runs N]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const CASES: Record<string, string[]> = {
  conv: ['conv', '--x', '2,8,3,7,1,2,0,4,5', '--w', '2,1,5,3', '--op', 'correlate', '--padding', 'same'],
  summary: ['summary', 'assets/templates/lecture-cnn.convas.json'],
};

/** The middle value (the mean of the two middle values for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Seconds from spawning `npm run -s cli -- …args` to its exit; throws when it fails. */
function timeOnce(args: readonly string[]): number {
  const start = performance.now();
  const r = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`npm run -s cli -- ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return seconds;
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1 (got '${values.runs}')`);
  // The first run after a source change bundles the CLI; it is reported on its own.
  const first = timeOnce(CASES.conv!);
  console.log(`npm run -s cli, ${runs} runs each (first run, which builds a stale bundle: ${first.toFixed(2)} s)`);
  for (const [name, args] of Object.entries(CASES)) {
    const times = Array.from({ length: runs }, () => timeOnce(args));
    const fmt = (s: number) => `${s.toFixed(2)} s`;
    console.log(`  ${name.padEnd(8)} median ${fmt(median(times))}  (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))})`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
