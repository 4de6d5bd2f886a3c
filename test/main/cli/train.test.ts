import { existsSync, mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, npmCli, ROOT } from './run-cli';

// Real training in a child process: minutes, not seconds, on a loaded 2-core machine.
describe('cli train', { timeout: 600_000 }, () => {
  // Through `npm run -s cli` as the README says: the bundled CLI forks the bundled engine.
  it('trains in the engine process, prints one protocol event per line ending with finished, and writes the model', async () => {
    const out = mkdtempSync(join(tmpdir(), 'convas-train-'));
    const r = npmCli(
      [
        'train',
        join(ROOT, 'assets/templates/lecture-cnn-dropout.convas.json'),
        '--dataset',
        'sample',
        '--epochs',
        '2',
        '--batch-size',
        '64',
        '--backend',
        'wasm',
        '--seed',
        '3',
        '--out',
        out,
        '--json',
      ],
      600_000,
    );
    expect(r.status, r.stderr).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.every((e) => typeof e['type'] === 'string')).toBe(true);
    expect(events[0]).toMatchObject({ type: 'ready', backend: 'wasm' });
    // From the command line a run takes every core: the bundled engine starts the bundled workers.
    const batches = events.filter((e) => e['type'] === 'batch');
    expect(batches.length).toBeGreaterThan(0);
    for (const b of batches) expect(b['threads']).toBe(availableParallelism());
    const epochs = events.filter((e) => e['type'] === 'epoch');
    expect(epochs).toHaveLength(2);
    for (const e of epochs) for (const key of ['epoch', 'loss', 'accuracy', 'valLoss', 'valAccuracy']) expect(typeof e[key]).toBe('number');
    const last = events[events.length - 1]!;
    expect(last['type']).toBe('finished');
    expect(last['testCount']).toBe(1000);
    expect(last['testAccuracy'] as number).toBeGreaterThan(0.5);
    for (const f of ['model.json', 'weights.bin', 'model.keras.json', 'model_pytorch.py', 'model.onnx'])
      expect(existsSync(join(out, f))).toBe(true);
    // The exported Keras JSON is itself a model file Convas reads.
    const summary = await cli(['summary', join(out, 'model.keras.json'), '--json']);
    expect(JSON.parse(summary.stdout).totalParams).toBe(197210);
  });

  it('rejects bad settings before starting the engine', async () => {
    const r = await cli(['train', join(ROOT, 'assets/templates/lecture-cnn.convas.json'), '--optimizer', 'lbfgs']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/optimizer/);
    const threads = await cli(['train', join(ROOT, 'assets/templates/lecture-cnn.convas.json'), '--threads', '0']);
    expect(threads.status).toBe(2);
    expect(threads.stderr).toMatch(/--threads must be a whole number from 1 to 64/);
  });

  it('says clearly when a dataset directory has no IDX files', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'convas-empty-'));
    const r = await cli([
      'train',
      join(ROOT, 'assets/templates/lecture-cnn.convas.json'),
      '--dataset',
      'directory',
      '--data-dir',
      empty,
      '--backend',
      'cpu',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/train-images-idx3-ubyte/);
  });
});
