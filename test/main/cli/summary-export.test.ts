import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli';

const template = (name: string) => join(ROOT, 'assets/templates', `${name}.convas.json`);
const tmp = () => mkdtempSync(join(tmpdir(), 'convas-cli-'));

describe('cli summary', () => {
  it('prints exactly one JSON object with the Keras rows for --json', async () => {
    const r = await cli(['summary', template('lecture-cnn'), '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    // The first fields are the contract scripts rely on; later ones were added beside them.
    expect(Object.keys(doc).slice(0, 4)).toEqual(['layers', 'totalParams', 'trainableParams', 'nonTrainableParams']);
    expect(doc).toMatchObject({ functional: false, totalMacs: 70560 + 196000 + 1000 });
    expect(doc.layers[0]).toEqual({
      name: 'conv2d',
      type: 'Conv2D',
      outputShape: [null, 28, 28, 10],
      params: 100,
      trainableParams: 100,
      nonTrainableParams: 0,
      inbound: ['input_layer'],
      macs: 70560,
      memoryBytes: 31360,
    });
    expect(doc.layers).toHaveLength(5);
    expect(doc.totalParams).toBe(197210);
  });

  it('prints the Keras table as text', async () => {
    const r = await cli(['summary', template('tensorflow-tutorial-cnn')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Total params: 3,274,634');
    expect(r.stdout).toContain('dense (Dense)');
  });

  it('reads Keras JSON and tfjs model.json', async () => {
    for (const f of ['lecture-cnn.keras3.json', 'lecture-cnn.keras2.json', 'lecture-cnn.tfjs.model.json']) {
      const r = await cli(['summary', join(ROOT, 'test/fixtures/keras', f), '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).totalParams).toBe(197210);
    }
  });

  it('exits 1 and names the layer and the reason for an invalid graph', async () => {
    const project = JSON.parse(readFileSync(template('lecture-cnn'), 'utf8'));
    project.graph.nodes[0].params.shape = [4, 4, 1];
    project.graph.nodes[1].params.kernel_size = [5, 5];
    project.graph.nodes[1].params.padding = 'valid';
    const file = join(tmp(), 'bad.convas.json');
    writeFileSync(file, JSON.stringify(project));
    const r = await cli(['summary', file, '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      "conv2d: a 5×5 kernel does not fit its 4×4 input with padding 'valid' — use padding 'same' or a smaller kernel",
    );
  });

  it('exits 1 with a clear message for a missing or malformed file', async () => {
    const missing = await cli(['summary', '/nonexistent/x.json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const file = join(tmp(), 'broken.json');
    writeFileSync(file, '{"formatVersion": 2, ');
    const broken = await cli(['summary', file]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('not valid JSON');
  });

  it('exits 2 on a usage error', async () => {
    expect((await cli(['summary'])).status).toBe(2);
    expect((await cli(['frobnicate'])).status).toBe(2);
  });
});

describe('cli export', () => {
  it('exports every format and the exported model summarises the same', async () => {
    const dir = tmp();
    const keras = join(dir, 'model.keras.json');
    const tfjs = join(dir, 'model.json');
    const project = join(dir, 'copy.convas.json');
    const python = join(dir, 'model.py');
    for (const [to, out] of [
      ['keras-json', keras],
      ['tfjs-topology', tfjs],
      ['project', project],
      ['python', python],
    ] as const) {
      const r = await cli(['export', template('lenet-5'), '--to', to, '-o', out]);
      expect(r.status, r.stderr).toBe(0);
    }
    const original = JSON.parse((await cli(['summary', template('lenet-5'), '--json'])).stdout);
    expect(original.totalParams).toBe(61706);
    for (const f of [keras, tfjs, project]) expect(JSON.parse((await cli(['summary', f, '--json'])).stdout)).toEqual(original);
    expect(readFileSync(python, 'utf8')).toContain("model.add(Conv2D(6, (5, 5), activation='tanh', name='conv2d'))");
  });

  it('exports a functional model in the functional forms, which summarise the same', async () => {
    const source = join(ROOT, 'test/fixtures/keras/residual.keras3.json');
    const dir = tmp();
    const out = { 'keras-json': join(dir, 'model.keras.json'), 'tfjs-topology': join(dir, 'model.json'), python: join(dir, 'model.py') };
    for (const [to, file] of Object.entries(out)) {
      const r = await cli(['export', source, '--to', to, '-o', file]);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(JSON.parse(readFileSync(out['keras-json'], 'utf8'))).toMatchObject({ class_name: 'Functional' });
    expect(JSON.parse(readFileSync(out['tfjs-topology'], 'utf8'))).toMatchObject({ modelTopology: { class_name: 'Model' } });
    expect(readFileSync(out.python, 'utf8')).toContain("add = Add(name='add')([conv2d_2, conv2d_3])");
    const original = JSON.parse((await cli(['summary', source, '--json'])).stdout);
    expect(original).toMatchObject({ functional: true, totalParams: 5242 });
    for (const f of [out['keras-json'], out['tfjs-topology']])
      expect(JSON.parse((await cli(['summary', f, '--json'])).stdout)).toEqual(original);
  });

  it('rejects an unknown target', async () => {
    const r = await cli(['export', template('lenet-5'), '--to', 'tflite', '-o', join(tmp(), 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--to must be one of');
  });
});
