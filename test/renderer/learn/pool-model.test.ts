import { describe, expect, it, vi } from 'vitest';
import * as pooling from '../../../src-shared/learn/pooling';
import { buildPool, poolStride, stepPool } from '../../../src-renderer/learn/pool-model';
import { DEFAULT_POOL, POOL_PRESETS, type PoolSettings } from '../../../src-renderer/learn/lab-settings';

vi.mock('../../../src-shared/learn/pooling', async (original) => {
  const real = await original<typeof pooling>();
  return { ...real, pool2d: vi.fn(real.pool2d) };
});

const preset = (id: string): PoolSettings => {
  const p = POOL_PRESETS.find((x) => x.id === id)!;
  return { ...p.settings, preset: p.id };
};

describe('the pooling lab model', () => {
  it('max-pools the 4×4 grid in 2×2 windows once, and each step reads its window', () => {
    vi.mocked(pooling.pool2d).mockClear();
    const lab = buildPool(DEFAULT_POOL);
    if (!lab.ok) throw new Error('parses');
    expect(lab.maps).toEqual([
      [
        [6, 8],
        [14, 16],
      ],
    ]);
    expect([0, 1, 2, 3].map((i) => stepPool(lab, i)!.window.result)).toEqual([6, 8, 14, 16]);
    expect(stepPool(lab, 1)).toMatchObject({ at: { row: 0, col: 1 }, maxCell: [1, 3], padCells: 0 });
    expect(pooling.pool2d).toHaveBeenCalledTimes(1);
  });

  it("an empty stride is the pool size (Keras's strides=None)", () => {
    expect(poolStride({ stride: NaN, size: 3 })).toBe(3);
    expect(poolStride({ stride: 1, size: 3 })).toBe(1);
  });

  it("'same' leaves the padded cells out: the lecture's [[4,3],[2,1]] stays as it is", () => {
    const lab = buildPool(preset('lecture-same'));
    if (!lab.ok) throw new Error('parses');
    expect(lab.maps[0]).toEqual([
      [4, 3],
      [2, 1],
    ]);
    expect(stepPool(lab, 3)).toMatchObject({ padCells: 3, maxCell: [1, 1], maxAt: 0 });
  });

  it('average pooling divides by the values that are not padding', () => {
    const lab = buildPool(preset('odd-5x5'));
    if (!lab.ok) throw new Error('parses');
    const corner = stepPool(lab, lab.count - 1)!;
    expect(corner.window.values).toEqual([3]);
    expect(corner.window.result).toBe(3);
    expect(corner).toMatchObject({ padCells: 3, maxCell: null, maxAt: -1 });
  });

  it('says why the input cannot be used', () => {
    expect(buildPool({ ...DEFAULT_POOL, input: '1, 2\n3' })).toEqual({ ok: false, error: { kind: 'ragged', row: 2, got: 1, expected: 2 } });
  });
});
