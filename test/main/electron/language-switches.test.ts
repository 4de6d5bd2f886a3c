// One language system: main's texts come from the electron dictionary, never from an inline
// `language === 'ko' ? … : …` or a table of its own.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/build-electron';

const SOURCES = join(ROOT, 'src-main', 'electron');

/** Comparisons with a language code, and a `ko ? … : …` (not `ko?.x`). */
const SWITCHES = [/[!=]==?\s*['"`](?:ko|en)['"`]/, /['"`](?:ko|en)['"`]\s*[!=]==?/, /\bko\s*\?(?!\.)/];

/** The lines of a source that switch on the language inline, as "line: text". */
function languageSwitches(source: string): string[] {
  return source
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => SWITCHES.some((re) => re.test(text)))
    .map(({ text, line }) => `${line}: ${text.trim()}`);
}

describe('the Electron main process', () => {
  it('finds an inline language switch when there is one', () => {
    const old = [
      "const ko = language === 'ko';",
      "buttons: [ko ? '취소' : 'Cancel'],",
      "language === \"en\" ? 'Quit' : '종료'",
      "if ('ko' !== language) return;",
      'const locale = ko?.name;',
      "t('dialog.cancel')",
    ].join('\n');
    expect(languageSwitches(old).map((l) => Number(l.split(':')[0]))).toEqual([1, 2, 3, 4]);
  });

  it('has no inline language switch left in src-main/electron', async () => {
    const files = (await readdir(SOURCES)).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('main.ts');
    const found: string[] = [];
    for (const file of files) for (const hit of languageSwitches(await readFile(join(SOURCES, file), 'utf8'))) found.push(`${file}:${hit}`);
    expect(found).toEqual([]);
  });

  it('has no Korean text of its own (comments aside): Korean lives in the dictionary', async () => {
    const files = (await readdir(SOURCES)).filter((f) => f.endsWith('.ts'));
    const found: string[] = [];
    for (const file of files) {
      const lines = (await readFile(join(SOURCES, file), 'utf8')).split('\n');
      lines.forEach((text, i) => {
        const comment = /^\s*(\/\/|\/?\*)/.test(text);
        if (!comment && /\p{Script=Hangul}/u.test(text)) found.push(`${file}:${i + 1}: ${text.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
