/**
 * The merging layers. Expected shapes come from Keras's documented rules, never from Convas:
 *   element-wise merges (Add, Multiply, Average, Maximum, Minimum): each dimension equal, or 1
 *     broadcast to the other (keras/src/layers/merging/base_merge.py, _compute_elemwise_op_output_shape);
 *   Concatenate: every axis equal but `axis`, whose sizes add up (Keras docs: (2, 2, 5) and
 *     (2, 1, 5) on axis 1 give (2, 3, 5)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { formulaText } from '../../../src-shared/i18n/layer-text';
import { add, average, concatenate, maximum, minimum, multiply } from '../../../src-shared/layers/merges';
import type { LayerProblem, MergeKind, Shape } from '../../../src-shared/layers/types';

const elementwise = [add, multiply, average, maximum, minimum] as const;

/** Output shape (without batch), or the problem as its English sentence. */
function out<P>(kind: MergeKind<P>, inputs: Shape[], raw: Record<string, unknown> = {}): Shape | string {
  const r = kind.inferShape(inputs, kind.schema.parse(raw));
  return r.ok ? r.value.shape : problemText('en', r.problem);
}

function problem<P>(kind: MergeKind<P>, inputs: Shape[], raw: Record<string, unknown> = {}): LayerProblem {
  const r = kind.inferShape(inputs, kind.schema.parse(raw));
  if (r.ok) throw new Error(`expected a problem, got ${JSON.stringify(r.value.shape)}`);
  return r.problem;
}

