/** GlobalMaxPooling2D and GlobalAveragePooling2D: (h, w, c) → (c), no weights; Keras 3's keepdims=True is refused, not dropped. */
import { describe, expect, it } from 'vitest';
import { globalAveragePooling2d, globalMaxPooling2d } from '../../../src-shared/layers/global-pooling2d';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { describeText, formulaText } from '../../../src-shared/i18n/layer-text';

describe.each([
  ['GlobalMaxPooling2D', globalMaxPooling2d, 'one maximum per channel over 4×5', 'max per channel'],
  ['GlobalAveragePooling2D', globalAveragePooling2d, 'one average per channel over 4×5', 'mean per channel'],
] as const)('%s', (name, kind, caption, description) => {
  const p = kind.schema.parse({});

  // Keras docs (both kinds): input_shape = (2, 4, 5, 3) → (2, 3).
  it('on 4×5×3 → 3', () => {
    const r = kind.inferShape([4, 5, 3], p);
    expect(r.ok && r.value.shape).toEqual([3]);
    expect(r.ok && formulaText('en', r.value.dims[0]!)).toBe(`3 (${caption})`);
  });

  it('has no weights and needs an image', () => {
    const c = kind.countParams([4, 5, 3], [3], p);
    expect([c.trainable.value, c.nonTrainable.value]).toEqual([0, 0]);
    const r = kind.inferShape([64], p);
    expect(!r.ok && problemText('en', r.problem)).toMatch(new RegExp(`^${name} needs a 3-D input`));
  });

  it('refuses keepdims=True from a Keras 3 file instead of silently giving another shape', () => {
    const raw = kind.fromKerasConfig({ name: 'g', data_format: 'channels_last', keepdims: true });
    const r = kind.schema.safeParse(raw);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['keepdims', 'only-false']]);
    expect(kind.schema.parse(kind.fromKerasConfig({ name: 'g', data_format: 'channels_last', keepdims: false }))).toEqual(p);
    expect(kind.schema.parse(kind.fromKerasConfig({ name: 'g', data_format: 'channels_last' }))).toEqual(p);
  });

  it('describes, writes and speaks Python as Keras does', () => {
    expect(describeText('en', kind.describe(p))).toBe(description);
    expect(kind.toKerasConfig(p)).toEqual({ data_format: 'channels_last', keepdims: false });
    expect(kind.toPython(p)).toBe(`${name}()`);
  });
});
