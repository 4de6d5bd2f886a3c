import { describe, expect, it } from 'vitest';
import { fitViewport, READABLE_ZOOM, type FitInput, type Rect, type Viewport } from '../../../src-renderer/canvas/fit';

const MINIMAP: Rect = { x: 577, y: 292, width: 168, height: 112 };
const CONTROLS: Rect = { x: 15, y: 320, width: 28, height: 84 };

function input(bounds: Rect, over: Partial<FitInput> = {}): FitInput {
  return { bounds, width: 760, height: 420, obstacles: [MINIMAP, CONTROLS], padding: 24, minZoom: READABLE_ZOOM, maxZoom: 1, ...over };
}

/** The bounds as they land on the screen. */
function shown(bounds: Rect, v: Viewport): Rect {
  return { x: bounds.x * v.zoom + v.x, y: bounds.y * v.zoom + v.y, width: bounds.width * v.zoom, height: bounds.height * v.zoom };
}

describe('fitViewport', () => {
  it('centres a small network at zoom 1 (never enlarges it)', () => {
    const b = { x: 0, y: 0, width: 280, height: 200 };
    const v = fitViewport(input(b));
    expect(v.zoom).toBe(1);
    const s = shown(b, v);
    expect(s.x + s.width / 2).toBeCloseTo(380);
    expect(s.y + s.height / 2).toBeCloseTo(210);
  });

  it('shrinks a tall network to fit the canvas when that keeps it readable', () => {
    const b = { x: 100, y: -50, width: 280, height: 400 };
    const v = fitViewport(input(b));
    expect(v.zoom).toBeCloseTo((420 - 48) / 400);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const s = shown(b, v);
    expect(s.y).toBeCloseTo(24);
    expect(s.y + s.height).toBeCloseTo(396);
  });

  it('keeps a network too tall to fit legible: readable zoom, shown from its top, the rest a scroll away', () => {
    const b = { x: 0, y: 0, width: 280, height: 1200 };
    const v = fitViewport(input(b));
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(shown(b, v).y).toBeCloseTo(24);
  });

  it('moves a wide network into the column between the zoom buttons and the minimap when centring would cover it', () => {
    const b = { x: 0, y: 0, width: 460, height: 300 };
    const v = fitViewport(input(b));
    const s = shown(b, v);
    for (const o of [MINIMAP, CONTROLS]) {
      const overlaps = s.x < o.x + o.width && o.x < s.x + s.width && s.y < o.y + o.height && o.y < s.y + s.height;
      expect(overlaps).toBe(false);
    }
    expect(s.x).toBeGreaterThanOrEqual(CONTROLS.x + CONTROLS.width);
    expect(s.x + s.width).toBeLessThanOrEqual(MINIMAP.x);
  });
});
