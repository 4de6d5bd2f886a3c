import type { TensorView } from '../../src-shared/engine/protocol';
import { inputImage, mapDims, type PixelImage } from './tensor-image';

/**
 * Pure helpers that colour an attribution map (0–1, H×W) and lay it over the input: low values
 * dark blue, high ones red through cyan, green and yellow (a "jet"-like scale, the one Grad-CAM
 * figures use), so where the network looked stands out against a gray image.
 */

/** The colour scale's stops, low to high, as [position, red, green, blue]; the legend draws the same. */
export const HEAT_STOPS: readonly (readonly [number, number, number, number])[] = [
  [0, 20, 30, 140],
  [0.25, 0, 150, 255],
  [0.5, 40, 210, 90],
  [0.75, 255, 220, 0],
  [1, 220, 20, 20],
];

/** The colour of `v` (clamped to 0–1) on the scale. */
export function heatColour(v: number): [number, number, number] {
  const x = Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
  for (let i = 1; i < HEAT_STOPS.length; i++) {
    const [p1, r1, g1, b1] = HEAT_STOPS[i]!;
    if (x > p1 && i < HEAT_STOPS.length - 1) continue;
    const [p0, r0, g0, b0] = HEAT_STOPS[i - 1]!;
    const t = p1 > p0 ? (x - p0) / (p1 - p0) : 0;
    return [Math.round(r0 + (r1 - r0) * t), Math.round(g0 + (g1 - g0) * t), Math.round(b0 + (b1 - b0) * t)];
  }
  return [HEAT_STOPS[0]![1], HEAT_STOPS[0]![2], HEAT_STOPS[0]![3]];
}

/** The scale as a CSS linear gradient (left = 0, right = 1), for the legend. */
export function heatGradientCss(): string {
  return `linear-gradient(to right, ${HEAT_STOPS.map(([p, r, g, b]) => `rgb(${r} ${g} ${b}) ${p * 100}%`).join(', ')})`;
}

/** A map alone in colour. */
export function heatImage(map: TensorView): PixelImage {
  const { height, width } = mapDims(map.shape);
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = heatColour(map.data[i] ?? 0);
    pixels.set([r, g, b, 255], i * 4);
  }
  return { width, height, pixels };
}

/**
 * The input with the map laid over it: each pixel's colour mixed in by `opacity` × its value, so
 * what the network ignored shows the input unchanged. The map must have the input's height and width.
 */
export function overlayImage(input: TensorView, map: TensorView, opacity = 0.6): PixelImage {
  const base = inputImage(input);
  const { height, width } = mapDims(map.shape);
  if (height !== base.height || width !== base.width) return heatImage(map);
  const pixels = new Uint8ClampedArray(base.pixels);
  for (let i = 0; i < width * height; i++) {
    const v = map.data[i] ?? 0;
    const a = Math.max(0, Math.min(1, opacity * (Number.isFinite(v) ? v : 0)));
    const colour = heatColour(v);
    for (let c = 0; c < 3; c++) pixels[i * 4 + c] = Math.round(base.pixels[i * 4 + c]! * (1 - a) + colour[c]! * a);
  }
  return { width, height, pixels };
}
