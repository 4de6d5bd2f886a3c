import { describe, expect, it } from 'vitest';
import { cifarCnn, runBench } from '../../../src-main/engine/bench';

describe('bench', { timeout: 120_000 }, () => {
  it('trains the CIFAR-10 tutorial CNN on 32×32×3 stroke images and reports each measurement by network', async () => {
    const model = cifarCnn(1);
    expect(model.inputs[0]!.shape).toEqual([null, 32, 32, 3]);
    expect(model.countParams()).toBe(122_570);
    model.dispose();
    const results = [];
    for await (const r of runBench({
      backends: ['wasm'],
      batchSizes: [8],
      seconds: 0.01,
      minSteps: 1,
      models: ['cifar-cnn', 'lecture-cnn'],
    })) {
      results.push(r);
    }
    expect(results.map((r) => [r.model, r.backend, r.batchSize])).toEqual([
      ['cifar-cnn', 'wasm', 8],
      ['lecture-cnn', 'wasm', 8],
    ]);
    for (const r of results) {
      expect(r.steps).toBeGreaterThanOrEqual(1);
      expect(r.samplesPerSec).toBeGreaterThan(0);
    }
  });
});
