import { describe, expect, it } from 'vitest';
import { CATALOG, translator, type Namespace } from '../../../src-shared/i18n/catalog';
import { placeholders } from '../../../src-shared/i18n/format';
import type { Message } from '../../../src-shared/i18n/dictionary';

const namespaces = Object.keys(CATALOG) as Namespace[];

const texts = (m: Message): string[] => (typeof m === 'string' ? [m] : [m.one ?? '', m.other].filter(Boolean));

describe.each(namespaces)('the %s dictionary', (namespace) => {
  const { en, ko } = CATALOG[namespace];
  const enEntries: [string, Message][] = Object.entries(en);
  const koEntries: Record<string, Message> = ko;

  it('has exactly the same keys in Korean and English', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(enEntries)('%s is worded in both languages with the same placeholders', (key, english) => {
    const korean = koEntries[key];
    expect(korean, `missing Korean for ${namespace}:${key}`).toBeDefined();
    for (const text of [...texts(english), ...texts(korean!)]) expect(text.trim(), `${namespace}:${key} is empty`).not.toBe('');
    expect([...placeholders(korean!)].sort(), `${namespace}:${key}`).toEqual([...placeholders(english)].sort());
  });
});

describe('a translator', () => {
  it('is the same function object for the same feature and language, so memoised views keep it', () => {
    expect(translator('ko', 'app')).toBe(translator('ko', 'app'));
    expect(translator('ko', 'app')).not.toBe(translator('en', 'app'));
  });

  it('words a key in each language with thousands separators', () => {
    expect(translator('en', 'app')('node.params', { n: 196100 })).toBe('196,100 params');
    expect(translator('ko', 'app')('node.params', { n: 196100 })).toContain('196,100');
  });
});
