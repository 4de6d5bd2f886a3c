import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphFromLayers, toNetwork, type Network } from '../../../src-shared/graph/network';
import { parseProject } from '../../../src-shared/project/io';
import type { Project } from '../../../src-shared/project/schema';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import { DISTRIBUTIONS, isDistribution } from '../../../src-shared/python/keras-distribution';
import { toPythonScript, type PythonScriptOptions } from '../../../src-shared/python/generate';
import { FUNCTIONAL_GRAPHS, RESIDUAL } from '../support/functional-graphs';
import { hasPython, PYTHON } from '../support/python';

const TEMPLATES = new URL('../../../assets/templates/', import.meta.url);

/** Every template, parsed, with its network. */
const templates = readdirSync(TEMPLATES)
  .filter((f) => f.endsWith('.convas.json'))
  .map((file) => {
    const parsed = parseProject(readFileSync(new URL(file, TEMPLATES), 'utf8'));
    if (!parsed.ok) throw new Error(file);
    const net = toNetwork(parsed.project.graph);
    if (!net.ok) throw new Error(file);
    return { file, project: parsed.project, model: net.model };
  });

function lecture(): { project: Project; model: Network } {
  return templates.find((t) => t.file === 'lecture-cnn.convas.json')!;
}

/** Every script variant a design can be written as: each distribution, and the single-machine one that loads weights. */
const VARIANTS: readonly PythonScriptOptions[] = [
  ...DISTRIBUTIONS.map((distribution) => ({ distribution })),
  { distribution: 'none', trainedWeights: true },
];

