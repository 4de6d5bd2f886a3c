import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  batchOverlay,
  batchPosition,
  epochOverlay,
  runColour,
  RUN_COLOURS,
  seriesKey,
  thinEvenly,
  type BatchCurvePoint,
} from '../../../src-renderer/runs/overlay';

const epoch = (e: number, loss: number, val: number | null = null) => ({
  epoch: e,
  loss,
  accuracy: 1 - loss,
  valLoss: val,
  valAccuracy: val === null ? null : 1 - val,
});

function batches(epochs: number, perEpoch: number, loss: (step: number) => number): BatchCurvePoint[] {
  const out: BatchCurvePoint[] = [];
  for (let e = 1; e <= epochs; e++)
    for (let b = 1; b <= perEpoch; b++) {
      const step = (e - 1) * perEpoch + b;
      out.push({ epoch: e, batch: b, batchesPerEpoch: perEpoch, loss: loss(step), accuracy: 0.5 });
    }
  return out;
}

describe('per-epoch overlay', () => {
  it('puts each run in its own columns, one row per epoch, and leaves the epochs a shorter run lacks empty', () => {
    const rows = epochOverlay([[epoch(1, 0.9, 0.8), epoch(2, 0.5, 0.6)], [epoch(1, 0.7)]]);
    expect(rows).toEqual([
      { x: 1, loss0: 0.9, accuracy0: 1 - 0.9, valLoss0: 0.8, valAccuracy0: 1 - 0.8, loss1: 0.7, accuracy1: 1 - 0.7 },
      { x: 2, loss0: 0.5, accuracy0: 0.5, valLoss0: 0.6, valAccuracy0: 1 - 0.6 },
    ]);
    expect(seriesKey('valAccuracy', 3)).toBe('valAccuracy3');
  });

  it('sorts by epoch whatever order the points came in', () => {
    const rows = epochOverlay([[epoch(3, 0.3), epoch(1, 0.9), epoch(2, 0.5)]]);
    expect(rows.map((r) => r.x)).toEqual([1, 2, 3]);
  });
});

describe('per-batch overlay', () => {
  it('lines up runs with different batch sizes in epochs, not in batches', () => {
    // Batch size 32 → 75 batches an epoch; batch size 64 → 38.
    expect(batchPosition({ epoch: 1, batch: 75, batchesPerEpoch: 75, loss: 0, accuracy: 0 })).toBe(1);
    expect(batchPosition({ epoch: 2, batch: 19, batchesPerEpoch: 38, loss: 0, accuracy: 0 })).toBe(1.5);
    const rows = batchOverlay([batches(1, 4, () => 1), batches(1, 2, () => 2)], 100);
    expect(rows.map((r) => r.x)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(rows[1]).toEqual({ x: 0.5, loss0: 1, accuracy0: 0.5, loss1: 2, accuracy1: 0.5 });
    expect(rows[0]).not.toHaveProperty('loss1');
  });

  it('thins each run to at most the given points, keeping its first and last batch', () => {
    const rows = batchOverlay([batches(3, 500, (s) => s), batches(1, 10, (s) => -s)], 200);
    const first = rows.filter((r) => 'loss0' in r);
    expect(first.length).toBeLessThanOrEqual(200);
    expect(first[0]!['loss0']).toBe(1);
    expect(first[first.length - 1]!['loss0']).toBe(1500);
    expect(rows.filter((r) => 'loss1' in r)).toHaveLength(10);
  });
});

describe('thinning', () => {
  it('never returns more than asked, keeps the ends, and keeps the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 2000 }), fc.integer({ min: 0, max: 700 }), (points, max) => {
        const out = thinEvenly(points, max);
        expect(out.length).toBe(Math.min(points.length, max));
        if (out.length >= 2) {
          expect(out[0]).toBe(points[0]);
          expect(out[out.length - 1]).toBe(points[points.length - 1]);
        }
        const sorted = points.map((_, i) => i);
        const indices = thinEvenly(sorted, max);
        for (let i = 1; i < indices.length; i++) expect(indices[i]!).toBeGreaterThan(indices[i - 1]!);
      }),
    );
  });
});

describe('run colours', () => {
  it('gives the first runs distinct colours and repeats after the palette', () => {
    const first = RUN_COLOURS.map((_, i) => runColour(i));
    expect(new Set(first).size).toBe(RUN_COLOURS.length);
    expect(runColour(RUN_COLOURS.length)).toBe(runColour(0));
  });
});
