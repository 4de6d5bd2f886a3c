import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-shared/i18n/catalog';
import { TEMPLATE_IDS } from '../../../src-shared/project/templates';

const dir = new URL('../../../assets/templates/', import.meta.url);

describe('the templates dictionary', () => {
  it('names every template file Convas ships, and only those', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.convas.json'))
      .map((f) => f.replace(/\.convas\.json$/, ''));
    expect([...files].sort()).toEqual([...TEMPLATE_IDS].sort());
  });

  it.each(TEMPLATE_IDS)('%s: the English words are the ones its file holds', (id) => {
    const doc = JSON.parse(readFileSync(new URL(`${id}.convas.json`, dir), 'utf8')) as { name: string; description: string };
    const t = translator('en', 'templates');
    expect([t(`${id}.name`), t(`${id}.description`)]).toEqual([doc.name, doc.description]);
  });
});