describe('Keras scripts that spread training', () => {
  it('leave the design script as it was without options', () => {
    for (const { project, model } of templates) {
      const plain = toPythonScript(model, project.training, project.name);
      expect(toPythonScript(model, project.training, project.name, { distribution: 'none' })).toBe(plain);
      expect(plain).not.toMatch(/strategy|HERE|read_convas_weights|import os/);
    }
  });

  it('build and compile the model in MirroredStrategy’s scope with a global batch of per-replica batch × replicas', () => {
    const { project, model } = lecture();
    const py = toPythonScript(model, { ...project.training, batchSize: 64 }, project.name, { distribution: 'mirrored' });
    expect(py).toContain('strategy = tf.distribute.MirroredStrategy()\nPER_REPLICA_BATCH_SIZE = 64\n');
    expect(py).toContain('BATCH_SIZE = PER_REPLICA_BATCH_SIZE * strategy.num_replicas_in_sync');
    expect(py).toMatch(/# global batch = per-replica batch × replicas/);
    expect(py).toContain("with strategy.scope():\n    model = tf.keras.Sequential(name='sequential')\n");
    expect(py).toMatch(/\n {4}model\.compile\(\n {8}optimizer=/);
    expect(py).toContain('        batch_size=BATCH_SIZE,');
    // The strategy comes before anything else TensorFlow runs.
    expect(py.indexOf('strategy = tf.distribute')).toBeLessThan(py.indexOf('tf.keras.utils.set_random_seed'));
    expect(py).not.toContain('plt.show()');
    expect(py).not.toContain('MultiWorker');
  });

  it('drive MultiWorkerMirroredStrategy by TF_CONFIG, shard a tf.data dataset and keep the chief’s save only', () => {
    const { project, model } = lecture();
    const py = toPythonScript(model, project.training, project.name, { distribution: 'multi-worker' });
    expect(py).toContain('strategy = tf.distribute.MultiWorkerMirroredStrategy()');
    for (const index of [0, 1])
      expect(py).toContain(
        `#   export TF_CONFIG='{"cluster": {"worker": ["10.0.0.1:12345", "10.0.0.2:12345"]}, "task": {"type": "worker", "index": ${index}}}'`,
      );
    expect(py).toContain('options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA');
    expect(py).toContain('return dataset.with_options(options)');
    expect(py).toContain('distributed_dataset(x_train, y_train_encoded, train=True),');
    expect(py).toContain('steps_per_epoch=STEPS_PER_EPOCH,');
    expect(py).toContain('tf.keras.callbacks.BackupAndRestore(backup_dir=');
    expect(py).toContain("return task_type is None or task_type == 'chief' or (task_type == 'worker' and task_id == 0)");
    expect(py).toMatch(/if not is_chief\(\):\n {8}tf\.io\.gfile\.rmtree\(save_dir\)/);
    expect(py).toMatch(/if is_chief\(\):\n {8}plt\.plot/);
  });

  it('load trained weights beside the script and, unless told to train on, only evaluate them', () => {
    const { project, model } = lecture();
    const py = toPythonScript(model, project.training, project.name, { trainedWeights: true });
    expect(py).toContain('TRAIN_AFTER_LOADING = False');
    expect(py).toContain('def read_convas_weights(folder):');
    expect(py).toContain('def convas_weights_by_layer(folder, layer_names):');
    expect(py).toContain('            layer.set_weights(trained[layer.name])');
    expect(py).toContain('if weights_loaded and not TRAIN_AFTER_LOADING:\n    history = None\nelse:\n    history = model.fit(');
    expect(py).toContain('\nif history is not None:\n    plt.plot(');
    expect(py).toContain('plt.show()');
    expect(py).not.toContain('strategy');
  });

  it('keep the script’s own names away from layer variables', () => {
    const names: Record<string, string> = { conv2d: 'strategy', conv2d_1: 'HERE', conv2d_2: 'is_chief', conv2d_3: 'weights_loaded' };
    const layers = RESIDUAL.map((l) => ({
      ...l,
      name: names[l.name!] ?? l.name!,
      ...(l.inbound ? { inbound: l.inbound.map((n) => names[n] ?? n) } : {}),
    }));
    const net = toNetwork(graphFromLayers(layers));
    if (!net.ok) throw new Error('invalid');
    const py = toPythonScript(net.model, defaultTrainingSettings(), undefined, { distribution: 'multi-worker' });
    expect(py).toContain("    strategy_2 = Conv2D(16, (3, 3), padding='same', activation='relu', name='strategy')(input_layer)");
    expect(py).toContain("name='HERE')(strategy_2)");
    expect(py).toMatch(/ HERE_2 = Conv2D/);
    expect(py).toMatch(/ is_chief_2 = Conv2D/);
    expect(py).toMatch(/ weights_loaded_2 = Conv2D/);
  });

  it('names its distributions for the command line and the menu', () => {
    expect(DISTRIBUTIONS).toEqual(['none', 'mirrored', 'multi-worker']);
    expect(isDistribution('mirrored')).toBe(true);
    expect(isDistribution('parameter-server')).toBe(false);
  });

  it.skipIf(!hasPython)('every variant of every template and functional network compiles as Python', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-py-variants-'));
    const networks = [
      ...templates.map(({ file, project, model }) => ({
        stem: file.replace('.convas.json', ''),
        model,
        training: project.training,
        title: project.name,
      })),
      ...Object.entries(FUNCTIONAL_GRAPHS).map(([stem, layers]) => {
        const net = toNetwork(graphFromLayers(layers));
        if (!net.ok) throw new Error(stem);
        return { stem, model: net.model, training: defaultTrainingSettings(), title: net.model.name };
      }),
    ];
    const files = networks.flatMap(({ stem, model, training, title }) =>
      VARIANTS.map((options) => {
        const file = join(dir, `${stem}-${options.distribution}${options.trainedWeights ? '-weights' : ''}.py`);
        writeFileSync(file, toPythonScript(model, training, title, options));
        return file;
      }),
    );
    expect(files).toHaveLength(networks.length * 4);
    // One interpreter for every file: py_compile exits non-zero on the first that does not compile.
    expect(() => execFileSync(PYTHON, ['-m', 'py_compile', ...files], { stdio: 'pipe' })).not.toThrow();
  });
});
