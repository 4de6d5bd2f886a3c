import { describe, expect, it } from 'vitest';
import { normalizationSchema } from '../../../src-shared/training/normalization';
import { trainedDatasetSchema } from '../../../src-shared/training/trained-dataset';
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

  it('is what convas-dataset.json says of a trained model', () => {
    const file = {
      format: 1,
      dataset: 'images',
      classNames: ['cat', 'dog'],
      classNamesWorded: false,
      image: { height: 32, width: 32, channels: 3 },
      resize: 'fill',
      adapter: { kind: 'resized', height: 32, width: 32, channels: 3, shape: [32, 32, 3] },
      normalization: { kind: 'standardize', mean: [0.49, 0.48, 0.45], std: [0.25, 0.24, 0.26] },
      outputIsProbability: true,
    };
    expect(trainedDatasetSchema.parse(file)).toEqual(file);
    expect(trainedDatasetSchema.safeParse({ ...file, normalization: { kind: 'standardize', mean: [0.5], std: [0.2, 0.2] } }).success).toBe(
      false,
    );
  });
});
