import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEventOf } from '../../../src-shared/engine/protocol';
import { BatchBuffer } from '../../../src-renderer/training/batch-buffer';
import type { BatchPoint } from '../../../src-renderer/training/training-store';

const batch = (b: number): EngineEventOf<'batch'> => ({
  type: 'batch',
  runId: 'r',
  epoch: 2,
  batch: b,
  batchesPerEpoch: 10,
  loss: 1 / b,
  accuracy: 0.5,
  samplesPerSec: 100,
  secondsLeft: 1,
});

describe('BatchBuffer', () => {
  let shown: { latest: number; steps: number[] }[];
  let buffer: BatchBuffer;
  beforeEach(() => {
    vi.useFakeTimers();
    shown = [];
    buffer = new BatchBuffer(
      (latest, points: readonly BatchPoint[]) => shown.push({ latest: latest.batch, steps: points.map((p) => p.step) }),
      250,
    );
  });
  afterEach(() => vi.useRealTimers());

  it('shows the latest batch with every point so far at most once per interval', () => {
    for (let b = 1; b <= 3; b++) buffer.add(batch(b));
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(shown).toEqual([{ latest: 3, steps: [11, 12, 13] }]);
    vi.advanceTimersByTime(1000);
    expect(shown).toHaveLength(1);
  });

  it('flushes at once on demand, and not again when nothing is waiting', () => {
    buffer.add(batch(1));
    buffer.flush();
    buffer.flush();
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual([{ latest: 1, steps: [11] }]);
  });

  it('shows nothing once disposed', () => {
    buffer.add(batch(1));
    buffer.dispose();
    vi.advanceTimersByTime(1000);
    buffer.flush();
    expect(shown).toEqual([]);
  });
});
