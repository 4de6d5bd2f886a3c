// Hostile files through the CLI in process: every problem is one short message naming its subject, never a stack.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli';
import { deepArrayText, withRawValue } from '../../shared/support/hostile-json';

const dir = mkdtempSync(join(tmpdir(), 'convas-hostile-'));
const read = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('cli with hostile files', () => {
  it('quotes a 1 MB Keras class_name shortened: stderr stays short', async () => {
    const doc = read('test/fixtures/keras/lecture-cnn.keras3.json');
    const file = write('huge-class.json', JSON.stringify({ ...doc, class_name: 'X'.repeat(1_000_000) }));
    const r = await cli(['summary', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.length).toBeLessThan(500);
    expect(r.stderr).toContain(`This is a Keras ${'X'.repeat(79)}…, not a model Convas can import`);
  });

  it('names the layer and the setting nested 10,000 deep, for summary and export, with no stack', async () => {
    const doc = read('assets/templates/lecture-cnn.convas.json') as { graph: { nodes: { name: string }[] } };
    const index = doc.graph.nodes.findIndex((n) => n.name === 'dense_1');
    const file = write('deep.convas.json', withRawValue(doc, ['graph', 'nodes', index, 'params', 'units'], deepArrayText(10_000)));
    for (const args of [
      ['summary', file],
      ['export', file, '--to', 'project', '-o', join(dir, 'out.json')],
    ]) {
      const r = await cli(args);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toBe(
        "convas: deep.convas.json: Layer 'dense_1': units is nested more than 16 levels deep — a setting is a number, a word or a short list; correct it in the file.\n",
      );
    }
  });

  it('quotes a 1 MB command name shortened', async () => {
    const r = await cli(['c'.repeat(1_000_000)]);
    expect(r.status).toBe(2);
    expect(r.stderr.length).toBeLessThan(300);
  });
});