describe('element-wise merges', () => {
  it("keep the shape of equal inputs, as in Keras's docs (Add of two (2, 3, 4) tensors, of two Dense(8) outputs)", () => {
    for (const kind of elementwise) {
      expect(
        out(kind, [
          [3, 4],
          [3, 4],
        ]),
      ).toEqual([3, 4]);
      expect(out(kind, [[8], [8], [8]])).toEqual([8]);
    }
  });

  it("broadcast a size of 1 to the other input's size, as Keras does", () => {
    expect(
      out(add, [
        [1, 14, 8],
        [14, 14, 8],
      ]),
    ).toEqual([14, 14, 8]);
    expect(
      out(multiply, [
        [14, 14, 8],
        [14, 14, 1],
      ]),
    ).toEqual([14, 14, 8]);
    expect(
      out(maximum, [
        [1, 1, 8],
        [14, 14, 1],
        [14, 1, 1],
      ]),
    ).toEqual([14, 14, 8]);
    const dims = add.inferShape(
      [
        [14, 14, 1],
        [14, 14, 8],
      ],
      {},
    );
    expect(dims.ok && dims.value.dims.map((d) => formulaText('en', d))).toEqual([
      '14 (equal in every input)',
      '14 (equal in every input)',
      '8 (a size of 1 is repeated to match)',
    ]);
  });

  it("says the issue's sentence for a skip path that was not downsampled, in English and Korean", () => {
    const p = problem(add, [
      [14, 14, 8],
      [28, 28, 8],
    ]);
    expect(p).toEqual({
      code: 'merge-stride',
      values: { kind: 'Add', shapes: '(None, 14, 14, 8)', last: '(None, 28, 28, 8)', stride: 2 },
    });
    expect(problemText('en', p)).toBe(
      'its inputs are (None, 14, 14, 8) and (None, 28, 28, 8); Add needs equal shapes — give the skip path a 1×1 Conv2D with strides 2',
    );
    expect(problemText('ko', p)).toBe(
      '입력이 (None, 14, 14, 8), (None, 28, 28, 8)인데 Add에는 형태가 같은 입력이 필요합니다 — 건너뛰는 경로(스킵 연결)에 strides 2인 1×1 Conv2D를 넣으세요',
    );
  });

  it('asks for as many filters as the other path has channels when the channels differ too', () => {
    expect(
      out(add, [
        [28, 28, 8],
        [14, 14, 16],
      ]),
    ).toBe(
      'its inputs are (None, 28, 28, 8) and (None, 14, 14, 16); Add needs equal shapes — give the skip path a 1×1 Conv2D with 16 filters and strides 2',
    );
    // 'same' padding on an odd size: ceil(7 / 2) = 4, so a stride of 2 still fits.
    expect(
      problem(average, [
        [4, 4, 32],
        [7, 7, 16],
      ]),
    ).toMatchObject({ code: 'merge-stride-filters', values: { stride: 2, filters: 32 } });
    expect(
      problem(add, [
        [56, 56, 64],
        [14, 14, 64],
      ]),
    ).toMatchObject({ code: 'merge-stride', values: { stride: 4 } });
  });

  it('asks for a 1×1 Conv2D (images) or a Dense (vectors) when only the channels differ', () => {
    expect(
      out(add, [
        [14, 14, 16],
        [14, 14, 8],
      ]),
    ).toBe(
      'its inputs are (None, 14, 14, 16) and (None, 14, 14, 8); Add needs equal shapes — give the path with 8 channels a 1×1 Conv2D with 16 filters',
    );
    expect(out(multiply, [[10], [20]])).toBe(
      'its inputs are (None, 10) and (None, 20); Multiply needs equal shapes — give the path whose last dimension is 10 a Dense(20)',
    );
  });

  it('falls back to a general hint when no stride or 1×1 convolution fits, and lists every input', () => {
    expect(
      problem(add, [
        [14, 14, 8],
        [10, 10, 8],
      ]).code,
    ).toBe('merge-shapes');
    expect(
      problem(add, [
        [14, 28, 8],
        [28, 14, 8],
      ]).code,
    ).toBe('merge-shapes');
    expect(
      out(minimum, [
        [4, 3],
        [4, 3],
        [5, 3],
      ]),
    ).toBe(
      'its inputs are (None, 4, 3), (None, 4, 3) and (None, 5, 3); Minimum needs equal shapes — change the layers of a path so that every path ends in the same shape',
    );
  });

  it('refuses inputs of different ranks and fewer than two inputs', () => {
    expect(out(add, [[14, 14, 8], [1568]])).toBe(
      'its inputs are (None, 14, 14, 8) and (None, 1568); Add needs inputs with the same number of dimensions — give the path with more dimensions a Flatten or GlobalAveragePooling2D first',
    );
    expect(problem(add, [[8]])).toEqual({ code: 'merge-needs-two', values: { kind: 'Add', n: 1 } });
    expect(out(maximum, [])).toBe('Maximum merges two or more inputs but receives 0 — connect at least two branches to it');
    expect(problemText('en', problem(add, [[8]]))).toBe('Add merges two or more inputs but receives 1 — connect another branch to it');
  });

  it('have no weights; only Multiply and Average multiply, the others add or compare', () => {
    const inputs: Shape[] = [
      [14, 14, 8],
      [14, 14, 8],
    ];
    const text = (kind: MergeKind<unknown>, shapes: Shape[] = inputs) => formulaText('en', kind.macs(shapes, shapes[0]!, {}));
    expect(text(add as MergeKind<unknown>)).toBe('0 (no multiplications: 1,568 additions)');
    expect(text(maximum as MergeKind<unknown>, [...inputs, [14, 14, 8]])).toBe('0 (no multiplications: 3,136 comparisons)');
    expect(text(multiply as MergeKind<unknown>, [...inputs, [14, 14, 8]])).toBe(
      '2·14·14·8 = 3,136 (one multiplication per value for each input after the first)',
    );
    expect(text(average as MergeKind<unknown>)).toBe('14·14·8 = 1,568 (one division by 2 per value, after 1,568 additions)');
    for (const kind of elementwise) expect(kind.countParams(inputs, [14, 14, 8], {}).trainable.value).toBe(0);
  });

  it('write the Keras 3 config and Python Keras writes: no settings of their own', () => {
    expect(elementwise.map((k) => [k.kind, k.namePrefix, k.group, k.toKerasConfig({}), k.toPython({})])).toEqual([
      ['Add', 'add', 'Merging', {}, 'Add()'],
      ['Multiply', 'multiply', 'Merging', {}, 'Multiply()'],
      ['Average', 'average', 'Merging', {}, 'Average()'],
      ['Maximum', 'maximum', 'Merging', {}, 'Maximum()'],
      ['Minimum', 'minimum', 'Merging', {}, 'Minimum()'],
    ]);
    expect(add.fromKerasConfig({ name: 'add_3', trainable: true, dtype: 'float32' })).toEqual({});
  });

  it('property: equal inputs, however many, give that shape', () => {
    const shape = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(shape, fc.integer({ min: 2, max: 5 }), fc.constantFrom(...elementwise), (s, n, kind) => {
        expect(
          out(
            kind,
            Array.from({ length: n }, () => s),
          ),
        ).toEqual(s);
      }),
    );
  });

  it('property: inputs with some sizes set to 1 broadcast back to the full shape', () => {
    const dims = fc.array(fc.record({ size: fc.integer({ min: 2, max: 64 }), ones: fc.boolean() }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(dims, fc.constantFrom(...elementwise), (d, kind) => {
        const full = d.map((x) => x.size);
        const squeezed = d.map((x) => (x.ones ? 1 : x.size));
        expect(out(kind, [squeezed, full])).toEqual(full);
        expect(out(kind, [full, squeezed])).toEqual(full);
      }),
    );
  });
});

