import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-shared/i18n/catalog';
import { LAYER_KIND_IDS } from '../../../src-shared/layers/types';
import { formatStartValue, startValues, startValuesText } from '../../../src-renderer/palette/start-values';

describe('what a layer from the palette starts with', () => {
  it('lists Conv2D’s 10 × 3×3, same, relu: no Keras default for filters and kernel_size, other defaults for padding and activation', () => {
    expect(startValues('Conv2D')).toEqual([
      { param: 'filters', value: 10, keras: { required: true } },
      { param: 'kernel_size', value: [3, 3], keras: { required: true } },
      { param: 'padding', value: 'same', keras: { required: false, value: 'valid' } },
      { param: 'activation', value: 'relu', keras: { required: false, value: 'linear' } },
    ]);
  });

  it('lists nothing where the layer starts with Keras’s defaults (2×2 pooling, Flatten)', () => {
    expect(startValues('MaxPooling2D')).toEqual([]);
    expect(startValues('Flatten')).toEqual([]);
  });

  it('says it in the palette’s tooltip, in English and Korean', () => {
    expect(startValuesText(translator('en', 'app'), 'Conv2D')).toBe(
      'Starts as filters 10, kernel_size 3×3, padding same, activation relu. Keras has no default for filters, kernel_size. ' +
        'Keras’s own defaults: padding valid, activation linear.',
    );
    expect(startValuesText(translator('en', 'app'), 'Dense')).toBe(
      'Starts as units 100, activation relu. Keras has no default for units. Keras’s own defaults: activation linear.',
    );
    expect(startValuesText(translator('en', 'app'), 'AveragePooling2D')).toBe('Starts with Keras’s defaults.');
    expect(startValuesText(translator('ko', 'app'), 'Conv2D')).toContain('filters 10, kernel_size 3×3');
  });

  it('has words for every layer kind', () => {
    for (const kind of LAYER_KIND_IDS) expect(startValuesText(translator('en', 'app'), kind)).toMatch(/^Starts /);
  });

  it('writes values as Keras code reads them', () => {
    expect(formatStartValue([28, 28, 1])).toBe('28×28×1');
    expect(formatStartValue(null)).toBe('None');
    expect(formatStartValue(0.5)).toBe('0.5');
  });
});
