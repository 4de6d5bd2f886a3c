import { describe, expect, it } from 'vitest';
import { graphFromLayers } from '../../../src-shared/graph/network';
import { blockedReason, trainabilityOf } from '../../../src-renderer/training/trainability';
import { trainingTranslator } from '../../../src-renderer/training/strings';
import { DEFAULT_MEMORY_BUDGET_BYTES } from '../../../src-shared/training/memory-budget';
import { ABSURD, lectureLayers } from '../../shared/training/absurd-networks';

describe('whether the network on the canvas can train, before Train is pressed', () => {
  it('refuses a valid network whose output is (None, 28, 28, 100), saying it is the output shape', () => {
    const graph = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
      { kind: 'Dense', params: { units: 100, activation: 'relu' } },
    ]);
    expect(trainabilityOf(graph)).toEqual({
      ok: false,
      kind: 'incompatible',
      problem: { code: 'wrong-output', values: { node: 'dense', classes: 10, shape: '(None, 28, 28, 100)' } },
    });
  });

  it('accepts a network ending in Dense(10) after Flatten, and counts the problems of an invalid one', () => {
    const ok = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]);
    expect(trainabilityOf(ok)).toEqual({ ok: true });
    const invalid = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
      { kind: 'Conv2D', params: { filters: 0, kernel_size: [3, 3] } },
    ]);
    expect(trainabilityOf(invalid)).toMatchObject({ ok: false, kind: 'invalid', problems: 1 });
  });

  it('judges a colour network by the dataset: pictures take any Input of 1 or 3 channels and any class count, IDX files do not', () => {
    const colour = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [32, 32, 3] } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 5, activation: 'softmax' } },
    ]);
    expect(trainabilityOf(colour, undefined, 'images')).toEqual({ ok: true });
    expect(trainabilityOf(colour, undefined, 'cifar10')).toEqual({ ok: true });
    expect(trainabilityOf(colour, undefined, 'sample')).toMatchObject({
      ok: false,
      kind: 'incompatible',
      problem: { code: 'wrong-output' },
    });
    const flat = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [784] } },
      { kind: 'Dense', params: { units: 10 } },
    ]);
    expect(trainabilityOf(flat, undefined, 'images')).toMatchObject({ ok: false, problem: { code: 'image-input' } });
    expect(trainabilityOf(flat, undefined, 'mnist')).toEqual({ ok: true });
  });

  it('is the same object for the same graph (memoised per structural change)', () => {
    const graph = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [784] } },
      { kind: 'Dense', params: { units: 10 } },
    ]);
    expect(trainabilityOf(graph)).toBe(trainabilityOf(graph));
  });

  it('blocks Train for a network above the engine’s memory budget, naming the largest layer and the estimate in both languages', () => {
    const limits = { settings: { optimizer: 'adam', batchSize: 32 }, budgetBytes: 6 * 2 ** 30 } as const;
    const huge = trainabilityOf(ABSURD['Dense with 1e6 units']!, limits);
    expect(huge).toMatchObject({
      ok: false,
      kind: 'too-large',
      problem: { code: 'memory-budget', values: { node: 'dense', cause: 'weights' } },
    });
    expect(blockedReason(trainingTranslator('en'), 'en', huge)).toBe(
      'dense: 1,961,000,000 parameters — training needs about 30 GB with Adam (batch 32); this computer allows 6 GB. Use fewer units or filters, or pool first.',
    );
    expect(blockedReason(trainingTranslator('ko'), 'ko', huge)).toBe(
      'dense: 파라미터 1,961,000,000개 — Adam(배치 32)로 훈련하려면 약 30 GB가 필요하지만 이 컴퓨터에서는 6 GB까지 쓸 수 있습니다. 유닛이나 필터 수를 줄이거나 먼저 풀링하세요.',
    );
    // A 100000×100000 input is blocked even by the default budget.
    const wide = trainabilityOf(ABSURD['a 100000×100000 input']!, { ...limits, budgetBytes: DEFAULT_MEMORY_BUDGET_BYTES });
    expect(wide).toMatchObject({ kind: 'too-large' });
    // The lecture CNN fits the conservative default the panel uses before the engine says its budget.
    const lecture = graphFromLayers(lectureLayers());
    expect(trainabilityOf(lecture, { ...limits, budgetBytes: DEFAULT_MEMORY_BUDGET_BYTES })).toEqual({ ok: true });
    expect(blockedReason(trainingTranslator('en'), 'en', trainabilityOf(lecture, limits))).toBeNull();
  });
});