describe('Concatenate', () => {
  it('defaults to the last axis, where the sizes add up: (4, 4, 8) and (4, 4, 16) give (4, 4, 24)', () => {
    expect(concatenate.schema.parse({})).toEqual({ axis: -1 });
    const r = concatenate.inferShape(
      [
        [4, 4, 8],
        [4, 4, 16],
      ],
      { axis: -1 },
    );
    expect(r.ok && r.value.shape).toEqual([4, 4, 24]);
    expect(r.ok && r.value.dims.map((d) => formulaText('en', d))).toEqual([
      '4 (equal in every input)',
      '4 (equal in every input)',
      '8 + 16 = 24 (the sizes add up along the axis)',
    ]);
  });

  it("joins on any axis of a sample, counted as Keras counts (batch is 0): Keras's (2, 5) and (1, 5) on axis 1 give (3, 5)", () => {
    expect(
      out(
        concatenate,
        [
          [2, 5],
          [1, 5],
        ],
        { axis: 1 },
      ),
    ).toEqual([3, 5]);
    expect(
      out(
        concatenate,
        [
          [2, 5],
          [1, 5],
        ],
        { axis: -2 },
      ),
    ).toEqual([3, 5]);
    expect(
      out(
        concatenate,
        [
          [4, 4, 8],
          [4, 2, 8],
          [4, 1, 8],
        ],
        { axis: 2 },
      ),
    ).toEqual([4, 7, 8]);
    expect(out(concatenate, [[10], [20], [30]])).toEqual([60]);
  });

  it('names the axis that disagrees, and suggests a stride when heights and widths differ by one', () => {
    expect(
      out(concatenate, [
        [4, 4, 8],
        [4, 5, 8],
      ]),
    ).toBe(
      'its inputs are (None, 4, 4, 8) and (None, 4, 5, 8); Concatenate on axis -1 needs every other axis equal, but axis 2 is 4 in one input and 5 in another — make axis 2 the same on every path (with pooling, strides or padding)',
    );
    expect(
      out(concatenate, [
        [28, 28, 8],
        [14, 14, 16],
      ]),
    ).toBe(
      "its inputs are (None, 28, 28, 8) and (None, 14, 14, 16); Concatenate on axis -1 needs equal heights and widths — give the larger path a 1×1 Conv2D with strides 2, or a pooling with pool_size 2 and padding 'same'",
    );
    expect(
      problemText(
        'ko',
        problem(concatenate, [
          [4, 4, 8],
          [4, 5, 8],
        ]),
      ),
    ).toBe(
      '입력이 (None, 4, 4, 8), (None, 4, 5, 8)인데 축 -1로 Concatenate하려면 나머지 축의 크기가 모두 같아야 합니다. 축 2이(가) 한 입력에서는 4, 다른 입력에서는 5입니다 — 모든 경로에서 축 2의 크기를 맞추세요 (풀링, strides, 패딩으로)',
    );
  });

  it('refuses the batch axis and axes the inputs lack', () => {
    expect(concatenate.check?.({ axis: 0 })).toEqual({ code: 'batch-axis', values: { kind: 'Concatenate' }, param: 'axis' });
    expect(concatenate.check?.({ axis: -1 })).toBeUndefined();
    expect(
      out(
        concatenate,
        [
          [4, 4, 8],
          [4, 4, 8],
        ],
        { axis: 4 },
      ),
    ).toBe(
      'axis 4 does not exist in an input of shape (None, 4, 4, 8) — use an axis from 1 to 3, or -1 for the last one (axis 0 is the batch)',
    );
    expect(
      problem(
        concatenate,
        [
          [4, 4, 8],
          [4, 4, 8],
        ],
        { axis: -4 },
      ),
    ).toMatchObject({ code: 'axis-range', param: 'axis' });
    expect(concatenate.schema.safeParse({ axis: 1.5 }).error?.issues[0]?.message).toBe('not-whole');
    expect(
      problem(concatenate, [
        [4, 8],
        [4, 4, 8],
      ]).code,
    ).toBe('merge-rank');
    expect(problem(concatenate, [[4, 8]])).toEqual({ code: 'merge-needs-two', values: { kind: 'Concatenate', n: 1 } });
  });

  it('copies values and learns nothing; Keras 3 config, configs of every writer, and Python', () => {
    expect(formulaText('en', concatenate.macs([[8], [16]], [24], { axis: -1 }))).toBe(
      '0 (no arithmetic: the values are placed side by side)',
    );
    expect(concatenate.countParams([[8], [16]], [24], { axis: -1 }).trainable.value).toBe(0);
    expect(concatenate.toKerasConfig({ axis: 1 })).toEqual({ axis: 1 });
    expect(concatenate.fromKerasConfig({ name: 'concatenate', trainable: true, axis: 2 })).toEqual({ axis: 2 });
    expect(concatenate.toPython({ axis: -1 })).toBe('Concatenate()');
    expect(concatenate.toPython({ axis: 1 })).toBe('Concatenate(axis=1)');
  });

  it('property: the output sums the sizes along the axis and keeps every other axis', () => {
    const setup = fc
      .tuple(fc.array(fc.integer({ min: 1, max: 32 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 2, max: 4 }))
      .chain(([shape, n]) =>
        fc.record({
          shape: fc.constant(shape),
          sizes: fc.array(fc.integer({ min: 1, max: 32 }), { minLength: n, maxLength: n }),
          index: fc.integer({ min: 0, max: shape.length - 1 }),
          negative: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(setup, ({ shape, sizes, index, negative }) => {
        const inputs = sizes.map((size) => shape.map((d, i) => (i === index ? size : d)));
        const axis = negative ? index - shape.length : index + 1;
        const expected = shape.map((d, i) => (i === index ? sizes.reduce((a, b) => a + b, 0) : d));
        expect(out(concatenate, inputs, { axis })).toEqual(expected);
      }),
    );
  });
});
