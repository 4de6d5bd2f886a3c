import { execFileSync, spawnSync } from 'node:child_process';
import { projectProblemText } from '../../../src-shared/i18n/file-text';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPythonScript } from '../../../src-shared/python/generate';
import { parseProject } from '../../../src-shared/project/io';
import { toNetwork } from '../../../src-shared/graph/network';

function script(template: string, training: Record<string, unknown> = {}): string {
  const parsed = parseProject(readFileSync(new URL(`../../../assets/templates/${template}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
  const seq = toNetwork(parsed.project.graph);
  if (!seq.ok) throw new Error('invalid');
  return toPythonScript(seq.model, { ...parsed.project.training, ...training });
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('Python export', () => {
  it('writes the lecture network the way the lecture writes it', () => {
    const py = script('lecture-cnn.convas.json');
    expect(py).toContain("model.add(Conv2D(10, (3, 3), padding='same', activation='relu', name='conv2d'))");
    expect(py).toContain("model.add(MaxPooling2D((2, 2), name='max_pooling2d'))");
    expect(py).toContain("model.add(Dense(10, activation='softmax', name='dense_1'))");
    expect(py).toContain('tf.keras.optimizers.Adam(learning_rate=0.001)');
    expect(py).toContain('from_logits=False');
    expect(py).toContain('validation_data=(x_val, y_val_encoded)');
    expect(py).toContain("plt.legend(['train_loss', 'val_loss'])");
  });

  it("pads 28×28 images to LeNet-5's 32×32 input", () => {
    expect(script('lenet-5.convas.json')).toContain('np.pad(x, ((0, 0), (2, 2), (2, 2), (0, 0)))');
  });

  it('follows the training settings', () => {
    const py = script('lecture-cnn.convas.json', { optimizer: 'momentum', learningRate: 0.01, epochs: 3, batchSize: 64, dataset: 'mnist' });
    expect(py).toContain('SGD(learning_rate=0.01, momentum=0.9)');
    expect(py).toContain('epochs=3');
    expect(py).toContain('batch_size=64');
    expect(py).toContain('tf.keras.datasets.mnist.load_data()');
  });

  it.skipIf(!hasPython).each(['lecture-cnn', 'lecture-cnn-dropout', 'lenet-5', 'tensorflow-tutorial-cnn'])(
    '%s compiles as Python',
    (name) => {
      const dir = mkdtempSync(join(tmpdir(), 'convas-py-'));
      const file = join(dir, `${name}.py`);
      writeFileSync(file, script(`${name}.convas.json`));
      expect(() => execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' })).not.toThrow();
    },
  );
  it.skipIf(!hasPython)('compiles when names from a file hold quotes, backslashes, newlines and control characters', () => {
    const parsed = parseProject(readFileSync(new URL('../../../assets/templates/lecture-cnn.convas.json', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error('template');
    const hostile = `a'b"c\\N{x}\n""" \r\t\u0000\u2028end\\`;
    const nodes = parsed.project.graph.nodes.map((n) => (n.name === 'dense' ? { ...n, name: hostile } : n));
    const seq = toNetwork({ ...parsed.project.graph, nodes }, hostile);
    if (!seq.ok) throw new Error('invalid');
    const file = join(mkdtempSync(join(tmpdir(), 'convas-py-')), 'hostile.py');
    writeFileSync(file, toPythonScript(seq.model, parsed.project.training, hostile));
    expect(() => execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' })).not.toThrow();
  });
});
