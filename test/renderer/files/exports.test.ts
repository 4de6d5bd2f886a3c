import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kerasFile, pythonFile, tfjsFile } from '../../../src-renderer/files/exports';
import { readModelFile } from '../../../src-shared/format/model-file';
import { parseProject } from '../../../src-shared/project/io';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { summarize } from '../../../src-shared/summary/summary';
import type { Project } from '../../../src-shared/project/schema';

/** A project as Convas opens a file. */
function open(text: string, file: string): Project {
  const read = readModelFile(text, file);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.project;
}

const functional = () => ({
  ...open(readFileSync(new URL('../../fixtures/keras/residual.keras3.json', import.meta.url), 'utf8'), 'm.json'),
  name: 'Residual block',
});
const chain = () => {
  const parsed = parseProject(readFileSync(new URL('../../../assets/templates/lecture-cnn.convas.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('template');
  return parsed.project;
};

describe('the export menu’s files', () => {
  it.each([
    ['a functional project', functional, 'Functional', 'Model', 'tf.keras.Model(inputs=input_layer, outputs=dense'],
    ['a chain', chain, 'Sequential', 'Sequential', 'model = tf.keras.Sequential('],
  ] as const)(
    '%s: Keras JSON, model.json and Python in the form that fits, opening again as the same network',
    (_, project, keras, tfjs, python) => {
      const p = project();
      const summary = summarize(analyzeGraph(p.graph));
      const files = [kerasFile(p), tfjsFile(p), pythonFile(p)].map((r) => {
        if (!r.ok) throw new Error(`${r.problems} problems`);
        return r.file;
      });
      const [k, t, py] = files as [(typeof files)[0], (typeof files)[0], (typeof files)[0]];
      expect(JSON.parse(k.text)['class_name']).toBe(keras);
      expect(JSON.parse(t.text)['modelTopology']['class_name']).toBe(tfjs);
      expect(py.text).toContain(python);
      for (const f of [k, t]) {
        const again = summarize(analyzeGraph(open(f.text, f.name).graph));
        expect({ ...again, modelName: summary!.modelName }).toEqual(summary);
      }
    },
  );
});

describe('the export menu’s distributed Python scripts', () => {
  it('name the distribution in the file and spread training as chosen', () => {
    const files = (['none', 'mirrored', 'multi-worker'] as const).map((d) => {
      const r = pythonFile(chain(), d);
      if (!r.ok) throw new Error(`${r.problems} problems`);
      return r.file;
    });
    expect(files.map((f) => f.name)).toEqual(['lecture_cnn.py', 'lecture_cnn_mirrored.py', 'lecture_cnn_multi_worker.py']);
    expect(files[0]!.text).not.toContain('tf.distribute');
    expect(files[1]!.text).toContain('strategy = tf.distribute.MirroredStrategy()');
    expect(files[2]!.text).toContain('strategy = tf.distribute.MultiWorkerMirroredStrategy()');
    for (const f of files.slice(1)) expect(f.text).toContain('TRAIN_AFTER_LOADING = False');
  });
});
