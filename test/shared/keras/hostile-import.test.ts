import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModelFile } from '../../../src-shared/format/model-file';
import { fileProblemText } from '../../../src-shared/i18n/file-text';
import { serializeProject } from '../../../src-shared/project/io';
import { deepArrayText, withRawValue } from '../support/hostile-json';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../fixtures/keras/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('a Keras or TensorFlow.js file with a hostile setting', () => {
  it('is refused naming the layer and the setting when a setting is nested 10,000 deep (Keras 3)', () => {
    const doc = fixture('lecture-cnn.keras3.json');
    const layers = (doc['config'] as { layers: { config: { name: string } }[] }).layers;
    const index = layers.findIndex((l) => l.config.name === 'dense_1');
    const text = withRawValue(doc, ['config', 'layers', index, 'config', 'units'], deepArrayText(10_000));
    const read = readModelFile(text, 'model.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(fileProblemText('en', read.error)).toBe(
      "model.json: Layer 'dense_1': units is nested more than 16 levels deep — a setting is a number, a word or a short list; correct it in the file.",
    );
  });

  it('is refused naming the layer and the setting when the input shape is a 2,000-element list (tfjs)', () => {
    const doc = fixture('lecture-cnn.tfjs.model.json');
    const layers = (doc['modelTopology'] as { config: { layers: { config: Record<string, unknown> }[] } }).config.layers;
    layers[0]!.config['batch_input_shape'] = [null, ...new Array(2000).fill(1)];
    const read = readModelFile(JSON.stringify(doc), 'model.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(fileProblemText('en', read.error)).toMatch(/^model\.json: Layer 'input_layer': shape holds a list longer than 1,024 elements/);
  });

  it('quotes a 1 MB class_name shortened, in English and Korean', () => {
    const huge = 'A'.repeat(1_000_000);
    for (const doc of [
      { ...fixture('lecture-cnn.keras3.json'), class_name: huge },
      (() => {
        const d = fixture('lecture-cnn.keras2.json');
        (d['config'] as { layers: { class_name: string }[] }).layers[1]!.class_name = huge;
        return d;
      })(),
    ]) {
      const read = readModelFile(JSON.stringify(doc), `${'f'.repeat(10_000)}.json`);
      expect(read.ok).toBe(false);
      if (read.ok) continue;
      for (const language of ['en', 'ko'] as const) {
        const text = fileProblemText(language, read.error);
        expect(text.length).toBeLessThan(600);
        expect(text).toContain(`${'A'.repeat(79)}…`);
        expect(text).toContain(`${'f'.repeat(79)}…`);
      }
    }
  });

  it('opens a model with an empty name as a project that can be saved', () => {
    const doc = fixture('lecture-cnn.keras3.json');
    (doc['config'] as Record<string, unknown>)['name'] = '';
    const read = readModelFile(JSON.stringify(doc), 'model.json');
    expect(read.ok && read.project.name).toBe('sequential');
    if (read.ok) expect(() => serializeProject(read.project)).not.toThrow();
  });

  it('names a layer with an empty name as Keras would, so the project can be saved; a functional model needs the name to connect it', () => {
    const doc = fixture('lecture-cnn.keras3.json');
    const layers = (doc['config'] as { layers: { config: { name: string } }[] }).layers;
    layers[1]!.config.name = '';
    const read = readModelFile(JSON.stringify(doc), 'model.json');
    expect(read.ok && read.project.graph.nodes.map((n) => n.name)).toEqual([
      'input_layer',
      'conv2d',
      'max_pooling2d',
      'flatten',
      'dense',
      'dense_1',
    ]);
    if (read.ok) expect(() => serializeProject(read.project)).not.toThrow();
    const functional = fixture('residual.keras3.json');
    const entry = (functional['config'] as { layers: Record<string, unknown>[] }).layers[2]!;
    entry['name'] = '';
    (entry['config'] as Record<string, unknown>)['name'] = '';
    const refused = readModelFile(JSON.stringify(functional), 'model.json');
    expect(!refused.ok && fileProblemText('en', refused.error)).toBe(
      'model.json: Layer 3 of this functional model has no name, and its connections go by name — give it one in the file.',
    );
  });
});
