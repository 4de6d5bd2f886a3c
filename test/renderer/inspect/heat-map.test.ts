import { describe, expect, it } from 'vitest';
import type { TensorView } from '../../../src-shared/engine/protocol';
import { HEAT_STOPS, heatColour, heatGradientCss, heatImage, overlayImage } from '../../../src-renderer/inspect/heat-map';
import { inputImage } from '../../../src-renderer/inspect/tensor-image';

function view(values: readonly number[], shape: number[]): TensorView {
  const data = Float32Array.from(values);
  return { shape, data, min: Math.min(...values), max: Math.max(...values) };
}

describe('the heat colour scale', () => {
  it('runs from its first stop to its last, through each stop, and clamps outside 0–1', () => {
    for (const [p, r, g, b] of HEAT_STOPS) expect(heatColour(p)).toEqual([r, g, b]);
    expect(heatColour(-3)).toEqual(heatColour(0));
    expect(heatColour(7)).toEqual(heatColour(1));
    expect(heatColour(Number.NaN)).toEqual(heatColour(0));
    // Halfway between two stops: their mean.
    const [, r0, g0, b0] = HEAT_STOPS[0]!;
    const [p1, r1, g1, b1] = HEAT_STOPS[1]!;
    expect(heatColour(p1 / 2)).toEqual([Math.round((r0 + r1) / 2), Math.round((g0 + g1) / 2), Math.round((b0 + b1) / 2)]);
  });

  it('gives the legend every stop in order', () => {
    const css = heatGradientCss();
    const positions = [...css.matchAll(/\) (\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1]));
    expect(positions).toEqual(HEAT_STOPS.map(([p]) => p * 100));
  });
});

describe('a map over the input', () => {
  const input = view([0, 0.25, 0.5, 1], [2, 2, 1]);

  it('leaves the input as it is where the map is 0, and shows the colour where it is 1 at full opacity', () => {
    const base = inputImage(input);
    const none = overlayImage(input, view([0, 0, 0, 0], [2, 2]));
    expect(Array.from(none.pixels)).toEqual(Array.from(base.pixels));
    const full = overlayImage(input, view([1, 0, 0, 1], [2, 2]), 1);
    expect(Array.from(full.pixels.slice(0, 3))).toEqual(heatColour(1));
    expect(Array.from(full.pixels.slice(4, 8))).toEqual(Array.from(base.pixels.slice(4, 8)));
    expect(Array.from(full.pixels.slice(12, 15))).toEqual(heatColour(1));
  });

  it('mixes in part of the colour at partial opacity, and opaque pixels throughout', () => {
    const half = overlayImage(input, view([0, 1, 0, 0], [2, 2]), 0.5);
    const gray = inputImage(input).pixels[4]!;
    expect(half.pixels[4]).toBe(Math.round(gray * 0.5 + heatColour(1)[0] * 0.5));
    for (let i = 3; i < half.pixels.length; i += 4) expect(half.pixels[i]).toBe(255);
  });

  it('shows the map alone when its size is not the input’s', () => {
    const map = view([0, 1], [1, 2]);
    expect(overlayImage(input, map)).toEqual(heatImage(map));
  });
});
