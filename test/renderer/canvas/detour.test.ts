import { describe, expect, it } from 'vitest';
import { boxIndex, CLEARANCE, detourAround, detourPath, LANE_GAP, mergeInputPath, type Box } from '../../../src-renderer/canvas/detour';

const W = 280;
const H = 84;
const at = (id: string, x: number, y: number): Box => ({ id, x, y, width: W, height: H });

describe('detourAround', () => {
  const top = at('top', 0, 0);
  const middle = at('middle', 0, 128);
  const bottom = at('bottom', 0, 256);
  const from = { x: W / 2, y: H };
  const to = { x: W / 2, y: 256 };

  it('leaves a connection alone when nothing lies between its ends, or when it runs upwards', () => {
    expect(detourAround(from, { x: W / 2, y: 128 }, [top, middle], ['top', 'middle'])).toBeNull();
    expect(detourAround(to, from, [top, middle, bottom], ['bottom', 'top'])).toBeNull();
    // A layer level with the ends, not between them, is not in the way.
    expect(detourAround(from, { x: W / 2, y: 128 }, [top, middle, at('beside', W + 60, 128)], ['top', 'middle'])).toBeNull();
  });

  it('runs a skip connection down a lane beside the layer it would cross, over the height of that layer', () => {
    const lane = detourAround(from, to, [top, middle, bottom], ['top', 'bottom'])!;
    expect(lane).toEqual({ x: -LANE_GAP, top: 128, bottom: 128 + H });
  });

  it('takes the shorter way round, and passes a layer that stands in the lane too', () => {
    // Both ends right of the middle layer's centre: the lane goes right.
    const right = detourAround({ x: 200, y: H }, { x: 200, y: 256 }, [middle], ['a', 'b'])!;
    expect(right.x).toBe(W + LANE_GAP);
    // A neighbour where the left lane would run pushes that lane past it, and then the right is shorter.
    const leftNeighbour = at('left', -W - 60, 150);
    expect(detourAround(from, to, [middle, leftNeighbour], ['a', 'b'])!.x).toBe(W + LANE_GAP);
    // With neighbours on both sides, each lane goes past its neighbour; equally long, the left one is taken.
    const rightNeighbour = at('right', W + 60, 150);
    expect(detourAround(from, to, [middle, leftNeighbour, rightNeighbour], ['a', 'b'])!.x).toBe(-W - 60 - LANE_GAP);
  });

  it('counts passing within the clearance as crossing, so the label stays off the layer', () => {
    const near = { x: -CLEARANCE + 4, y: H };
    expect(detourAround(near, { x: near.x, y: 256 }, [middle], ['a', 'b'])).not.toBeNull();
    const far = { x: -CLEARANCE - 4, y: H };
    expect(detourAround(far, { x: far.x, y: 256 }, [middle], ['a', 'b'])).toBeNull();
  });
});

describe('detourPath', () => {
  it('goes from the source down the lane to the target, with the label in the middle of the lane', () => {
    const { path, labelX, labelY } = detourPath({ x: 140, y: 84 }, { x: 140, y: 256 }, { x: -84, top: 128, bottom: 212 });
    expect(path.startsWith('M140,84 ')).toBe(true);
    expect(path).toContain('L-84,212');
    expect(path.endsWith(' 140,256')).toBe(true);
    expect([labelX, labelY]).toEqual([-84, 170]);
  });
});

describe('mergeInputPath', () => {
  it('runs from the source to the merge’s input point, with its label a third of the way down, nearer the source', () => {
    const { path, labelX, labelY } = mergeInputPath({ x: 0, y: 0 }, { x: 300, y: 60 });
    expect(path).toBe('M0,0 C0,30 300,30 300,60');
    // B(1/3) of the cubic: x = 3·(2/3)·(1/3)²·300 + (1/3)³·300 = 77.78, y = 3·(2/3)²·(1/3)·30 + 3·(2/3)·(1/3)²·30 + (1/3)³·60 = 22.22.
    expect(labelX).toBeCloseTo(77.78, 2);
    expect(labelY).toBeCloseTo(22.22, 2);
  });
});

describe('boxIndex', () => {
  it('finds every box that reaches into a band of heights, and leaves out those far above or below', () => {
    const boxes = Array.from({ length: 50 }, (_, i) => at(`n${i}`, (i % 3) * 340, 128 * (49 - i)));
    const near = boxIndex(boxes);
    const found = (top: number, bottom: number) => near(top, bottom).map((b) => b.id);
    for (const [top, bottom] of [
      [84, 128],
      [1000, 1300],
      [-50, 10],
      [6000, 6100],
    ] as const) {
      const overlapping = boxes.filter((b) => b.y < bottom && b.y + b.height > top).map((b) => b.id);
      expect(found(top, bottom)).toEqual(expect.arrayContaining(overlapping));
      // Only boxes within one layer's height of the band come back.
      expect(near(top, bottom).every((b) => b.y < bottom && b.y + H + H > top)).toBe(true);
    }
    expect(found(7000, 8000)).toEqual([]);
  });
});
