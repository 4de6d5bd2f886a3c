import { describe, expect, it } from 'vitest';
import { datasetFileSchema, normalizationSchema } from '../../../src-shared/training/normalization';
import { augments, trainingSettingsSchema } from '../../../src-shared/project/training';

describe('augmentation and normalisation settings', () => {
  it('are off and 0–1 by default, also for a project saved before they existed', () => {
    const old = trainingSettingsSchema.parse({ optimizer: 'sgd', epochs: 3 });
    expect(old.augmentation).toEqual({ flip: false, shift: 0, rotation: 0, brightness: 0, contrast: 0 });
    expect(old.normalization).toBe('unit');
    expect(augments(old.augmentation)).toBe(false);
    expect(augments({ ...old.augmentation, contrast: 0.1 })).toBe(true);
  });

  it('are bounded', () => {
    const bad = [{ shift: 17 }, { shift: 1.5 }, { shift: -1 }, { rotation: 46 }, { brightness: 1.5 }, { contrast: -0.1 }, { flip: 'yes' }];
    for (const augmentation of bad)
      expect(trainingSettingsSchema.safeParse({ augmentation }).success, JSON.stringify(augmentation)).toBe(false);
    expect(trainingSettingsSchema.safeParse({ augmentation: { shift: 16, rotation: 45, brightness: 1, contrast: 1 } }).success).toBe(true);
    expect(trainingSettingsSchema.safeParse({ normalization: 'zscore' }).success).toBe(false);
  });
});

describe('a stored normalisation', () => {
  it('has one finite mean and one positive std per channel', () => {
    expect(normalizationSchema.safeParse({ kind: 'unit' }).success).toBe(true);
    expect(normalizationSchema.safeParse({ kind: 'standardize', mean: [0.5, 0.4, 0.3], std: [0.2, 0.2, 0.25] }).success).toBe(true);
    expect(normalizationSchema.safeParse({ kind: 'standardize', mean: [0.5, 0.4], std: [0.2] }).success).toBe(false);
    expect(normalizationSchema.safeParse({ kind: 'standardize', mean: [0.5], std: [0] }).success).toBe(false);
    expect(normalizationSchema.safeParse({ kind: 'standardize', mean: [Infinity], std: [1] }).success).toBe(false);
    expect(normalizationSchema.safeParse({ kind: 'standardize', mean: [], std: [] }).success).toBe(false);
  });

  it('is read from convas-dataset.json, which keeps the fields other writers add', () => {
    const file = {
      format: 'convas-dataset',
      version: 1,
      inputShape: [32, 32, 3],
      classNames: ['cat', 'dog'],
      normalization: { kind: 'unit' },
      classCounts: { cat: 10, dog: 12 },
    };
    expect(datasetFileSchema.parse(file)).toEqual(file);
    expect(datasetFileSchema.safeParse({ ...file, version: 2 }).success).toBe(false);
    expect(datasetFileSchema.safeParse({ ...file, normalization: undefined }).success).toBe(false);
  });
});
