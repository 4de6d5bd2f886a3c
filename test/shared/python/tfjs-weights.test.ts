import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_WEIGHTS_FUNCTION, TFJS_WEIGHTS_READER } from '../../../src-shared/python/tfjs-weights';
import { hasNumpy, PYTHON } from '../support/python';

interface Spec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
}

/** Runs the reader on `folder` and returns {name: [shape, hex of the little-endian bytes]}, or the error Python raised. */
function read(folder: string): { ok: true; weights: Record<string, [number[], string]> } | { ok: false; error: string } {
  const program = [
    'import json, sys',
    TFJS_WEIGHTS_READER,
    'try:',
    `    weights = ${READ_WEIGHTS_FUNCTION}(sys.argv[1])`,
    'except ValueError as e:',
    "    print(json.dumps({'error': str(e)}))",
    '    sys.exit(0)',
    "print(json.dumps({name: [list(a.shape), a.astype(a.dtype.newbyteorder('<')).tobytes().hex()] for name, a in weights.items()}))",
  ].join('\n');
  const run = spawnSync(PYTHON, ['-c', program, folder], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const answer = JSON.parse(run.stdout) as { error?: string } & Record<string, [number[], string]>;
  return typeof answer.error === 'string' ? { ok: false, error: answer.error } : { ok: true, weights: answer };
}

/** The little-endian bytes of values in a dtype, as hex. */
function hex(values: readonly number[], dtype: Spec['dtype']): string {
  const array = dtype === 'float32' ? new Float32Array(values) : new Int32Array(values);
  return Buffer.from(array.buffer).toString('hex');
}

/** Writes model.json with the groups and each group's buffer cut into shards at `cuts` (byte offsets). */
function folderWith(groups: { specs: Spec[]; values: number[][]; cuts: number[]; stem: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'convas-tfjs-weights-'));
  const manifest = groups.map(({ specs, values, cuts, stem }) => {
    const buffer = Buffer.concat(values.map((v, i) => Buffer.from(hex(v, specs[i]!.dtype), 'hex')));
    const bounds = [0, ...cuts, buffer.length];
    const paths = bounds.slice(1).map((end, i) => {
      const path = `${stem}-shard${i + 1}of${bounds.length - 1}.bin`;
      writeFileSync(join(dir, path), buffer.subarray(bounds[i], end));
      return path;
    });
    return { paths, weights: specs };
  });
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ format: 'layers-model', modelTopology: {}, weightsManifest: manifest }));
  return dir;
}

const conv: Spec = { name: 'conv2d/kernel', shape: [2, 2, 1, 2], dtype: 'float32' };
const bias: Spec = { name: 'conv2d/bias', shape: [2], dtype: 'float32' };
const steps: Spec = { name: 'counter/steps', shape: [3], dtype: 'int32' };
const gamma: Spec = { name: 'batch_normalization/gamma', shape: [2], dtype: 'float32' };
const kernelValues = [0.1, -2.5, 3e-8, 1e30, -0, 7, 0.333, -1.75];

describe.skipIf(!hasNumpy)('the shared NumPy reader of TensorFlow.js weights', () => {
  it('joins a group split into shards, even inside one weight, and reads several groups with their dtypes', () => {
    const dir = folderWith([
      // The cut at byte 10 falls inside the kernel's third value.
      { specs: [conv, bias], values: [kernelValues, [0.5, -0.5]], cuts: [10, 32], stem: 'group1' },
      {
        specs: [steps, gamma],
        values: [
          [1, -2, 2147483647],
          [1.5, Math.PI],
        ],
        cuts: [],
        stem: 'group2',
      },
    ]);
    const result = read(dir);
    expect(result).toEqual({
      ok: true,
      weights: {
        'conv2d/kernel': [[2, 2, 1, 2], hex(kernelValues, 'float32')],
        'conv2d/bias': [[2], hex([0.5, -0.5], 'float32')],
        'counter/steps': [[3], hex([1, -2, 2147483647], 'int32')],
        'batch_normalization/gamma': [[2], hex([1.5, Math.PI], 'float32')],
      },
    });
  });

  it('raises when the weight files end before the manifest says', () => {
    const dir = folderWith([{ specs: [conv, bias], values: [kernelValues, [0.5]], cuts: [], stem: 'short' }]);
    expect(read(dir)).toEqual({ ok: false, error: 'conv2d/bias: the weight files end before this weight does' });
  });

  it('refuses quantized weights rather than read them as floats', () => {
    const dir = folderWith([
      { specs: [{ ...bias, quantization: { dtype: 'uint8', min: 0, scale: 1 } } as Spec], values: [[0.5, 0.5]], cuts: [], stem: 'q' },
    ]);
    expect(read(dir)).toEqual({ ok: false, error: 'conv2d/bias: quantized weights are not supported' });
  });
});
