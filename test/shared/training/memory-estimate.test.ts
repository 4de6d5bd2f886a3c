import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { graphFromLayers } from '../../../src-shared/graph/network';
import { issueText } from '../../../src-shared/i18n/issue-text';
import { memoryBudgetText } from '../../../src-shared/i18n/memory-text';
import type { Graph } from '../../../src-shared/graph/schema';
import { summarize } from '../../../src-shared/summary/summary';
import { checkMemory, memoryBudget, WASM_ADDRESSABLE_BYTES } from '../../../src-shared/training/memory-budget';
import { estimateTrainingMemory, OPTIMIZER_SLOTS, type MemorySettings } from '../../../src-shared/training/memory-estimate';
import { ABSURD, lectureLayers } from './absurd-networks';

function estimate(graph: Graph, settings: MemorySettings = { optimizer: 'adam', batchSize: 32 }) {
  const analysis = analyzeGraph(graph);
  const summary = summarize(analysis);
  if (!summary) throw new Error(analysis.issues.map((i) => issueText('en', i)).join('\n'));
  return estimateTrainingMemory(summary, settings);
}

const GiB = 2 ** 30;

describe('estimateTrainingMemory', () => {
  it('adds weights, gradients, two Adam slots and one batch of activations for the lecture CNN, to the byte', () => {
    const e = estimate(graphFromLayers(lectureLayers()));
    // Weights + gradients + Adam's m and v: 4 × 197,210 parameters × 4 bytes.
    expect(e.weightBytes + e.gradientBytes + e.optimizerBytes).toBe(4 * 197_210 * 4);
    // Outputs per sample: 28·28·10 + 14·14·10 + 1,960 + 100 + 10 = 11,870 floats; × 4 B × batch 32 × 2 (kept + gradient).
    expect(e.activationBytes).toBe(11_870 * 4 * 32 * 2);
    // The input batch: 28·28·1 floats × 4 B × 32.
    expect(e.inputBytes).toBe(784 * 4 * 32);
    expect(e.totalBytes).toBe(3_155_360 + 3_038_720 + 100_352);
    expect(e.totalParams).toBe(197_210);
    expect(e.exact).toBe(true);
    // dense: 196,100 × 16 B + 100 × 256 B = 3,163,200 B beats conv2d's 100 × 16 + 7,840 × 256 = 2,008,640 B.
    expect(e.largest).toMatchObject({ name: 'dense', params: 196_100, totalBytes: 3_163_200 });
    expect(e.layers.find((l) => l.name === 'conv2d')?.totalBytes).toBe(2_008_640);
  });

  it('counts the optimizer slots tfjs allocates: sgd 0, momentum 1, adam 2, rmsprop 2, adagrad 1', () => {
    expect(OPTIMIZER_SLOTS).toEqual({ sgd: 0, momentum: 1, adam: 2, rmsprop: 2, adagrad: 1 });
    const graph = graphFromLayers(lectureLayers());
    expect(estimate(graph, { optimizer: 'sgd', batchSize: 32 }).optimizerBytes).toBe(0);
    expect(estimate(graph, { optimizer: 'rmsprop', batchSize: 32 }).optimizerBytes).toBe(2 * 197_210 * 4);
    expect(estimate(graph, { optimizer: 'adagrad', batchSize: 1 }).activationBytes).toBe(11_870 * 4 * 2);
  });

  it('keeps non-trainable weights (batch-norm statistics) without gradients or optimizer state', () => {
    const e = estimate(
      graphFromLayers([
        { kind: 'InputLayer', params: { shape: [784] } },
        { kind: 'Dense', params: { units: 10 } },
        { kind: 'BatchNormalization', params: {} },
      ]),
    );
    const bn = e.layers[1]!;
    // gamma, beta trainable (20); moving mean and variance not (20).
    expect(bn).toMatchObject({ params: 40, weightBytes: 160, gradientBytes: 80, optimizerBytes: 160 });
  });

  it('puts each absurd network far past any budget, and marks figures past 2^53 as inexact', () => {
    const dense = estimate(ABSURD['Dense with 1e9 units']!);
    // dense: 1,960 × 1e9 + 1e9 = 1.961e12 parameters, × 16 B with Adam.
    expect(dense.largest).toMatchObject({ name: 'dense', params: 1_961_000_000_000 });
    expect(dense.totalBytes).toBeGreaterThan(1.961e12 * 16);
    expect(dense.exact).toBe(true);

    const conv = estimate(ABSURD['Conv2D with 1e12 filters']!);
    // 28·28·1e12 outputs per sample × 4 B × 32 × 2 = 2.0e17 B of activations, past 2^53; and the
    // dense after it takes 14·14·1e12 × 100 ≈ 1.96e16 parameters, which makes it the largest.
    expect(conv.activationBytes).toBeGreaterThan(2e17);
    expect(conv.largest).toMatchObject({ name: 'dense', params: 1.96e16 + 100 });
    expect(conv.exact).toBe(false);

    const input = estimate(ABSURD['a 100000×100000 input']!);
    // The input batch alone: 1e10 floats × 4 B × 32 = 1.28e12 B.
    expect(input.inputBytes).toBe(1.28e12);
    expect(input.largest?.name).toBe('dense');

    // Even a machine allowing 1 TiB refuses the three absurd ones; 1e6 units (≈ 30 GB) is refused by a 16 GiB one.
    for (const name of ['Dense with 1e9 units', 'Conv2D with 1e12 filters', 'a 100000×100000 input']) {
      expect(checkMemory(estimate(ABSURD[name]!), 1024 * GiB), name).toMatchObject({ code: 'memory-budget' });
    }
    expect(checkMemory(estimate(ABSURD['Dense with 1e6 units']!), 16 * GiB)).toMatchObject({ code: 'memory-budget' });
    expect(checkMemory(estimate(ABSURD['Dense with 1e6 units']!), 64 * GiB)).toBeUndefined();
  });

  it('words a refusal with the largest layer, approximate sizes, the optimizer and the budget, in both languages', () => {
    const problem = checkMemory(estimate(ABSURD['Dense with 1e6 units']!), 6 * GiB)!;
    expect(problem.values).toMatchObject({ node: 'dense', cause: 'weights', params: 1_961_000_000, optimizer: 'adam', batch: 32 });
    // (1,961,000,000 + 10,000,010 + 100) × 16 B + 1,011,770 floats × 4 B × 32 × 2 ≈ 31.8e9 B ≈ 29.6 GiB.
    expect(memoryBudgetText('en', problem.values)).toBe(
      'dense: 1,961,000,000 parameters — training needs about 30 GB with Adam (batch 32); this computer allows 6 GB. Use fewer units or filters, or pool first.',
    );
    expect(memoryBudgetText('ko', problem.values)).toMatch(
      /^dense: 파라미터 1,961,000,000개 — Adam\(배치 32\)로 훈련하려면 약 30 GB가 필요하지만 .* 6 GB까지/,
    );
    const conv = checkMemory(estimate(ABSURD['Conv2D with 1e12 filters']!), 6 * GiB)!;
    // 1.96e16 parameters is past 2^53: never printed digit by digit.
    expect(memoryBudgetText('en', conv.values)).toMatch(
      /^dense: ≈ 2\.0 × 10\^16 parameters — training needs about [\d.]+ (PB|EB) with Adam/,
    );
    expect(memoryBudgetText('en', conv.values)).not.toMatch(/19,600,000,000,000,100/);
  });

  it('lets the lecture CNN through on any machine and bounds wasm by its 4 GiB address space', () => {
    expect(checkMemory(estimate(graphFromLayers(lectureLayers())), 2 * GiB)).toBeUndefined();
    expect(memoryBudget(64 * GiB, 'wasm')).toBe(WASM_ADDRESSABLE_BYTES);
    expect(memoryBudget(64 * GiB, 'tensorflow')).toBe(Math.floor(64 * GiB * 0.6));
    expect(memoryBudget(4 * GiB, 'wasm')).toBe(Math.floor(4 * GiB * 0.6));
  });

  it('counts the dataset the engine holds in the input’s size once the image count is known, and blames the Input for it', () => {
    const graph = graphFromLayers([
      { kind: 'InputLayer', name: 'big_input', params: { shape: [1024, 1024, 1] } },
      { kind: 'AveragePooling2D', params: { pool_size: [32, 32] } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]);
    const analysis = analyzeGraph(graph);
    const summary = summarize(analysis)!;
    const before = estimateTrainingMemory(summary, { optimizer: 'adam', batchSize: 32 });
    expect(before.exampleBytes).toBe(0);
    expect(checkMemory(before, 4 * GiB)).toBeUndefined();
    // Fashion-MNIST: 60,000 + 10,000 images × 1,048,576 bytes = 73,400,320,000 B ≈ 68.4 GiB, plus the batch as float32.
    const after = estimateTrainingMemory(summary, { optimizer: 'adam', batchSize: 32 }, 70_000);
    expect(after.exampleBytes).toBe(73_400_320_000);
    expect(after.totalBytes).toBe(before.totalBytes + 73_400_320_000);
    const problem = checkMemory(after, 4 * GiB, 'big_input')!;
    expect(problem.values).toMatchObject({ node: 'big_input', cause: 'dataset', examples: 70_000 });
    expect(memoryBudgetText('en', problem.values)).toBe(
      'big_input: 70,000 images at this input size — training needs about 68 GB; this computer allows 4 GB. Use a smaller input: the dataset’s images are 28×28.',
    );
  });
});
