// Mutated project, Keras and tfjs files (deleted keys, wrong types, overflowing numbers, 10,000-deep
// nesting, 1 MB strings, __proto__ keys, truncations, cycles) through read → analyse → summarise →
// export → serialise. Prints the figures: inputs fuzzed, throws, messages without their subject, time.
// Exits 1 when any input threw or went unexplained. The test suite runs the same cases, fewer of them.
// Run: npm run -s fuzz [-- --runs N] [--seed S]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { fuzzCases, runFuzzCase, type FuzzOutcome } from '../test/shared/support/fuzz-files';
import { shorten } from '../src-shared/i18n/format';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1 (got ${values.runs})`);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

const counts: Record<FuzzOutcome['result'], number> = { refused: 0, invalid: 0, exported: 0, threw: 0, unnamed: 0 };
const examples: string[] = [];
const start = performance.now();
for (const c of fc.sample(fuzzCases, { numRuns: runs, seed })) {
  const outcome = runFuzzCase(c);
  counts[outcome.result]++;
  if ((outcome.result === 'threw' || outcome.result === 'unnamed') && examples.length < 5) {
    // The case holds 1 MB strings and 10,000-deep JSON texts: print them shortened.
    const brief = JSON.stringify(c, (_key, v: unknown) => (typeof v === 'string' ? shorten(v, 40) : v));
    examples.push(`${JSON.stringify(outcome)}\n    from ${brief}`);
  }
}
const seconds = (performance.now() - start) / 1000;

console.log(`fuzz seed ${seed}`);
console.log(`inputs fuzzed:                 ${runs}`);
console.log(`  refused with a file error:   ${counts.refused}`);
console.log(`  opened, network invalid:     ${counts.invalid}`);
console.log(`  opened and exported:         ${counts.exported}`);
console.log(`throws:                        ${counts.threw}`);
console.log(`messages without their subject: ${counts.unnamed}`);
console.log(`time:                          ${seconds.toFixed(1)} s (${((seconds / runs) * 1000).toFixed(2)} ms per input)`);
for (const e of examples) console.log(`  - ${e}`);
process.exitCode = counts.threw + counts.unnamed > 0 ? 1 : 0;
