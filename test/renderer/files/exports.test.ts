import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kerasFile, pythonFile, pytorchFile, tfjsFile } from '../../../src-renderer/files/exports';
import { pytorchProblemText } from '../../../src-shared/i18n/pytorch-text';
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

describe('the export menu’s PyTorch module', () => {
  it('writes the design as a torch.nn.Module named after the project, one variable per layer for a functional one', () => {
    const r = pytorchFile(functional());
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.file.name).toBe('residual_block_pytorch.py');
    expect(r.file.mime).toBe('text/x-python');
    expect(r.file.text).toContain('class ConvasModel(nn.Module):');
    expect(r.file.text).toContain('add = conv2d_2 + conv2d_3');
  });

  it('refuses a transposed convolution with output_padding, in words of each language', () => {
    const p = chain();
    const graph = {
      ...p.graph,
      nodes: p.graph.nodes.map((n) =>
        n.kind === 'Conv2D'
          ? {
              ...n,
              kind: 'Conv2DTranspose' as const,
              params: { filters: 10, kernel_size: 3, strides: 2, padding: 'same', output_padding: 1 },
            }
          : n,
      ),
    };
    const r = pytorchFile({ ...p, graph });
    if (r.ok || !('refused' in r)) throw new Error('expected a refusal');
    expect(r.refused).toEqual({ code: 'transpose-output-padding', values: { layer: 'conv2d' } });
    expect(pytorchProblemText('en', r.refused)).toContain("Layer 'conv2d'");
    expect(pytorchProblemText('ko', r.refused)).toContain("'conv2d' 층");
  });
});
