import { describe, expect, it, vi } from 'vitest';
import * as convolution from '../../../src-shared/learn/convolution';
import { build1d, step1d, stepKey1d } from '../../../src-renderer/learn/conv1d-model';
import { DEFAULT_1D } from '../../../src-renderer/learn/lab-settings';

// A spy over the real arithmetic, to count how often the whole convolution is computed.
vi.mock('../../../src-shared/learn/convolution', async (original) => {
  const real = await original<typeof convolution>();
  return { ...real, conv1d: vi.fn(real.conv1d) };
});

describe('the 1-D lab model', () => {
  it("computes the lecture's example once and reads every step from it", () => {
    vi.mocked(convolution.conv1d).mockClear();
    const lab = build1d({ ...DEFAULT_1D, op: 'convolve', padding: 'valid' });
    if (!lab.ok) throw new Error('the default settings parse');
    expect(lab.output).toEqual([63, 48, 49, 28, 21, 20]);
    expect(lab.flipped).toEqual([3, 5, 1, 2]);
    const sums = lab.output.map((_, i) => step1d(lab, i)!.window.sum);
    expect(sums).toEqual(lab.output);
    expect(convolution.conv1d).toHaveBeenCalledTimes(1);
  });

  it('places the window in the padded strip and names the input range it covers', () => {
    const lab = build1d({ ...DEFAULT_1D, op: 'correlate', padding: 'full', stride: 2 });
    if (!lab.ok) throw new Error('parses');
    expect(lab.pad).toMatchObject({ before: 3, after: 3, outLength: 6 });
    expect(step1d(lab, 0)).toMatchObject({ start: 0, from: -3, to: 0 });
    expect(step1d(lab, 2)).toMatchObject({ start: 4, from: 1, to: 4 });
    expect(step1d(lab, 6)).toBeNull();
  });

  it('keeps parse errors of both fields, as codes', () => {
    expect(build1d({ ...DEFAULT_1D, x: '1, a', w: '' })).toEqual({
      ok: false,
      xError: { kind: 'not-a-number', token: 'a' },
      wError: { kind: 'empty' },
    });
  });

  it('a kernel longer than the input gives no output with valid padding (no step)', () => {
    const lab = build1d({ ...DEFAULT_1D, x: '1, 2', w: '1, 2, 3', padding: 'valid' });
    expect(lab.ok && lab.output).toEqual([]);
    if (lab.ok) expect(step1d(lab, 0)).toBeNull();
  });

  it('restarts the walk when anything that changes the result changes', () => {
    expect(stepKey1d(DEFAULT_1D)).toBe(stepKey1d({ ...DEFAULT_1D }));
    expect(stepKey1d({ ...DEFAULT_1D, stride: 2 })).not.toBe(stepKey1d(DEFAULT_1D));
  });
});
