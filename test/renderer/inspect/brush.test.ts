import { describe, expect, it } from 'vitest';
import { paintStroke, stamp } from '../../../src-renderer/inspect/brush';

describe('brush', () => {
  it('stamps full ink at the centre, fading at the edge, never outside the grid', () => {
    const px = new Uint8Array(28 * 28);
    stamp(px, 28, { x: 0.5, y: 0.5 }, 1);
    expect(px[0]).toBe(255);
    expect(px[1]).toBe(128);
    expect(px[28]).toBe(128);
    expect(px[2]).toBe(0);
    expect(px[28 * 5]).toBe(0);
  });

  it('keeps the brighter value where strokes cross', () => {
    const px = new Uint8Array(28 * 28).fill(200);
    stamp(px, 28, { x: 10.5, y: 10.5 }, 0.5);
    expect(px[10 * 28 + 10]).toBe(255);
    expect(px[0]).toBe(200);
  });

  it('draws a stroke without gaps', () => {
    const px = new Uint8Array(28 * 28);
    paintStroke(px, 28, { x: 2.5, y: 14.5 }, { x: 25.5, y: 14.5 }, 1);
    for (let x = 3; x <= 25; x++) expect(px[14 * 28 + x]).toBe(255);
    expect(px[2 * 28 + 14]).toBe(0);
  });
});
