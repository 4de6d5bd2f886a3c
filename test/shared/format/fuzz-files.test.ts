// Mutated project, Keras and tfjs files through read → analyse → summarise → export → serialise:
// no step throws, and every message names the layer, setting, file or JSON path it is about.
// scripts/fuzz.ts runs the same cases 10,000 at a time and prints the figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzCases, runFuzzCase } from '../support/fuzz-files';

describe('fuzzed model files', () => {
  it('never throw and always name their subject (300 cases)', () => {
    fc.assert(
      fc.property(fuzzCases, (c) => {
        const outcome = runFuzzCase(c);
        expect(outcome.result === 'threw' || outcome.result === 'unnamed' ? outcome : 'ok').toBe('ok');
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
