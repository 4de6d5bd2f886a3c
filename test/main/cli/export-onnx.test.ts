// `export <file> --to onnx -o model.onnx`: a design with the initial weights training would start
// from (the project's seed), read and run by onnxruntime; a layer ONNX cannot hold exactly is refused.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src-shared/project/io';
import { toNetwork } from '../../../src-shared/graph/network';
import { compileModel } from '../../../src-main/engine/model/compile';
import { cli, ROOT } from './run-cli';
import { runOnnx } from '../support/onnx-runtime';

const LECTURE = join(ROOT, 'assets/templates/lecture-cnn.convas.json');

describe('cli export --to onnx', () => {
  it('writes the design with its seeded initial weights, which onnxruntime runs as the engine does', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'convas-onnx-cli-')), 'model.onnx');
    const r = await cli(['export', LECTURE, '--to', 'onnx', '-o', path]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`wrote ${path}\n`);

    const read = parseProject(readFileSync(LECTURE, 'utf8'));
    if (!read.ok) throw new Error('template does not read');
    const network = toNetwork(read.project.graph);
    if (!network.ok) throw new Error('invalid template');
    const model = compileModel(network.model, read.project.training.seed);
    const x = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 2);
    const want = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    const got = await runOnnx(new Uint8Array(readFileSync(path)), x.dataSync() as Float32Array, [4, 28, 28, 1]);
    model.dispose();
    expect(got.dims).toEqual([4, 10]);
    for (let i = 0; i < want.length; i++) expect(Math.abs(want[i]! - got.data[i]!)).toBeLessThanOrEqual(1e-4);
  });

  it('exits 1 with the reason for a layer it cannot write exactly', async () => {
    const project = JSON.parse(readFileSync(LECTURE, 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'convas-onnx-cli-'));
    project.graph.nodes.push({ id: 'relu', kind: 'ReLU', name: 're_lu', params: { threshold: 0.5 }, position: { x: 0, y: 900 } });
    const last = project.graph.nodes.at(-2).id;
    project.graph.edges.push({ id: 'e-relu', source: last, target: 'relu' });
    const file = join(dir, 'relu.convas.json');
    writeFileSync(file, JSON.stringify(project));
    const r = await cli(['export', file, '--to', 'onnx', '-o', join(dir, 'model.onnx')]);
    expect(r.stderr).toContain('re_lu: these ReLU settings');
    expect(r.status).toBe(1);
  });

  it('lists onnx among the targets', async () => {
    const r = await cli(['export', LECTURE, '--to', 'tflite', '-o', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('keras-json, tfjs-topology, python, project, pytorch, onnx');
  });
});
