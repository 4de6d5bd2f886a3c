import { describe, expect, it } from 'vitest';
import { CATALOG, translator } from '../../../src-shared/i18n/catalog';
import type { Message } from '../../../src-shared/i18n/dictionary';

const texts = (m: Message): string[] => (typeof m === 'string' ? [m] : [m.one ?? '', m.other]);
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

describe("the Learn lab's words", () => {
  const { en, ko } = CATALOG.learn;

  it('English carries no Korean (the bias is "Bias", not "Bias (절편)")', () => {
    for (const [key, message] of Object.entries(en)) for (const text of texts(message)) expect(text, key).not.toMatch(HANGUL);
    expect(translator('en', 'learn')('lab.bias')).toBe('Bias');
  });

  it('Korean carries no English gloss in parentheses', () => {
    for (const [key, message] of Object.entries(ko))
      for (const text of texts(message)) expect(text, key).not.toMatch(/[가-힣]\s?\((?:bias|nonlinearity|gradient vanishing)\)/i);
    expect(translator('ko', 'learn')('lab.bias')).toBe('절편');
  });

  it('counts are worded with plurals, never "(s)"', () => {
    for (const [key, message] of Object.entries(en)) for (const text of texts(message)) expect(text, key).not.toContain('(s)');
    const t = translator('en', 'learn');
    expect(t('pad.full.body', { k: 2, k1: 1 })).toContain('1 zero on each side');
    expect(t('pad.full.body', { k: 3, k1: 2 })).toContain('2 zeros on each side');
    expect(t('pad.same.body', { total: 1 })).toMatch(/^1 zero in all/);
    expect(t('pool.padLeftOutMax', { n: 1, m: 3 })).toMatch(/^1 padded cell of this window is left out/);
    expect(t('pool.padLeftOutAvg', { n: 2, m: 2 })).toMatch(/^2 padded cells of this window are left out/);
    expect(t('explain.sumOfChannels', { c: 1 })).toBe('Σ of 1 channel');
    expect(t('explain.convSummary', { filters: 1, kh: 3, kw: 3, sh: 1, sw: 1, padding: 'valid', activation: 'relu' })).toMatch(
      /^1 filter ·/,
    );
  });
});
