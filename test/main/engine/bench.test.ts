import { describe, expect, it } from 'vitest';
import { benchNetwork, runBench } from '../../../src-main/engine/bench';
import { cli } from '../cli/run-cli';

describe('bench', () => {
  it('builds its networks as the app would train them', () => {
    const lecture = benchNetwork('lecture');
    expect(lecture.input.shape).toEqual([28, 28, 1]);
    expect(lecture.layers.map((l) => l.kind)).toEqual(['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense', 'Dense']);
    const cifar = benchNetwork('cifar');
    expect(cifar.input.shape).toEqual([32, 32, 3]);
    expect(cifar.layers.map((l) => l.kind)).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense', 'Dense']);
  });

  it('measures each thread count it is given, on the trainer a run uses', async () => {
    const results = [];
    for await (const r of runBench({
      backends: ['wasm'],
      models: ['lecture'],
      batchSizes: [8],
      threads: [1, 2],
      seconds: 0.01,
      minSteps: 1,
    }))
      results.push(r);
    expect(results.map((r) => [r.model, r.batchSize, r.threads])).toEqual([
      ['lecture', 8, 1],
      ['lecture', 8, 2],
    ]);
    for (const r of results) expect(r.samplesPerSec).toBeGreaterThan(0);
  }, 60_000);

  it('prints one JSON line per measurement with the PyTorch-comparable fields', async () => {
    const r = await cli(['bench', '--json', '--backend', 'wasm', '--model', 'lecture', '--threads', '1', '--seconds', '0.01']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['model'], l['batchSize'], l['threads'], l['backend']])).toEqual([
      ['lecture', 32, 1, 'wasm'],
      ['lecture', 128, 1, 'wasm'],
    ]);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['backend', 'batchSize', 'model', 'samplesPerSec', 'threads']);
    const bad = await cli(['bench', '--model', 'resnet']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--model must be one of lecture, cifar/);
  }, 60_000);
});
