import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
/** The stylesheet without comments, so a comment may still name a colour. */
const css = read('src-renderer/learn/learn.css').replace(/\/\*[\s\S]*?\*\//g, '');
const lines = css.split('\n');

describe("the Learn lab's stylesheet", () => {
  it('takes every colour from the design tokens: no raw hex colour', () => {
    expect(lines.filter((l) => /#[0-9a-f]{3,8}\b/i.test(l))).toEqual([]);
  });

  it('never forces a rule with !important', () => {
    expect(lines.filter((l) => l.includes('!important'))).toEqual([]);
  });

  it('names only tokens that app.css defines', () => {
    const defined = new Set([...read('src-renderer/styles/app.css').matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
    const used = new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });
});
