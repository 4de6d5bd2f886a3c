import { execFileSync, spawnSync } from 'node:child_process';
import { projectProblemText } from '../../../src-shared/i18n/file-text';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPythonScript } from '../../../src-shared/python/generate';
import { parseProject } from '../../../src-shared/project/io';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../../src-shared/graph/network';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import { FUNCTIONAL_GRAPHS, RESIDUAL } from '../support/functional-graphs';

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

/** The network of constructed layers. */
function functional(layers: readonly RawLayer[]): Network {
  const net = toNetwork(graphFromLayers(layers));
  if (!net.ok) throw new Error(JSON.stringify(net.issues));
  return net.model;
}

/** RESIDUAL with names a Python variable cannot simply take: keywords, the script's own names, other scripts, punctuation. */
const HOSTILE_NAMES: Record<string, string> = {
  input_layer: 'Conv2D',
  conv2d: 'model',
  conv2d_1: 'x_train',
  conv2d_2: '합성곱 1',
  conv2d_3: '1x1',
  add: 'a-b',
  activation: 'a b',
  global_average_pooling2d: '!!!',
  dense: 'class',
};
const renamed = RESIDUAL.map((l) => ({
  ...l,
  name: HOSTILE_NAMES[l.name!]!,
  ...(l.inbound ? { inbound: l.inbound.map((n) => HOSTILE_NAMES[n]!) } : {}),
}));

/**
 * Runs the model-building lines of a script against stand-ins for Input, the layer classes and
 * tf.keras.Model that record each call, and returns [name, class, input names] per layer and the Model call.
 */
function wiring(script: string): unknown[] {
  const start = script.indexOf('y_test_encoded = tf.keras.utils.to_categorical(y_test, 10)\n\n');
  const end = script.indexOf('\nmodel.summary()');
  const block = script.slice(script.indexOf('\n\n', start) + 2, end + 1);
  const classes = /^from tensorflow\.keras\.layers import (.*)$/m.exec(script)![1]!.split(', ');
  const dir = mkdtempSync(join(tmpdir(), 'convas-py-'));
  writeFileSync(join(dir, 'block.py'), block);
  writeFileSync(
    join(dir, 'run.py'),
    [
      'import json, sys',
      'calls = []',
      'class T:',
      '    def __init__(self, name): self.name = name',
      'class L:',
      '    def __init__(self, *args, name=None, **kwargs): self.name = name',
      '    def __call__(self, x):',
      '        calls.append([self.name, type(self).__name__, [t.name for t in (x if isinstance(x, list) else [x])]])',
      '        return T(self.name)',
      'def Input(shape, name=None):',
      "    calls.append([name, 'InputLayer', []])",
      '    return T(name)',
      'class keras:',
      '    @staticmethod',
      "    def Model(inputs, outputs, name): calls.append(['Model', name, inputs.name, outputs.name])",
      'class tf:',
      '    keras = keras',
      `for c in ${JSON.stringify(classes)}: globals()[c] = type(c, (L,), {})`,
      "exec(open(sys.argv[1], encoding='utf-8').read())",
      'print(json.dumps(calls))',
    ].join('\n'),
  );
  return JSON.parse(execFileSync('python3', [join(dir, 'run.py'), join(dir, 'block.py')], { encoding: 'utf8' })) as unknown[];
}

describe('Python export of functional networks', () => {
  it('builds a network that is not a chain with the functional API, one variable per layer named after it', () => {
    const py = toPythonScript(functional(RESIDUAL), defaultTrainingSettings());
    expect(py).not.toContain('model.add(');
    expect(py).toContain('from tensorflow.keras.layers import Conv2D, Add, Activation, GlobalAveragePooling2D, Dense');
    expect(py).toContain("input_layer = Input(shape=(28, 28, 1), name='input_layer')");
    expect(py).toContain("conv2d_3 = Conv2D(16, (1, 1), strides=(2, 2), name='conv2d_3')(conv2d)");
    expect(py).toContain("add = Add(name='add')([conv2d_2, conv2d_3])");
    expect(py).toContain("model = tf.keras.Model(inputs=input_layer, outputs=dense, name='functional')\nmodel.summary()");
  });

  it.skipIf(!hasPython).each(Object.keys(FUNCTIONAL_GRAPHS) as (keyof typeof FUNCTIONAL_GRAPHS)[])(
    '%s compiles as Python and calls each layer on its inputs in port order',
    (name) => {
      const model = functional(FUNCTIONAL_GRAPHS[name]);
      const py = toPythonScript(model, defaultTrainingSettings());
      const file = join(mkdtempSync(join(tmpdir(), 'convas-py-')), `${name}.py`);
      writeFileSync(file, py);
      expect(() => execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' })).not.toThrow();
      expect(wiring(py)).toEqual([
        [model.input.name, 'InputLayer', []],
        ...model.layers.map((l) => [l.name, l.kind, l.inbound]),
        ['Model', model.name, model.input.name, model.layers.at(-1)!.name],
      ]);
    },
  );

  it.skipIf(!hasPython)('gives layers whose names Python cannot take distinct variables that keep the wiring', () => {
    const model = functional(renamed);
    const py = toPythonScript(model, defaultTrainingSettings());
    for (const line of [
      "Conv2D_2 = Input(shape=(28, 28, 1), name='Conv2D')",
      "model_2 = Conv2D(16, (3, 3), padding='same', activation='relu', name='model')(Conv2D_2)",
      "x_train_2 = Conv2D(16, (3, 3), strides=(2, 2), padding='same', activation='relu', name='x_train')(model_2)",
      "합성곱_1 = Conv2D(16, (3, 3), padding='same', name='합성곱 1')(x_train_2)",
      "layer_1x1 = Conv2D(16, (1, 1), strides=(2, 2), name='1x1')(model_2)",
      "a_b = Add(name='a-b')([합성곱_1, layer_1x1])",
      "a_b_2 = Activation('relu', name='a b')(a_b)",
      "global_average_pooling2d = GlobalAveragePooling2D(name='!!!')(a_b_2)",
      "class_2 = Dense(10, activation='softmax', name='class')(global_average_pooling2d)",
    ])
      expect(py).toContain(line);
    expect(wiring(py)).toEqual([
      ['Conv2D', 'InputLayer', []],
      ...model.layers.map((l) => [l.name, l.kind, l.inbound]),
      ['Model', 'functional', 'Conv2D', 'class'],
    ]);
  });
});
