import { describe, expect, it, vi } from 'vitest';
import * as convolution from '../../../src-shared/learn/convolution';
import { build2d, parse2d, parseBias, step2d } from '../../../src-renderer/learn/conv2d-model';
import { DEFAULT_2D, PRESETS_2D, type Conv2dSettings } from '../../../src-renderer/learn/lab-settings';

vi.mock('../../../src-shared/learn/convolution', async (original) => {
  const real = await original<typeof convolution>();
  return { ...real, conv2d: vi.fn(real.conv2d) };
});

const preset = (id: string): Conv2dSettings => {
  const p = PRESETS_2D.find((x) => x.id === id)!;
  return { ...p.settings, preset: p.id };
};

describe('the 2-D lab model', () => {
  it("gives the lecture's Conv2D padding='same' result, computed once for every step", () => {
    vi.mocked(convolution.conv2d).mockClear();
    const lab = build2d(DEFAULT_2D);
    if (!lab.ok) throw new Error('the default settings parse');
    expect(lab.maps).toEqual([
      [
        [12, 16, 9],
        [24, 28, 15],
        [15, 17, 9],
      ],
    ]);
    for (let i = 0; i < lab.count; i++) {
      const s = step2d(lab, i)!;
      expect(s.window.sum).toBe(lab.maps[s.at.map]![s.at.row]![s.at.col]);
    }
    expect(convolution.conv2d).toHaveBeenCalledTimes(1);
  });

  it('steps filter by filter: three filters of 1, 10 and −1', () => {
    const lab = build2d(preset('lecture-three-filters'));
    if (!lab.ok) throw new Error('parses');
    expect(lab.count).toBe(27);
    expect(step2d(lab, 9)!.at).toEqual({ map: 1, row: 0, col: 0 });
    expect(step2d(lab, 9)!.window.sum).toBe(120);
    expect(step2d(lab, 26)!.window.sum).toBe(-9);
    expect(step2d(lab, 27)).toBeNull();
  });

  it("the lecture's 5×5 image and 3×3 kernel give 4 first; the window box sits in padded coordinates", () => {
    const lab = build2d(preset('lecture-5x5'));
    if (!lab.ok) throw new Error('parses');
    expect(step2d(lab, 0)!.window.sum).toBe(4);
    const same = build2d({ ...preset('lecture-5x5'), padding: 'same' });
    if (!same.ok) throw new Error('parses');
    expect(step2d(same, 0)!.box).toEqual({ top: 0, left: 0, h: 3, w: 3 });
    expect(step2d(same, 0)!.window).toMatchObject({ top: -1, left: -1 });
  });

  it('adds the bias of each filter', () => {
    const lab = build2d(preset('rgb-two-filters'));
    if (!lab.ok) throw new Error('parses');
    const w = step2d(lab, 0)!.window;
    expect(w.bias).toBe(1);
    expect(w.sum).toBe(w.channels.reduce((a, c) => a + c.sum, 0) + 1);
  });

  it('reports every unusable field as a code: parse errors, shape mismatches and a bad bias', () => {
    const { value, errors } = parse2d({
      ...preset('rgb-two-filters'),
      image: ['1, 2\n3, 4', '1, 2, 3', 'x'],
      bias: ['1', 'b'],
    });
    expect(value).toBeNull();
    expect(errors.image).toEqual([null, { kind: 'channel-shape', got: '1×3', expected: '2×2' }, { kind: 'not-a-number', token: 'x' }]);
    expect(errors.bias).toEqual([null, { kind: 'bias' }]);
    const kernels = parse2d({ ...DEFAULT_2D, kernels: [['1, 1\n1, 1'], ['1']], bias: ['0', '0'] }).errors.kernels;
    expect(kernels).toEqual([[null], [{ kind: 'kernel-shape', got: '1×1', expected: '2×2' }]]);
  });

  it('reads a bias: empty is 0, a typographic minus is a minus', () => {
    expect(parseBias('')).toBe(0);
    expect(parseBias('−1.5')).toBe(-1.5);
    expect(parseBias('one')).toBeNull();
  });
});
