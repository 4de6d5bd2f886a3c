import { describe, expect, it } from 'vitest';
import { CATALOG, translator } from '../../../src-shared/i18n/catalog';

/** A count placeholder followed by a countable noun ("{n} layers"), which reads wrong for 1 unless the message is plural. */
const COUNT_NOUN =
  /(?<!×)\{\w+\} (?:more |test |input )?(?:layers?|problems?|params?|parameters?|images?|epochs?|channels?|filters?|classes|units?|samples?|files?|zeros?)\b(?!\/)/;

describe.each(['app', 'training'] as const)('the English %s dictionary', (namespace) => {
  const entries = Object.entries(CATALOG[namespace].en);

  it('words every count-dependent message as a plural message, so 1 reads "1 layer"', () => {
    const singularOnly = entries.filter(([, m]) => typeof m === 'string' && COUNT_NOUN.test(m)).map(([k]) => k);
    expect(singularOnly).toEqual([]);
  });
});

describe('plural messages', () => {
  it('say "1 layer" and "2 layers", "1 problem" and "1,000 test images"', () => {
    const app = translator('en', 'app');
    expect(app('status.layers', { n: 1 })).toBe('1 layer');
    expect(app('status.layers', { n: 2 })).toBe('2 layers');
    expect(app('status.problems', { n: 1 })).toBe('1 problem');
    expect(app('status.params', { n: 196100 })).toBe('196,100 params');
    const training = translator('en', 'training');
    expect(training('result.testImages', { n: 1000 })).toBe('on 1,000 test images');
    expect(training('result.epochsIn', { epochs: 1, time: '9 s' })).toBe('1 epoch in 9 s');
    expect(translator('ko', 'app')('status.layers', { n: 1 })).toBe('층 1개');
  });
});
